import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, UseGuards } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { NoApiKeys, NoIdempotency, PlatformAccess, SupportSessionMay, TenantAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { EmptyBodyDto } from '../../common/http/empty-body.dto';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { requestContext } from '../../common/http/request-context';
import { SuccessResponseDto } from '../../common/http/success-response.dto';
import { LOGIN_THROTTLER } from '../auth/login-rate.guard';
import {
  AccessLogQueryDto,
  CreateSupportSessionDto,
  ImpersonateUserDto,
  RevokeSupportSessionDto,
  SupportSessionCreatedDto,
  SupportSessionDetailDto,
  SupportSessionDto,
  SupportSessionListDto,
  SupportSessionListQueryDto,
} from './dto/support-session.dto';
import { MINTS_PER_MINUTE, MintRateGuard } from './mint-rate.guard';
import { SupportSessionsService } from './support-sessions.service';

// Both minting routes share one budget per staff member (SPEC §6). Minting needs a person with a second factor: never an API key (SPEC §11).
const MintingRoute = () => applyDecorators(NoApiKeys(), NoIdempotency(), UseGuards(MintRateGuard), Throttle({ [LOGIN_THROTTLER]: { limit: MINTS_PER_MINUTE, ttl: 60_000 } }));

/** Staff start, watch and revoke support sessions (SPEC §6). */
@ApiTags('support-sessions')
@Controller('platform')
export class SupportSessionsController {
  constructor(private readonly supportSessions: SupportSessionsService) {}

  @Post('support-sessions')
  @PlatformAccess('super_admin', 'support_admin')
  @MintingRoute()
  @Audit('platform.impersonation_started')
  @ApiOperation({ operationId: 'createSupportSession', summary: 'Start a support session on a tenant user (step-up: totp_code or MFA within 5 minutes)' })
  @ApiCreatedResponse({ type: SupportSessionCreatedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: '10 a minute per staff member; see Retry-After', type: ErrorResponseDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateSupportSessionDto, @Req() request: Request): Promise<SupportSessionCreatedDto> {
    return this.supportSessions.start(
      principal,
      {
        orgId: body.org_id,
        targetUserId: body.target_user_id,
        reason: body.reason,
        ticketRef: body.ticket_ref,
        ttlMinutes: body.ttl_minutes,
        scope: body.scopes?.[0] ?? 'read_only',
        totpCode: body.totp_code,
      },
      requestContext(request),
    );
  }

  @Post('impersonate/:userId')
  @PlatformAccess('super_admin')
  @MintingRoute()
  @Audit('platform.impersonation_started')
  @ApiOperation({ operationId: 'impersonateUser', summary: 'A 15-minute read_write support session on one tenant user, with their own role' })
  @ApiCreatedResponse({ type: SupportSessionCreatedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: '10 a minute per staff member; see Retry-After', type: ErrorResponseDto })
  impersonate(@CurrentPrincipal() principal: Principal, @Param('userId', ParseUUIDPipe) userId: string, @Body() body: ImpersonateUserDto, @Req() request: Request): Promise<SupportSessionCreatedDto> {
    return this.supportSessions.start(principal, { targetUserId: userId, reason: body.reason, ticketRef: body.ticket_ref, scope: 'read_write', totpCode: body.totp_code }, requestContext(request));
  }

  @Get('support-sessions')
  @PlatformAccess('super_admin', 'support_admin')
  @ApiOperation({ operationId: 'listSupportSessions', summary: 'Support sessions, newest first, with counts by status' })
  @ApiOkResponse({ type: SupportSessionListDto })
  list(@Query() query: SupportSessionListQueryDto): Promise<SupportSessionListDto> {
    return this.supportSessions.list({ ...query, orgId: query.org_id });
  }

  @Get('support-sessions/:id')
  @PlatformAccess('super_admin', 'support_admin')
  @ApiOperation({ operationId: 'getSupportSession', summary: 'One support session with its access log (paged)' })
  @ApiOkResponse({ type: SupportSessionDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  detail(@Param('id', ParseUUIDPipe) id: string, @Query() query: AccessLogQueryDto): Promise<SupportSessionDetailDto> {
    return this.supportSessions.detail(id, query);
  }

  @Post('support-sessions/:id/revoke')
  @HttpCode(HttpStatus.OK)
  @PlatformAccess('super_admin', 'support_admin')
  @Audit('platform.impersonation_ended')
  @ApiOperation({ operationId: 'revokeSupportSession', summary: 'End a support session now; its token stops working at once' })
  @ApiOkResponse({ type: SupportSessionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Already ended or expired', type: ErrorResponseDto })
  revoke(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() body: RevokeSupportSessionDto, @Req() request: Request): Promise<SupportSessionDto> {
    return this.supportSessions.revoke(principal, id, body.reason, requestContext(request));
  }
}

/** The tenant side: the support session ends itself; owners and admins see every session on their org. */
@ApiTags('support-sessions')
@Controller()
export class TenantSupportSessionsController {
  constructor(private readonly supportSessions: SupportSessionsService) {}

  @Post('support-session/end')
  @HttpCode(HttpStatus.OK)
  @TenantAccess()
  @SupportSessionMay('any')
  @Audit('platform.impersonation_ended')
  @ApiOperation({ operationId: 'endSupportSession', summary: 'End the support session this token belongs to' })
  @ApiOkResponse({ type: SuccessResponseDto })
  async end(@CurrentPrincipal() principal: Principal, @Body() _body: EmptyBodyDto, @Req() request: Request): Promise<SuccessResponseDto> {
    await this.supportSessions.endOwn(principal, requestContext(request));
    return { success: true };
  }

  @Get('org/support-sessions')
  @TenantAccess('owner', 'admin')
  @ApiOperation({ operationId: 'listOrgSupportSessions', summary: 'Every support session platform staff opened on this org' })
  @ApiOkResponse({ type: SupportSessionListDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: SupportSessionListQueryDto): Promise<SupportSessionListDto> {
    return this.supportSessions.list({ ...query, orgId: principal.orgId! });
  }

  @Get('org/support-sessions/:id')
  @TenantAccess('owner', 'admin')
  @ApiOperation({ operationId: 'getOrgSupportSession', summary: 'One support session on this org, with every request it made' })
  @ApiOkResponse({ type: SupportSessionDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  detail(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Query() query: AccessLogQueryDto): Promise<SupportSessionDetailDto> {
    return this.supportSessions.detail(id, query, principal.orgId!);
  }
}
