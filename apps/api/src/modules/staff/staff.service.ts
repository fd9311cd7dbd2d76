import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { PlatformRole } from '@keel/shared';
import { ClockService } from '../../common/clock/clock.service';
import { pagination, resolvePage, type PaginationQueryDto } from '../../common/http/pagination.dto';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { SessionsService } from '../auth/sessions.service';
import type { CreateStaffUserDto, StaffUserDto, StaffUserListDto } from './dto/staff.dto';
import { PlatformUser } from './platform-user.entity';

/** Staff accounts: invited by e-mail, promoted or demoted, disabled — never leaving the platform without a super_admin. */
@Injectable()
export class StaffService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
  ) {}

  private get repository() {
    return this.transactionHost.tx.getRepository(PlatformUser);
  }

  async list(query: PaginationQueryDto): Promise<StaffUserListDto> {
    const page = resolvePage(query);
    // Staff are a handful of people: counting them is cheap.
    const [users, total] = await this.repository.findAndCount({ order: { createdAt: 'ASC', id: 'ASC' }, skip: page.offset, take: page.limit });
    return { items: users.map(toStaffUserDto), pagination: pagination(page, total) };
  }

  @Transactional()
  async create(input: CreateStaffUserDto): Promise<StaffUserDto> {
    if (await this.repository.existsBy({ email: input.email })) throw new ConflictException('A staff member with this e-mail already exists');
    const now = this.clock.now();
    const user = await this.repository.save(this.repository.create({ ...input, status: 'invited', createdAt: now, updatedAt: now }));
    await this.auth.invite('platform', user, null);
    this.audit.describe({ target: staffTarget(user), metadata: { role: user.role } });
    return toStaffUserDto(user);
  }

  @Transactional()
  async changeRole(id: string, role: PlatformRole): Promise<StaffUserDto> {
    const user = await this.findForUpdate(id);
    if (user.role === role) {
      this.audit.describe({ skip: true }); // nothing changed
      return toStaffUserDto(user);
    }
    if (user.role === 'super_admin') await this.assertAnotherActiveSuperAdmin(user.id, 'demote');
    const previousRole = user.role;
    user.role = role;
    await this.repository.update({ id }, { role });
    const revoked = await this.sessions.revokeAllForAccount('platform', id, 'role_changed');
    this.audit.describe({ target: staffTarget(user), metadata: { previous_role: previousRole, role, sessions_revoked: revoked } });
    return toStaffUserDto(user);
  }

  @Transactional()
  async disable(id: string): Promise<StaffUserDto> {
    const user = await this.findForUpdate(id);
    if (user.status === 'disabled') {
      this.audit.describe({ skip: true }); // nothing changed
      return toStaffUserDto(user);
    }
    if (user.role === 'super_admin') await this.assertAnotherActiveSuperAdmin(user.id, 'disable');
    user.status = 'disabled';
    await this.repository.update({ id }, { status: 'disabled' });
    const revoked = await this.sessions.revokeAllForAccount('platform', id, 'disabled');
    this.audit.describe({ target: staffTarget(user), metadata: { sessions_revoked: revoked } });
    return toStaffUserDto(user);
  }

  private async findForUpdate(id: string): Promise<PlatformUser> {
    const user = await this.repository.createQueryBuilder('user').setLock('pessimistic_write').where('user.id = :id', { id }).getOne();
    if (!user) throw new NotFoundException('Staff member not found');
    return user;
  }

  // Locks every active super_admin row, so that two concurrent demotions cannot both pass the check.
  private async assertAnotherActiveSuperAdmin(exceptId: string, verb: string): Promise<void> {
    const superAdmins = await this.repository
      .createQueryBuilder('user')
      .setLock('pessimistic_write')
      .where("user.role = 'super_admin' AND user.status = 'active' AND user.id <> :exceptId", { exceptId })
      .getMany();
    if (superAdmins.length === 0) throw new ConflictException(`Cannot ${verb} the last active super_admin`);
  }
}

function staffTarget(user: PlatformUser) {
  return { type: 'platform_user', id: user.id, name: user.email };
}

function toStaffUserDto(user: PlatformUser): StaffUserDto {
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
