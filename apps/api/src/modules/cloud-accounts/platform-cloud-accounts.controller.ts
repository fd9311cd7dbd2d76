import { Controller, Delete, HttpCode, HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { AuditService } from '../audit/audit.service';
import { CloudAccountsService } from './cloud-accounts.service';

/** Staff removing a customer's cloud account (and, by cascade, everything that belongs to it). */
@ApiTags('platform-orgs')
@Controller('platform/orgs/:orgId/accounts')
@PlatformAccess('super_admin')
export class PlatformCloudAccountsController {
  constructor(private readonly accounts: CloudAccountsService, private readonly audit: AuditService) {}

  @Delete(':accountId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('platform.account_deleted', { orgAction: 'cloud_account.deleted_by_platform' })
  @ApiOperation({ operationId: 'deleteOrgCloudAccount', summary: 'Delete a cloud account with its cost rows, sync jobs, budgets, alert rules and the rest' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async remove(@Param('orgId', ParseUUIDPipe) orgId: string, @Param('accountId', ParseUUIDPipe) accountId: string): Promise<void> {
    await this.accounts.remove(orgId, accountId);
    this.audit.describe({ orgId });
  }
}
