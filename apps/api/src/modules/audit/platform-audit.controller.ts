import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ClockService } from '../../common/clock/clock.service';
import { PlatformAccess } from '../../common/decorators/access.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { requestContext } from '../../common/http/request-context';
import { actorOf, AuditService } from './audit.service';
import { startCsvDownload } from '../../common/http/csv-export';
import { AuditQueryService } from './audit-query.service';
import { AuditVerifierService } from './audit-verifier.service';
import { AuditLogPageDto, AuditVerificationDto, PlatformAuditLogQueryDto } from './dto/audit-log.dto';

/** The platform audit log: super_admin only (SPEC §7). */
@ApiTags('platform-audit')
@Controller('platform')
@PlatformAccess('super_admin')
export class PlatformAuditController {
  constructor(
    private readonly queries: AuditQueryService,
    private readonly verifier: AuditVerifierService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  @Get('audit-log')
  @ApiOperation({ operationId: 'listPlatformAuditLog', summary: 'The platform audit log, newest first; format=csv streams every matching entry' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AuditLogPageDto })
  async list(@Query() query: PlatformAuditLogQueryDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (query.format !== 'csv') {
      response.json(await this.queries.list('platform', query, query));
      return;
    }
    await this.audit.recordSeparately({
      action: 'platform.audit_exported',
      actor: actorOf(principal),
      metadata: { filters: { org_id: query.org_id, action: query.action, actor_id: query.actor_id, from: query.from, to: query.to } },
      context: requestContext(request),
    });
    startCsvDownload(response, 'platform-audit-log', this.clock);
    await this.queries.exportCsv('platform', query, response);
  }

  @Get('audit-logs')
  @ApiOperation({ operationId: 'listPlatformAuditLogs', summary: 'Alias of GET /platform/audit-log' })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AuditLogPageDto })
  listAlias(@Query() query: PlatformAuditLogQueryDto, @CurrentPrincipal() principal: Principal, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.list(query, principal, request, response);
  }

  @Get('audit-log/verify')
  @ApiOperation({ operationId: 'verifyPlatformAuditLog', summary: 'Recompute the platform hash chain' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerificationDto> {
    return this.verifier.verifyPlatform();
  }
}
