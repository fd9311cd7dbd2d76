import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { createHash } from 'node:crypto';
import type { OrgPlan, OrgStatus } from '@keel/shared';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { SessionsService } from '../auth/sessions.service';
import { MailService } from '../mail/mail.service';
import type { MailTemplate } from '../mail/templates';
import { PlatformUser } from '../staff/platform-user.entity';
import { User } from '../users/user.entity';
import type { CreateOrgDto } from './dto/platform-orgs.dto';
import { Organization } from './organization.entity';
import { toOrgRowDto } from './platform-orgs-query.service';
import type { OrgRowDto } from './dto/platform-orgs.dto';
import { eventOrg, WebhooksService } from '../webhooks/webhooks.service';

export const DELETION_GRACE_MILLISECONDS = 7 * 86_400_000;

/**
 * What staff do to an org: create, approve or reject, suspend and re-enable, change plan and 2FA
 * policy, contact its admins, schedule or cancel deletion. Each change, its audit entries (both
 * logs) and its e-mails commit together.
 */
@Injectable()
export class OrgLifecycleService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
    private readonly webhooks: WebhooksService,
  ) {}

  private get organizations() {
    return this.transactionHost.tx.getRepository(Organization);
  }

  @Transactional()
  async create(input: CreateOrgDto): Promise<OrgRowDto> {
    const manager = this.transactionHost.tx;
    if (await this.organizations.existsBy({ slug: input.slug })) throw new ConflictException('This slug is taken');
    const emailTaken = (await manager.getRepository(User).existsBy({ email: input.owner_email })) || (await manager.getRepository(PlatformUser).existsBy({ email: input.owner_email }));
    if (emailTaken) throw new ConflictException('This e-mail already belongs to a Keel account');
    const now = this.clock.now();
    const organization = await this.organizations.save({ name: input.name, slug: input.slug, plan: input.plan, status: 'active', userCount: 1, createdAt: now, updatedAt: now });
    const owner = await manager.getRepository(User).save({
      orgId: organization.id,
      email: input.owner_email,
      name: input.owner_email.split('@')[0],
      role: 'owner',
      status: 'invited',
      createdAt: now,
      updatedAt: now,
    });
    await this.auth.invite('tenant', owner, organization.name);
    this.describe(organization, { plan: organization.plan, slug: organization.slug, owner_email: owner.email });
    await this.webhooks.emit('org.created', { organization: eventOrg(organization), origin: 'platform' });
    return toOrgRowDto({ ...toRow(organization) });
  }

  @Transactional()
  async changePlan(orgId: string, plan: OrgPlan): Promise<OrgRowDto> {
    const organization = await this.lock(orgId);
    const previous = organization.plan;
    if (previous === plan) this.audit.describe({ skip: true });
    organization.plan = plan;
    await this.organizations.update({ id: orgId }, { plan });
    this.describe(organization, { previous_plan: previous, plan });
    if (previous !== plan) await this.webhooks.emit('org.plan_changed', { organization: eventOrg(organization), previous_plan: previous, plan });
    return toOrgRowDto(toRow(organization));
  }

  /** Every user must enroll TOTP at their next sign-in; sessions that did not pass MFA end now. */
  @Transactional()
  async setRequireTwoFactor(orgId: string, required: boolean): Promise<OrgRowDto> {
    const organization = await this.lock(orgId);
    const previous = organization.requireTwoFactor;
    await this.organizations.update({ id: orgId }, { requireTwoFactor: required });
    const ended = required && !previous ? await this.sessions.revokeOrgSessionsWithoutMfa(orgId, 'two_factor_required') : 0;
    this.describe(organization, { previous, required, sessions_ended: ended });
    return toOrgRowDto(toRow(organization));
  }

  @Transactional()
  async contact(orgId: string, subject: string, message: string): Promise<number> {
    const organization = await this.lock(orgId);
    const recipients = await this.recipients(orgId, ['owner', 'admin']);
    for (const email of recipients) await this.mail.send(email, { name: 'org_contact', organizationName: organization.name, subject, message });
    this.describe(organization, { subject, recipients: recipients.length });
    return recipients.length;
  }

  @Transactional()
  async approve(orgId: string): Promise<OrgRowDto> {
    const organization = await this.transition(orgId, ['pending'], 'active', null);
    await this.notifyOwners(organization, { name: 'org_approved', organizationName: organization.name, link: `${this.config.publicUrl}/login` });
    this.describe(organization, { previous_status: 'pending' });
    return toOrgRowDto(toRow(organization));
  }

  @Transactional()
  async reject(orgId: string, reason: string): Promise<OrgRowDto> {
    const organization = await this.transition(orgId, ['pending'], 'rejected', reason);
    await this.notifyOwners(organization, { name: 'org_rejected', organizationName: organization.name, reason });
    this.describe(organization, { previous_status: 'pending', reason });
    return toOrgRowDto(toRow(organization));
  }

  /** Suspends the org; every session of every member ends at once (ASVS 7.4.2). */
  @Transactional()
  async disable(orgId: string, reason: string): Promise<OrgRowDto> {
    const organization = await this.transition(orgId, ['active'], 'suspended', reason);
    const ended = await this.sessions.revokeAllForOrg(orgId, 'org_suspended');
    await this.notifyOwners(organization, { name: 'org_suspended', organizationName: organization.name, reason });
    this.describe(organization, { reason, sessions_ended: ended });
    await this.webhooks.emit('org.suspended', { organization: eventOrg(organization), reason });
    return toOrgRowDto(toRow(organization));
  }

  @Transactional()
  async enable(orgId: string): Promise<OrgRowDto> {
    const organization = await this.transition(orgId, ['suspended'], 'active', null);
    await this.notifyOwners(organization, { name: 'org_enabled', organizationName: organization.name, link: `${this.config.publicUrl}/login` });
    this.describe(organization, { previous_status: 'suspended' });
    await this.webhooks.emit('org.enabled', { organization: eventOrg(organization) });
    return toOrgRowDto(toRow(organization));
  }

  /** Starts the 7-day grace; the typed confirmation must equal the slug. */
  @Transactional()
  async scheduleDeletion(orgId: string, confirmation: string | undefined): Promise<Date> {
    const organization = await this.lock(orgId);
    if (confirmation !== organization.slug) throw new BadRequestException('confirmation must equal the organization’s slug');
    if (organization.status === 'pending_deletion' || organization.status === 'deleting') throw new ConflictException('The organization is already being deleted');
    const scheduledAt = new Date(this.clock.nowMilliseconds() + DELETION_GRACE_MILLISECONDS);
    await this.organizations.update({ id: orgId }, { status: 'pending_deletion', statusBeforeDeletion: organization.status, deletionScheduledAt: scheduledAt });
    const ended = await this.sessions.revokeAllForOrg(orgId, 'org_pending_deletion');
    await this.notifyOwners(organization, { name: 'org_deletion_scheduled', organizationName: organization.name, deletionScheduledAt: scheduledAt });
    this.describe(organization, {
      confirmation_sha256: createHash('sha256').update(confirmation).digest('hex'),
      deletion_scheduled_at: scheduledAt.toISOString(),
      previous_status: organization.status,
      sessions_ended: ended,
    });
    return scheduledAt;
  }

  /** Cancels a pending deletion within the grace; the purge job's row lock rules out a race. */
  @Transactional()
  async restore(orgId: string): Promise<OrgRowDto> {
    const organization = await this.lock(orgId);
    if (organization.status !== 'pending_deletion') throw new ConflictException(`Only an organization pending deletion can be restored (it is ${organization.status})`);
    const status = organization.statusBeforeDeletion ?? 'active';
    await this.organizations.update({ id: orgId }, { status, statusBeforeDeletion: null, deletionScheduledAt: null });
    organization.status = status;
    this.describe(organization, { restored_status: status });
    return toOrgRowDto(toRow(organization));
  }

  /** Clears a tenant user's TOTP and recovery codes; they enroll again at their next sign-in. */
  @Transactional()
  async resetMfa(orgId: string, userId: string): Promise<void> {
    const organization = await this.lock(orgId);
    const users = this.transactionHost.tx.getRepository(User);
    const user = await users.findOneBy({ id: userId, orgId });
    if (!user) throw new NotFoundException('User not found in this organization');
    await users.update({ id: userId }, { mfaEnabled: false, mfaSecretEncrypted: null, mfaPendingSecretEncrypted: null, mfaLastTimeStep: null, recoveryCodeHashes: [] });
    const ended = await this.sessions.revokeAllForAccount('tenant', userId, 'mfa_reset');
    await this.notifyOwners(organization, { name: 'mfa_reset', organizationName: organization.name, userEmail: user.email });
    this.audit.describe({ target: { type: 'user', id: user.id, name: user.email }, orgId, metadata: { sessions_ended: ended } });
  }

  private async transition(orgId: string, from: OrgStatus[], to: OrgStatus, reason: string | null): Promise<Organization> {
    const organization = await this.lock(orgId);
    if (!from.includes(organization.status)) throw new ConflictException(`The organization is ${organization.status}; this needs it ${from.join(' or ')}`);
    await this.organizations.update({ id: orgId }, { status: to, statusReason: reason });
    organization.status = to;
    organization.statusReason = reason;
    return organization;
  }

  // FOR NO KEY UPDATE: serializes changes to the org, yet lets tenant writes insert rows that reference it (their
  // foreign keys take KEY SHARE and their counters then update the row; FOR UPDATE made that a deadlock, a 409).
  private async lock(orgId: string): Promise<Organization> {
    const organization = await this.organizations.createQueryBuilder('org').setLock('for_no_key_update').where('org.id = :orgId', { orgId }).getOne();
    if (!organization) throw new NotFoundException('Organization not found');
    return organization;
  }

  private async recipients(orgId: string, roles: string[]): Promise<string[]> {
    const rows: { email: string }[] = await this.transactionHost.tx.query(
      `SELECT email FROM users WHERE org_id = $1 AND role = ANY($2) AND status IN ('active', 'invited') ORDER BY email`,
      [orgId, roles],
    );
    return rows.map((row) => row.email);
  }

  private async notifyOwners(organization: Organization, template: MailTemplate): Promise<void> {
    for (const email of await this.recipients(organization.id, ['owner'])) await this.mail.send(email, template);
  }

  // Platform actions on an org go to the platform log and, under their org name, to the org's log.
  private describe(organization: Organization, metadata: Record<string, unknown>): void {
    this.audit.describe({ target: { type: 'organization', id: organization.id, name: organization.name }, orgId: organization.id, metadata });
  }
}

function toRow(organization: Organization) {
  return {
    id: organization.id,
    name: organization.name,
    slug: organization.slug,
    plan: organization.plan,
    status: organization.status,
    user_count: organization.userCount,
    account_count: organization.accountCount,
    error_count: organization.errorCount,
    last_sync_at: organization.lastSyncAt,
    created_at: organization.createdAt,
  };
}
