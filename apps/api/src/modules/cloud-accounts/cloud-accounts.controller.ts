import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SupportSessionMay, TenantAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { EmptyBodyDto } from '../../common/http/empty-body.dto';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { CloudAccountsService } from './cloud-accounts.service';
import { CloudAccountDto, CloudAccountListDto, CreateCloudAccountDto, SyncJobDto, UpdateCloudAccountDto } from './dto/cloud-account.dto';

const WRITERS = ['owner', 'admin', 'operator'] as const;

@ApiTags('cloud-accounts')
@Controller('cloud-accounts')
export class CloudAccountsController {
  constructor(private readonly accounts: CloudAccountsService) {}

  @Get()
  @TenantAccess()
  @ApiOperation({ operationId: 'listCloudAccounts', summary: "The org's cloud accounts" })
  @ApiOkResponse({ type: CloudAccountListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PaginationQueryDto): Promise<CloudAccountListDto> {
    return this.accounts.list(principal.orgId!, query);
  }

  @Get(':id')
  @TenantAccess()
  @ApiOperation({ operationId: 'getCloudAccount', summary: 'One cloud account' })
  @ApiOkResponse({ type: CloudAccountDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CloudAccountDto> {
    return this.accounts.get(principal.orgId!, id);
  }

  @Post()
  @TenantAccess(...WRITERS)
  @Audit('cloud_account.created')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'createCloudAccount', summary: 'Connect an AWS, Azure or GCP account' })
  @ApiCreatedResponse({ type: CloudAccountDto })
  @ApiConflictResponse({ description: 'Already connected', type: ErrorResponseDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCloudAccountDto): Promise<CloudAccountDto> {
    return this.accounts.create(principal.orgId!, body);
  }

  @Patch(':id')
  @TenantAccess(...WRITERS)
  @Audit('cloud_account.updated')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'updateCloudAccount', summary: 'Rename a cloud account' })
  @ApiOkResponse({ type: CloudAccountDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCloudAccountDto): Promise<CloudAccountDto> {
    return this.accounts.update(principal.orgId!, id, body);
  }

  @Delete(':id')
  @TenantAccess(...WRITERS)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('cloud_account.deleted')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'deleteCloudAccount', summary: 'Disconnect a cloud account and delete its data' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.accounts.remove(principal.orgId!, id);
  }

  @Post(':id/sync')
  @TenantAccess(...WRITERS)
  @HttpCode(HttpStatus.ACCEPTED)
  @Audit('cloud_account.sync_requested')
  @SupportSessionMay('read_write')
  @ApiOperation({ operationId: 'syncCloudAccount', summary: 'Queue a sync of the billing data (an account already syncing keeps its job)' })
  @ApiAcceptedResponse({ type: SyncJobDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  sync(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() _body: EmptyBodyDto): Promise<SyncJobDto> {
    return this.accounts.requestSync(principal.orgId!, id);
  }
}
