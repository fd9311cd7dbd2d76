import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Realm } from '@keel/shared';
import type { Repository } from 'typeorm';
import { PlatformUser } from '../staff/platform-user.entity';
import { User } from '../users/user.entity';
import type { AccountColumns } from './account-columns';

export type Account = PlatformUser | User;

/** Reads and writes the accounts of either realm: staff (platform_users) or tenant users (users). */
@Injectable()
export class AccountsService {
  constructor(private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  repository(realm: Realm): Repository<AccountColumns & { role: string }> {
    const entity = realm === 'platform' ? PlatformUser : User;
    return this.transactionHost.tx.getRepository(entity) as unknown as Repository<AccountColumns & { role: string }>;
  }

  findByEmail(realm: Realm, email: string): Promise<Account | null> {
    return this.repository(realm).findOneBy({ email: email.toLowerCase() }) as Promise<Account | null>;
  }

  findById(realm: Realm, id: string): Promise<Account | null> {
    return this.repository(realm).findOneBy({ id }) as Promise<Account | null>;
  }

  /** Locks the account row for the rest of the transaction (MFA verification, code consumption). */
  findByIdForUpdate(realm: Realm, id: string): Promise<Account | null> {
    return this.repository(realm).createQueryBuilder('account').setLock('pessimistic_write').where('account.id = :id', { id }).getOne() as Promise<Account | null>;
  }

  async update(realm: Realm, id: string, changes: Partial<AccountColumns>): Promise<void> {
    await this.repository(realm).update({ id }, changes);
  }
}

export function orgIdOf(account: Account): string | null {
  return 'orgId' in account ? account.orgId : null;
}
