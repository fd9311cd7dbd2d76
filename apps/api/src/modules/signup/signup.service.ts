import { ConflictException, Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { AuditService } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import { Organization } from '../orgs/organization.entity';
import { PlatformUser } from '../staff/platform-user.entity';
import { User } from '../users/user.entity';
import type { SignupDto, SignupResultDto } from './dto/signup.dto';
import { eventOrg, WebhooksService } from '../webhooks/webhooks.service';

/** Self sign-up: a pending organization and its owner, who may sign in once staff approve it. */
@Injectable()
export class SignupService {
  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly webhooks: WebhooksService,
  ) {}

  @Transactional()
  async signUp(input: SignupDto): Promise<SignupResultDto> {
    const manager = this.transactionHost.tx;
    if (await manager.getRepository(Organization).existsBy({ slug: input.slug })) throw new ConflictException('This slug is taken');
    const emailTaken = (await manager.getRepository(User).existsBy({ email: input.email })) || (await manager.getRepository(PlatformUser).existsBy({ email: input.email }));
    if (emailTaken) throw new ConflictException('This e-mail already belongs to a Keel account');
    const now = this.clock.now();
    const organization = await manager.getRepository(Organization).save({ name: input.org_name, slug: input.slug, plan: 'free', status: 'pending', userCount: 1, createdAt: now, updatedAt: now });
    const owner = await manager.getRepository(User).save({
      orgId: organization.id,
      email: input.email,
      name: input.email.split('@')[0],
      role: 'owner',
      status: 'active',
      passwordHash: await this.passwords.hash(input.password),
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    // Staff approve sign-ups, so the platform log shows them too.
    this.audit.describe({
      actor: { type: 'user', id: owner.id, email: owner.email },
      target: { type: 'organization', id: organization.id, name: organization.name },
      orgId: organization.id,
      logs: 'both',
      metadata: { slug: organization.slug },
    });
    await this.webhooks.emit('org.created', { organization: eventOrg(organization), origin: 'signup' });
    return { org_id: organization.id, slug: organization.slug, status: 'pending' };
  }
}
