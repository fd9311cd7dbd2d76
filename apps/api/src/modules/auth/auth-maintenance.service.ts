import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClockService } from '../../common/clock/clock.service';
import { JobQueueService } from '../jobs/job-queue.service';

const DAY_MILLISECONDS = 86_400_000;

/**
 * Hourly: drops sign-in failures that no 15-minute window can use any more, and e-mailed tokens
 * and sessions long past their expiry, so that these tables stay small under attack.
 */
@Injectable()
export class AuthMaintenanceService implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule('auth.purge', '17 * * * *');
    await this.jobs.work('auth.purge', () => this.purge());
  }

  async purge(): Promise<void> {
    const now = this.clock.nowMilliseconds();
    await this.dataSource.query('DELETE FROM auth_failures WHERE created_at < $1', [new Date(now - DAY_MILLISECONDS)]);
    await this.dataSource.query('DELETE FROM auth_tokens WHERE expires_at < $1', [new Date(now - 7 * DAY_MILLISECONDS)]);
    await this.dataSource.query('DELETE FROM sessions WHERE expires_at < $1', [new Date(now - 7 * DAY_MILLISECONDS)]);
  }
}
