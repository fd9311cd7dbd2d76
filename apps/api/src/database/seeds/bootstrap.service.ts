import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { PasswordService } from '../../modules/auth/password.service';
import { PlatformUser } from '../../modules/staff/platform-user.entity';
import { seedDemoData, type DemoLogin } from './demo-seed';

// Shared with `npm run seed`, so that seeding never races a starting replica.
export const BOOTSTRAP_LOCK_KEY = 72_410_002;
const DEMO_ADMIN_EMAIL = 'admin@keel.local';

export interface BootstrapReport {
  /** Set only when this start created the demo admin with a generated password (printed once). */
  generatedAdmin?: { email: string; password: string };
  demoLogins: DemoLogin[];
}

/**
 * First start: creates the bootstrap super_admin if no staff exist, and the demo data on an empty
 * demo database. Runs under an advisory lock, so replicas starting together create them once.
 */
@Injectable()
export class BootstrapService {
  private readonly logger = new Logger(BootstrapService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly clock: ClockService,
  ) {}

  async run(): Promise<BootstrapReport> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      const report: BootstrapReport = { demoLogins: [] };
      const staffExist = await manager.getRepository(PlatformUser).exists();
      if (!staffExist) {
        let email = this.config.bootstrapAdminEmail;
        let password = this.config.bootstrapAdminPassword;
        if (!email || !password) {
          if (this.config.mode === 'production') {
            throw new Error('BOOTSTRAP_ADMIN_EMAIL: no staff account exists yet; set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD for the first start');
          }
          email = DEMO_ADMIN_EMAIL;
          password = randomBytes(12).toString('base64url');
          report.generatedAdmin = { email, password };
        }
        const now = this.clock.now();
        await manager.getRepository(PlatformUser).insert({
          email,
          name: 'Platform Administrator',
          role: 'super_admin',
          status: 'active',
          passwordHash: await this.passwords.hash(password),
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        });
        this.logger.log(`Created the bootstrap super_admin ${email}`);
      }
      if (this.config.seedDemoData) report.demoLogins = await seedDemoData(manager, this.passwords, this.clock);
      return report;
    });
  }
}
