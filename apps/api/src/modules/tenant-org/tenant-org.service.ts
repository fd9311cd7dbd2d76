import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Principal } from '../../common/decorators/principal.decorator';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from '../auth/sessions.service';
import { SupportSessionsService } from '../impersonation/support-sessions.service';
import { Organization } from '../orgs/organization.entity';
import { User } from '../users/user.entity';
import type { OrgDto, UpdateOrgSettingsDto } from './dto/org.dto';

/** The signed-in user's own organization: its profile, settings and ownership. */
@Injectable()
export class TenantOrgService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly supportSessions: SupportSessionsService,
  ) {}

  async get(orgId: string): Promise<OrgDto> {
    return toOrgDto(await this.load(orgId));
  }

  @Transactional()
  async updateSettings(principal: Principal, changes: UpdateOrgSettingsDto, context: RequestContext): Promise<OrgDto> {
    const touchesSecurity = changes.require_2fa !== undefined || changes.allow_platform_impersonation !== undefined;
    if (touchesSecurity && principal.impersonation) throw new ForbiddenException('A support session cannot change the organization’s security settings');
    if (touchesSecurity && principal.role !== 'owner') throw new ForbiddenException('Only an owner can change require_2fa or allow_platform_impersonation');
    const organization = await this.load(principal.orgId!, { lock: true });
    const before = { name: organization.name, require_2fa: organization.requireTwoFactor, allow_platform_impersonation: organization.allowPlatformImpersonation };
    if (changes.name !== undefined) organization.name = changes.name;
    if (changes.require_2fa !== undefined) organization.requireTwoFactor = changes.require_2fa;
    if (changes.allow_platform_impersonation !== undefined) organization.allowPlatformImpersonation = changes.allow_platform_impersonation;
    await this.transactionHost.tx.getRepository(Organization).update(
      { id: organization.id },
      { name: organization.name, requireTwoFactor: organization.requireTwoFactor, allowPlatformImpersonation: organization.allowPlatformImpersonation },
    );
    const sessionsEnded = !before.require_2fa && organization.requireTwoFactor ? await this.sessions.revokeOrgSessionsWithoutMfa(organization.id, 'two_factor_required') : 0;
    const consentChanged = before.allow_platform_impersonation !== organization.allowPlatformImpersonation;
    // Withdrawn consent ends the support sessions running on the org, not only future ones.
    const supportSessionsEnded = consentChanged && !organization.allowPlatformImpersonation ? await this.supportSessions.endAllOfOrg(organization.id, principal, context) : 0;
    this.audit.describe({
      target: { type: 'organization', id: organization.id, name: organization.name },
      // The consent to support sessions has its own action names (SPEC §7): owners look for them.
      ...(consentChanged ? { action: organization.allowPlatformImpersonation ? 'org.platform_impersonation_enabled' : 'org.platform_impersonation_disabled' } : {}),
      metadata: {
        before,
        after: { name: organization.name, require_2fa: organization.requireTwoFactor, allow_platform_impersonation: organization.allowPlatformImpersonation },
        ...(sessionsEnded ? { sessions_without_mfa_ended: sessionsEnded } : {}),
        ...(supportSessionsEnded ? { support_sessions_ended: supportSessionsEnded } : {}),
      },
    });
    return toOrgDto(organization);
  }

  /** The target member becomes an owner, the caller an admin; both sign in again (a role change ends sessions). */
  @Transactional()
  async transferOwnership(principal: Principal, targetUserId: string): Promise<void> {
    const users = this.transactionHost.tx.getRepository(User);
    const target = await users.createQueryBuilder('user').setLock('pessimistic_write').where('user.id = :id AND user.org_id = :orgId', { id: targetUserId, orgId: principal.orgId }).getOne();
    if (!target) throw new NotFoundException('Member not found');
    if (target.id === principal.accountId) throw new ForbiddenException('You already own this organization');
    if (target.status !== 'active') throw new ForbiddenException('Ownership can only go to a member who has accepted their invitation');
    const previousRole = target.role;
    await users.update({ id: target.id }, { role: 'owner' });
    await users.update({ id: principal.accountId }, { role: 'admin' });
    await this.sessions.revokeAllForAccount('tenant', target.id, 'role_changed');
    await this.sessions.revokeAllForAccount('tenant', principal.accountId, 'role_changed');
    this.audit.describe({ target: { type: 'user', id: target.id, name: target.email }, metadata: { new_owner_previous_role: previousRole, previous_owner_new_role: 'admin' } });
  }

  private async load(orgId: string, options: { lock?: boolean } = {}): Promise<Organization> {
    const query = this.transactionHost.tx.getRepository(Organization).createQueryBuilder('org').where('org.id = :orgId', { orgId });
    if (options.lock) query.setLock('pessimistic_write');
    const organization = await query.getOne();
    if (!organization) throw new NotFoundException('Organization not found');
    return organization;
  }
}

export function toOrgDto(organization: Organization): OrgDto {
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    plan: organization.plan,
    status: organization.status,
    require_2fa: organization.requireTwoFactor,
    allow_platform_impersonation: organization.allowPlatformImpersonation,
    user_count: organization.userCount,
    account_count: organization.accountCount,
    error_count: organization.errorCount,
    cost_row_count: Number(organization.costRowCount),
    last_sync_at: organization.lastSyncAt?.toISOString() ?? null,
    created_at: organization.createdAt.toISOString(),
  };
}
