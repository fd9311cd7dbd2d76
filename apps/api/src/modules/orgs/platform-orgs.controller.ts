import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { ApiAcceptedResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NoApiKeys, PlatformAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { EmptyBodyDto } from '../../common/http/empty-body.dto';
import { PaginationQueryDto } from '../../common/http/pagination.dto';
import { requestContext } from '../../common/http/request-context';
import { SuccessResponseDto } from '../../common/http/success-response.dto';
import { actorOf, AuditService } from '../audit/audit.service';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import {
  ChangePlanDto,
  ContactOrgDto,
  ContactResultDto,
  CreateOrgDto,
  DeleteOrgDto,
  DeletionScheduledDto,
  GrowthDto,
  GrowthQueryDto,
  OrgDetailDto,
  OrgListDto,
  OrgListQueryDto,
  OrgRowDto,
  PlatformStatsDto,
  ReasonDto,
  RequireTwoFactorDto,
  SearchQueryDto,
  SearchResultDto,
  SyncHealthDto,
  UsageDto,
} from './dto/platform-orgs.dto';
import { OrgLifecycleService } from './org-lifecycle.service';
import { PlatformOrgsQueryService } from './platform-orgs-query.service';

const ORG_ID = 'id';

/** The super_admin's console over every organization (SPEC §4). */
@ApiTags('platform-orgs')
@Controller('platform')
@PlatformAccess('super_admin')
export class PlatformOrgsController {
  constructor(private readonly queries: PlatformOrgsQueryService, private readonly lifecycle: OrgLifecycleService, private readonly audit: AuditService) {}

  @Get('stats')
  @ApiOperation({ operationId: 'getPlatformStats', summary: 'Totals across every organization (from counters)' })
  @ApiOkResponse({ type: PlatformStatsDto })
  stats(): Promise<PlatformStatsDto> {
    return this.queries.stats();
  }

  @Get('growth')
  @ApiOperation({ operationId: 'getPlatformGrowth', summary: 'New organizations per week, oldest first, ending with the current week' })
  @ApiOkResponse({ type: GrowthDto })
  growth(@Query() query: GrowthQueryDto): Promise<GrowthDto> {
    return this.queries.growth(query.weeks ?? 12);
  }

  @Get('sync-health')
  @ApiOperation({ operationId: 'getSyncHealth', summary: 'Cloud accounts in the error state, across every org' })
  @ApiOkResponse({ type: SyncHealthDto })
  syncHealth(@Query() query: PaginationQueryDto): Promise<SyncHealthDto> {
    return this.queries.syncHealth(query);
  }

  @Get('usage')
  @ApiOperation({ operationId: 'getPlatformUsage', summary: 'Per org, the last 30 days: syncs, API calls, last activity, cost rows' })
  @ApiOkResponse({ type: UsageDto })
  usage(@Query() query: PaginationQueryDto): Promise<UsageDto> {
    return this.queries.usage(query);
  }

  @Get('search')
  @ApiOperation({ operationId: 'searchPlatform', summary: 'Cross-org search of orgs, users and cloud accounts (audited with a hash of the term)' })
  @ApiOkResponse({ type: SearchResultDto })
  async search(@Query() query: SearchQueryDto, @CurrentPrincipal() principal: Principal, @Req() request: Request): Promise<SearchResultDto> {
    const result = await this.queries.search(query.q);
    // Looking across tenants is itself worth a trace; the term is kept only as a hash.
    await this.audit.recordSeparately({
      action: 'platform.cross_org_search',
      actor: actorOf(principal),
      metadata: { term_sha256: createHash('sha256').update(query.q.toLowerCase()).digest('hex'), results: result.orgs.length + result.users.length + result.cloud_accounts.length },
      context: requestContext(request),
    });
    return result;
  }

  @Get('orgs')
  @ApiOperation({ operationId: 'listOrgs', summary: 'Organizations: search by name, slug or id; filter; sort on any column' })
  @ApiOkResponse({ type: OrgListDto })
  list(@Query() query: OrgListQueryDto): Promise<OrgListDto> {
    return this.queries.list(query);
  }

  @Post('orgs')
  @Audit('platform.org_created', { orgAction: 'org.created_by_platform' })
  @ApiOperation({ operationId: 'createOrg', summary: 'Create an active organization and invite its owner' })
  @ApiCreatedResponse({ type: OrgRowDto })
  @ApiConflictResponse({ description: 'Slug or e-mail taken', type: ErrorResponseDto })
  create(@Body() body: CreateOrgDto): Promise<OrgRowDto> {
    return this.lifecycle.create(body);
  }

  @Get('orgs/:id')
  @ApiOperation({ operationId: 'getOrgDetail', summary: 'An organization with its users, cloud accounts and cost summary' })
  @ApiOkResponse({ type: OrgDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  detail(@Param(ORG_ID, ParseUUIDPipe) id: string): Promise<OrgDetailDto> {
    return this.queries.detail(id);
  }

  @Patch('orgs/:id/plan')
  @Audit('platform.org_plan_changed', { orgAction: 'org.plan_changed_by_platform' })
  @ApiOperation({ operationId: 'changeOrgPlan', summary: 'Change the plan' })
  @ApiOkResponse({ type: OrgRowDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  changePlan(@Param(ORG_ID, ParseUUIDPipe) id: string, @Body() body: ChangePlanDto): Promise<OrgRowDto> {
    return this.lifecycle.changePlan(id, body.plan);
  }

  @Patch('orgs/:id/require-2fa')
  @Audit('platform.org_2fa_required_changed', { orgAction: 'org.2fa_requirement_changed_by_platform' })
  @ApiOperation({ operationId: 'setOrgRequireTwoFactor', summary: 'Require (or stop requiring) TOTP for every user of the org' })
  @ApiOkResponse({ type: OrgRowDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  setRequireTwoFactor(@Param(ORG_ID, ParseUUIDPipe) id: string, @Body() body: RequireTwoFactorDto): Promise<OrgRowDto> {
    return this.lifecycle.setRequireTwoFactor(id, body.required);
  }

  @Post('orgs/:id/contact')
  @HttpCode(HttpStatus.ACCEPTED)
  @Audit('platform.org_contacted', { orgAction: 'org.contacted_by_platform' })
  @ApiOperation({ operationId: 'contactOrgAdmins', summary: 'E-mail every owner and admin of the org' })
  @ApiAcceptedResponse({ type: ContactResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async contact(@Param(ORG_ID, ParseUUIDPipe) id: string, @Body() body: ContactOrgDto): Promise<ContactResultDto> {
    return { recipients: await this.lifecycle.contact(id, body.subject, body.message) };
  }

  @Post('orgs/:id/approve')
  @HttpCode(HttpStatus.OK)
  @Audit('platform.org_approved', { orgAction: 'org.approved_by_platform' })
  @ApiOperation({ operationId: 'approveOrg', summary: 'Approve a pending sign-up (the owner is e-mailed)' })
  @ApiOkResponse({ type: OrgRowDto })
  @ApiConflictResponse({ description: 'Not pending', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  approve(@Param(ORG_ID, ParseUUIDPipe) id: string, @Body() _body: EmptyBodyDto): Promise<OrgRowDto> {
    return this.lifecycle.approve(id);
  }

  @Post('orgs/:id/reject')
  @HttpCode(HttpStatus.OK)
  @Audit('platform.org_rejected', { orgAction: 'org.rejected_by_platform' })
  @ApiOperation({ operationId: 'rejectOrg', summary: 'Reject a pending sign-up with a reason (the owner is e-mailed)' })
  @ApiOkResponse({ type: OrgRowDto })
  @ApiConflictResponse({ description: 'Not pending', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  reject(@Param(ORG_ID, ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<OrgRowDto> {
    return this.lifecycle.reject(id, body.reason);
  }

  @Post('orgs/:id/disable')
  @HttpCode(HttpStatus.OK)
  @Audit('platform.org_disabled', { orgAction: 'org.disabled_by_platform' })
  @ApiOperation({ operationId: 'disableOrg', summary: 'Suspend the org: every session of its members ends at once' })
  @ApiOkResponse({ type: OrgRowDto })
  @ApiConflictResponse({ description: 'Not active', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  disable(@Param(ORG_ID, ParseUUIDPipe) id: string, @Body() body: ReasonDto): Promise<OrgRowDto> {
    return this.lifecycle.disable(id, body.reason);
  }

  @Post('orgs/:id/enable')
  @HttpCode(HttpStatus.OK)
  @Audit('platform.org_enabled', { orgAction: 'org.enabled_by_platform' })
  @ApiOperation({ operationId: 'enableOrg', summary: 'Re-activate a suspended org' })
  @ApiOkResponse({ type: OrgRowDto })
  @ApiConflictResponse({ description: 'Not suspended', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  enable(@Param(ORG_ID, ParseUUIDPipe) id: string, @Body() _body: EmptyBodyDto): Promise<OrgRowDto> {
    return this.lifecycle.enable(id);
  }

  @Delete('orgs/:id')
  @HttpCode(HttpStatus.ACCEPTED)
  @Audit('platform.org_deletion_initiated', { orgAction: 'org.deletion_scheduled_by_platform' })
  @ApiOperation({ operationId: 'deleteOrg', summary: 'Schedule deletion after a 7-day grace; confirmation (body or query) must equal the slug' })
  @ApiQuery({ name: 'confirmation', required: false, description: 'The org slug, when not sent in the body' })
  @ApiAcceptedResponse({ type: DeletionScheduledDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Already being deleted', type: ErrorResponseDto })
  async remove(@Param(ORG_ID, ParseUUIDPipe) id: string, @Body() body: DeleteOrgDto, @Query() query: DeleteOrgDto): Promise<DeletionScheduledDto> {
    const scheduledAt = await this.lifecycle.scheduleDeletion(id, body.confirmation ?? query.confirmation);
    return { deletion_scheduled_at: scheduledAt.toISOString() };
  }

  @Post('orgs/:orgId/users/:userId/reset-mfa')
  @NoApiKeys()
  @HttpCode(HttpStatus.OK)
  @Audit('platform.user_mfa_reset', { orgAction: 'user.mfa_reset_by_platform' })
  @ApiOperation({ operationId: 'resetOrgUserMfa', summary: "Clear a tenant user's TOTP; they enroll again at next sign-in (owners are e-mailed)" })
  @ApiOkResponse({ type: SuccessResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async resetMfa(@Param('orgId', ParseUUIDPipe) orgId: string, @Param('userId', ParseUUIDPipe) userId: string, @Body() _body: EmptyBodyDto): Promise<SuccessResponseDto> {
    await this.lifecycle.resetMfa(orgId, userId);
    return { success: true };
  }

  @Post('orgs/:id/restore')
  @HttpCode(HttpStatus.OK)
  @Audit('platform.org_deletion_cancelled', { orgAction: 'org.deletion_cancelled_by_platform' })
  @ApiOperation({ operationId: 'restoreOrg', summary: 'Cancel a pending deletion within the grace' })
  @ApiOkResponse({ type: OrgRowDto })
  @ApiConflictResponse({ description: 'Not pending deletion', type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  restore(@Param(ORG_ID, ParseUUIDPipe) id: string, @Body() _body: EmptyBodyDto): Promise<OrgRowDto> {
    return this.lifecycle.restore(id);
  }
}
