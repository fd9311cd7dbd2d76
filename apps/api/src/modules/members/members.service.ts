import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { TenantRole } from '@keel/shared';
import { ClockService } from '../../common/clock/clock.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import { pagination, resolvePage, type PaginationQueryDto } from '../../common/http/pagination.dto';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { SessionsService } from '../auth/sessions.service';
import { OrgCountersService } from '../orgs/org-counters.service';
import { Organization } from '../orgs/organization.entity';
import { PlatformUser } from '../staff/platform-user.entity';
import { User } from '../users/user.entity';
import type { InviteMemberDto, MemberDto, MemberListDto } from './dto/member.dto';

/**
 * An org's members. Owners and admins manage them; only an owner may grant or take away the owner
 * role, and an organization always keeps at least one active owner.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly counters: OrgCountersService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  private get users() {
    return this.transactionHost.tx.getRepository(User);
  }

  async list(orgId: string, query: PaginationQueryDto): Promise<MemberListDto> {
    const page = resolvePage(query);
    const [users, total] = await this.users.findAndCount({ where: { orgId }, order: { createdAt: 'ASC', id: 'ASC' }, skip: page.offset, take: page.limit });
    return { items: users.map(toMemberDto), pagination: pagination(page, total) };
  }

  @Transactional()
  async invite(principal: Principal, input: InviteMemberDto): Promise<MemberDto> {
    this.assertMayHandleOwnerRole(principal, input.role);
    const emailTaken = (await this.users.existsBy({ email: input.email })) || (await this.transactionHost.tx.getRepository(PlatformUser).existsBy({ email: input.email }));
    if (emailTaken) throw new ConflictException('This e-mail already belongs to a Keel account');
    const now = this.clock.now();
    const user = await this.users.save(
      this.users.create({ orgId: principal.orgId!, email: input.email, name: input.name ?? input.email.split('@')[0], role: input.role, status: 'invited', createdAt: now, updatedAt: now }),
    );
    await this.counters.adjust(user.orgId, { users: 1 });
    const organization = await this.transactionHost.tx.getRepository(Organization).findOneByOrFail({ id: user.orgId });
    await this.auth.invite('tenant', user, organization.name);
    this.audit.describe({ target: memberTarget(user), metadata: { role: user.role } });
    return toMemberDto(user);
  }

  @Transactional()
  async changeRole(principal: Principal, memberId: string, role: TenantRole): Promise<MemberDto> {
    const member = await this.findForUpdate(principal.orgId!, memberId);
    if (member.role === role) {
      this.audit.describe({ skip: true }); // nothing changed
      return toMemberDto(member);
    }
    this.assertMayHandleOwnerRole(principal, member.role);
    this.assertMayHandleOwnerRole(principal, role);
    if (member.role === 'owner') await this.assertAnotherActiveOwner(member, 'change the role of');
    const previousRole = member.role;
    member.role = role;
    await this.users.update({ id: member.id }, { role });
    const revoked = await this.sessions.revokeAllForAccount('tenant', member.id, 'role_changed');
    this.audit.describe({ target: memberTarget(member), metadata: { previous_role: previousRole, role, sessions_revoked: revoked } });
    return toMemberDto(member);
  }

  @Transactional()
  async remove(principal: Principal, memberId: string): Promise<void> {
    const member = await this.findForUpdate(principal.orgId!, memberId);
    this.assertMayHandleOwnerRole(principal, member.role);
    if (member.role === 'owner') await this.assertAnotherActiveOwner(member, 'remove');
    // Sessions, tokens and account grants go with the user (ON DELETE CASCADE).
    await this.users.delete({ id: member.id });
    await this.counters.adjust(member.orgId, { users: -1 });
    this.audit.describe({ target: memberTarget(member), metadata: { role: member.role } });
  }

  private assertMayHandleOwnerRole(principal: Principal, role: TenantRole): void {
    if (role === 'owner' && principal.role !== 'owner') throw new ForbiddenException('Only an owner can grant or remove the owner role');
  }

  private async findForUpdate(orgId: string, memberId: string): Promise<User> {
    const member = await this.users.createQueryBuilder('user').setLock('pessimistic_write').where('user.id = :memberId AND user.org_id = :orgId', { memberId, orgId }).getOne();
    if (!member) throw new NotFoundException('Member not found');
    return member;
  }

  // Locks every active owner, so that two concurrent demotions cannot leave the org without one.
  private async assertAnotherActiveOwner(member: User, verb: string): Promise<void> {
    const owners = await this.users
      .createQueryBuilder('user')
      .setLock('pessimistic_write')
      .where("user.org_id = :orgId AND user.role = 'owner' AND user.status = 'active' AND user.id <> :id", { orgId: member.orgId, id: member.id })
      .getMany();
    if (owners.length === 0) throw new ConflictException(`Cannot ${verb} the last owner: an organization always keeps one`);
  }
}

function memberTarget(user: User) {
  return { type: 'user', id: user.id, name: user.email };
}

function toMemberDto(user: User): MemberDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    mfa_enabled: user.mfaEnabled,
    last_login_at: user.lastLoginAt?.toISOString() ?? null,
    created_at: user.createdAt.toISOString(),
  };
}
