import { Body, Controller, Get, HttpCode, HttpStatus, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformAccess } from '../../common/decorators/access.decorator';
import { Audit } from '../../common/decorators/audit.decorator';
import { EmptyBodyDto } from '../../common/http/empty-body.dto';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { FleetHealthDto, ForceLogoutResultDto, TenantHealthDetailDto, TenantHealthListDto, TenantHealthQueryDto } from './dto/tenant-health.dto';
import { TenantsHealthService } from './tenants-health.service';

/** The support console (SPEC §5): support_admin and super_admin. */
@ApiTags('support')
@Controller('platform')
@PlatformAccess('super_admin', 'support_admin')
export class TenantsHealthController {
  constructor(
    private readonly health: TenantsHealthService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('tenants/health')
  @ApiOperation({ operationId: 'listTenantHealth', summary: 'Every tenant with its health class and why; the stats block counts all tenants' })
  @ApiOkResponse({ type: TenantHealthListDto })
  list(@Query() query: TenantHealthQueryDto): Promise<TenantHealthListDto> {
    return this.health.list(query);
  }

  @Get('fleet/health')
  @ApiOperation({ operationId: 'getFleetHealth', summary: 'How many tenants are healthy, in warning, critical or unknown' })
  @ApiOkResponse({ type: FleetHealthDto })
  fleet(): Promise<FleetHealthDto> {
    return this.health.fleet();
  }

  @Get('tenants/:id/health')
  @ApiOperation({ operationId: 'getTenantHealth', summary: "One tenant's four signals and its last 48 hours" })
  @ApiOkResponse({ type: TenantHealthDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  detail(@Param('id', ParseUUIDPipe) id: string): Promise<TenantHealthDetailDto> {
    return this.health.detail(id);
  }

  @Post('tenants/:id/force-logout')
  @HttpCode(HttpStatus.OK)
  @Audit('platform.org_force_logout', { orgAction: 'org.force_logout_by_platform' })
  @ApiOperation({ operationId: 'forceLogoutTenant', summary: 'End every session of every user of the org; their access tokens stop working at once' })
  @ApiOkResponse({ type: ForceLogoutResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async forceLogout(@Param('id', ParseUUIDPipe) id: string, @Body() _body: EmptyBodyDto): Promise<ForceLogoutResultDto> {
    const [org] = await this.dataSource.query('SELECT id, name FROM organizations WHERE id = $1', [id]);
    if (!org) throw new NotFoundException('Organization not found');
    // Every request re-reads its session row, so a revoked session's access token fails at once on every replica.
    const revoked = await this.sessions.revokeAllForOrg(id, 'force_logout');
    this.audit.describe({ target: { type: 'organization', id, name: org.name }, orgId: id, metadata: { revoked_sessions: revoked } });
    return { revoked_sessions: revoked };
  }
}
