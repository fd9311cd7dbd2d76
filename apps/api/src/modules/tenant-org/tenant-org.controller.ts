import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SupportSessionMay, TenantAccess } from '../../common/decorators/access.decorator';
import { requestContext } from '../../common/http/request-context';
import type { Request } from 'express';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { SuccessResponseDto } from '../../common/http/success-response.dto';
import { OrgDto, TransferOwnershipDto, UpdateOrgSettingsDto } from './dto/org.dto';
import { TenantOrgService } from './tenant-org.service';

@ApiTags('org')
@Controller('org')
export class TenantOrgController {
  constructor(private readonly org: TenantOrgService) {}

  @Get()
  @TenantAccess()
  @ApiOperation({ operationId: 'getOrg', summary: 'The organization of the signed-in user' })
  @ApiOkResponse({ type: OrgDto })
  get(@CurrentPrincipal() principal: Principal): Promise<OrgDto> {
    return this.org.get(principal.orgId!);
  }

  @Patch('settings')
  @TenantAccess('owner', 'admin')
  @Audit('org.settings_updated')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'updateOrgSettings', summary: 'Rename; owners also set require_2fa and allow_platform_impersonation' })
  @ApiOkResponse({ type: OrgDto })
  updateSettings(@CurrentPrincipal() principal: Principal, @Body() body: UpdateOrgSettingsDto, @Req() request: Request): Promise<OrgDto> {
    return this.org.updateSettings(principal, body, requestContext(request));
  }

  @Post('transfer-ownership')
  @TenantAccess('owner')
  @HttpCode(HttpStatus.OK)
  @Audit('org.ownership_transferred')
  @ApiOperation({ operationId: 'transferOrgOwnership', summary: 'Make another member an owner and become an admin' })
  @ApiOkResponse({ type: SuccessResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async transferOwnership(@CurrentPrincipal() principal: Principal, @Body() body: TransferOwnershipDto): Promise<SuccessResponseDto> {
    await this.org.transferOwnership(principal, body.user_id);
    return { success: true };
  }
}
