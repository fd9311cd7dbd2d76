import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformAccess, TenantAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { CurrentPrincipal, type Principal } from '../../common/decorators/principal.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { ActiveSessionListDto, MySessionListDto } from './dto/session.dto';
import { SessionsAdminService } from './sessions-admin.service';

/** Staff view of every active tenant session (SPEC §4). */
@ApiTags('platform-sessions')
@Controller('platform/sessions')
@PlatformAccess('super_admin')
export class PlatformSessionsController {
  constructor(private readonly sessions: SessionsAdminService) {}

  @Get()
  @ApiOperation({ operationId: 'listActiveSessions', summary: 'Active tenant sessions, newest first (at most 100)' })
  @ApiOkResponse({ type: ActiveSessionListDto })
  list(): Promise<ActiveSessionListDto> {
    return this.sessions.listActiveTenantSessions();
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('platform.session_revoked', { orgAction: 'session.revoked_by_platform' })
  @ApiOperation({ operationId: 'revokeSession', summary: 'End one tenant session' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.sessions.revokeTenantSession(id);
  }
}

/** A tenant user's own sessions, to spot and end a device they do not recognise (ASVS 7.5.2). */
@ApiTags('auth')
@Controller('me/sessions')
@TenantAccess()
export class MySessionsController {
  constructor(private readonly sessions: SessionsAdminService) {}

  @Get()
  @ApiOperation({ operationId: 'listMySessions', summary: 'My active sessions' })
  @ApiOkResponse({ type: MySessionListDto })
  list(@CurrentPrincipal() principal: Principal): Promise<MySessionListDto> {
    return this.sessions.listOwn(principal);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('user.session_revoked')
  @ApiOperation({ operationId: 'revokeMySession', summary: 'End one of my sessions' })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.sessions.revokeOwn(principal, id);
  }
}
