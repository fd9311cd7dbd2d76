import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';

@Module({})
export class MailModule {
  /** The outbox route exists only in demo mode (SPEC §3). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MailModule,
      global: true,
      controllers: config.mode === 'demo' ? [OutboxController] : [],
      providers: [MailService],
      exports: [MailService],
    };
  }
}
