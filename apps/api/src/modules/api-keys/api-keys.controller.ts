import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoApiKeys, NoIdempotency, PlatformAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@Controller('platform/api-keys')
@PlatformAccess('super_admin')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @NoApiKeys()
  @NoIdempotency()
  @Audit('platform.api_key_created')
  @ApiOperation({ operationId: 'createApiKey', summary: 'Create an API key; its secret is in this answer only' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(principal, body);
  }

  @Get()
  @ApiOperation({ operationId: 'listApiKeys', summary: 'Active API keys, newest first (never their secrets)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  list(): Promise<ApiKeyListDto> {
    return this.apiKeys.list();
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('platform.api_key_revoked')
  @ApiOperation({ operationId: 'revokeApiKey', summary: 'Revoke an API key; it stops working at once' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
