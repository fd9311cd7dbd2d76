import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ClockService } from '../../common/clock/clock.service';
import { TenantAccess } from '../../common/decorators/access.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { requestContext } from '../../common/http/request-context';
import { actorOf, AuditService } from './audit.service';
import { startCsvDownload } from '../../common/http/csv-export';
import { AuditQueryService } from './audit-query.service';
import { AuditVerifierService } from './audit-verifier.service';
import { AuditLogPageDto, AuditVerificationDto, OrgAuditLogQueryDto } from './dto/audit-log.dto';

/** An org's own audit log, including everything platform staff did in it: its owners and admins only. */
@ApiTags('audit')
@Controller('admin/audit-log')
@TenantAccess('owner', 'admin')
export class OrgAuditController {
  constructor(
    private readonly queries: AuditQueryService,
    private readonly verifier: AuditVerifierService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listOrgAuditLog', summary: "The org's audit log, newest first; format=csv streams every matching entry" })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AuditLogPageDto })
  async list(@Query() query: OrgAuditLogQueryDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    const filters = { ...query, org_id: principal.orgId! };
    if (query.format !== 'csv') {
      response.json(await this.queries.list('org', filters, query));
      return;
    }
    await this.audit.recordSeparately({
      action: 'audit.exported',
      actor: actorOf(principal),
      orgId: principal.orgId,
      metadata: { filters: { action: query.action, actor_id: query.actor_id, from: query.from, to: query.to } },
      context: requestContext(request),
    });
    startCsvDownload(response, 'audit-log', this.clock);
    await this.queries.exportCsv('org', filters, response);
  }

  @Get('verify')
  @ApiOperation({ operationId: 'verifyOrgAuditLog', summary: "Recompute the org's hash chain" })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(@CurrentPrincipal() principal: Principal): Promise<AuditVerificationDto> {
    return this.verifier.verifyOrg(principal.orgId!);
  }
}
