import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CloudAccount } from './cloud-account.entity';

/** A body's account_id must name one of the caller's own accounts; another org's is "not found", like any of its resources. */
export async function assertOwnAccount(manager: EntityManager, orgId: string, accountId: string | null | undefined): Promise<void> {
  if (!accountId) return;
  if (!(await manager.getRepository(CloudAccount).existsBy({ id: accountId, orgId }))) throw new NotFoundException('Cloud account not found');
}
