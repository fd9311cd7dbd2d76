import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { JobQueueService } from '../jobs/job-queue.service';

const DAY_MILLISECONDS = 86_400_000;

/**
 * Daily retention (platform log 365 days, org logs 90 days by default) through the SECURITY DEFINER
 * purge function: the application role cannot delete audit rows itself. Each purge leaves an anchor,
 * and goes only as far as the newest signed checkpoint among the expired entries, so that the anchor
 * is vouched for by a signature (expired entries after it wait for the next checkpoint, within the hour).
 */
@Injectable()
export class AuditRetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditRetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('audit.retention', '40 3 * * *');
    await this.jobs.work('audit.retention', () => this.applyRetention().then(() => undefined));
  }

  /** Removes expired sealed entries from every chain; returns how many went. */
  async applyRetention(): Promise<number> {
    const now = this.clock.now();
    const platformCutoff = new Date(now.getTime() - this.config.auditPlatformRetentionDays * DAY_MILLISECONDS);
    const orgCutoff = new Date(now.getTime() - this.config.auditOrgRetentionDays * DAY_MILLISECONDS);
    let removed = await this.purge('platform', 'platform', platformCutoff, now);
    const orgChains: { chain_key: string }[] = await this.dataSource.query("SELECT chain_key FROM audit_chain_heads WHERE chain_key <> 'platform'");
    for (const { chain_key: chainKey } of orgChains) removed += await this.purge('org', chainKey, orgCutoff, now);
    if (removed > 0) this.logger.log(`Audit retention removed ${removed} entries`);
    return removed;
  }

  private async purge(log: 'platform' | 'org', chainKey: string, cutoff: Date, now: Date): Promise<number> {
    const [{ removed }] = await this.dataSource.query('SELECT keel_purge_audit_chain($1, $2, $3, $4, $5)::int AS removed', [log, chainKey, cutoff, 'retention', now]);
    return removed;
  }
}
