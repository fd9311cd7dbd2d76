import { expect, type Page } from '@playwright/test';
import { TenantResourcePage } from './tenant-resource-page';

type Provider = 'AWS' | 'Azure' | 'Google Cloud';

/** `/app/cloud-accounts`: connect, sync and follow the accounts of an organization. */
export class TenantCloudAccountsPage extends TenantResourcePage {
  constructor(page: Page) {
    super(page, 'Cloud accounts', '/app/cloud-accounts');
  }

  async connect(name: string, provider: Provider, externalId: string): Promise<void> {
    await this.create('Connect account', { Name: { text: name }, Provider: { option: provider }, 'Account ID at the provider': { text: externalId } });
    await expect(this.row(name)).toContainText('Not synced yet');
  }

  /** Queues a sync; it runs in the background while the console follows it. */
  async sync(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: `Sync ${name} now` }).click();
  }

  /** Waits for the console to show the end of a sync in the account's row: its new status. */
  async expectSynced(name: string, status: 'Connected' | 'Sync failed'): Promise<void> {
    await expect(this.row(name)).toContainText(status, { timeout: 30_000 });
  }
}
