import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { JobQueueService } from '../jobs/job-queue.service';
import { MailMessage } from './mail-message.entity';
import { renderMail, type MailTemplate } from './templates';

interface SendJob {
  messageId: string;
}

// A send takes at most the transport's timeouts (about 50 s); a job still active after 2 minutes was killed and runs again.
const MAIL_JOB_EXPIRE_SECONDS = 120;

/**
 * Outgoing e-mail. A message is stored and its delivery job queued in the caller's transaction,
 * so a mail exists exactly when the change that caused it committed; the job queue retries delivery
 * with exponential backoff until the SMTP server takes it. In demo mode without SMTP_URL the
 * message stays in the outbox (GET /platform/dev/outbox).
 */
@Injectable()
export class MailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transporter?: Transporter;

  constructor(
    private readonly config: AppConfig,
    private readonly jobs: JobQueueService,
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.usesOutbox) return;
    // Bounded waits, so that a send always ends well inside its job's expiry (the URL may still set others).
    this.transporter = nodemailer.createTransport({ url: this.config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    await this.jobs.work<SendJob>('mail.send', (job) => this.deliver(job.messageId));
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }

  /** Renders and queues a message in the current transaction. */
  async send(to: string, template: MailTemplate): Promise<MailMessage> {
    const rendered = renderMail(template);
    const manager = this.transactionHost.tx;
    const message = manager.getRepository(MailMessage).create({
      to,
      ...rendered,
      template: template.name,
      status: this.config.usesOutbox ? 'outbox' : 'queued',
      createdAt: this.clock.now(),
    });
    await manager.getRepository(MailMessage).save(message);
    if (!this.config.usesOutbox) {
      await this.jobs.send<SendJob>('mail.send', { messageId: message.id }, {
        retryLimit: this.config.mailRetryLimit,
        retryDelay: this.config.mailRetryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: MAIL_JOB_EXPIRE_SECONDS,
      });
    }
    return message;
  }

  /** The newest messages, for the demo outbox. */
  recent(limit: number): Promise<MailMessage[]> {
    return this.dataSource.getRepository(MailMessage).find({ order: { createdAt: 'DESC' }, take: limit });
  }

  private async deliver(messageId: string): Promise<void> {
    const repository = this.dataSource.getRepository(MailMessage);
    const message = await repository.findOneBy({ id: messageId });
    if (!message || message.status === 'sent') return;
    const attempts = message.attempts + 1;
    try {
      await this.transporter!.sendMail({ from: this.config.mailFrom, to: message.to, subject: message.subject, text: message.text, html: message.html });
      await repository.update({ id: messageId }, { status: 'sent', attempts, sentAt: this.clock.now(), lastError: null });
    } catch (error) {
      const finalAttempt = attempts > this.config.mailRetryLimit;
      await repository.update({ id: messageId }, { attempts, lastError: String((error as Error).message).slice(0, 2000), status: finalAttempt ? 'failed' : 'queued' });
      this.logger.warn({ messageId, attempts, err: error }, finalAttempt ? 'Mail delivery failed for good' : 'Mail delivery failed; will retry');
      throw error;
    }
  }
}
