import { BadRequestException, Injectable, Logger, NotFoundException, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { randomToken, SecretBoxService } from '../../common/crypto/secret-box.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import { AuditService } from '../audit/audit.service';
import { JobQueueService } from '../jobs/job-queue.service';
import type { CreatedWebhookDto, WebhookDeliveryListDto, WebhookDto, WebhookListDto } from './dto/webhook.dto';
import { webhookBody } from './ocsf-event';
import { deliverWebhook } from './webhook-client';
import { Webhook, WebhookDelivery, WebhookEvent, type WebhookEventType, type WebhookPayloadFormat } from './webhook.entities';
import { resolveWebhookTarget, urlProblem } from './ssrf-guard';

interface DeliveryJob {
  webhookId: string;
  eventId: string;
  attempt: number;
}

const RETRY_FOR_MILLISECONDS = 24 * 3_600_000;
const MAX_RETRY_DELAY_SECONDS = 3_600;
// Which webhooks want which events: read from the database at most this often per replica, and after local changes.
const SUBSCRIPTIONS_TTL_MILLISECONDS = 5_000;
const DELIVERIES_LISTED = 100;
// Failed attempts are retried by the service itself (recorded, with backoff); pg-boss retries only a worker that crashed or threw,
// or one that was killed mid-delivery: an attempt takes at most the client's 10 s, so a job still active after a minute is lost.
const JOB_OPTIONS = { retryLimit: 5, retryDelay: 2, expireInSeconds: 60 };

/**
 * Webhooks (SPEC §11). An event is written, with one delivery job per subscriber, in the
 * transaction of the change that causes it: committed together or not at all, and delivered at
 * least once by pg-boss workers, retried with a doubling delay for 24 hours.
 */
@Injectable()
export class WebhooksService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(WebhooksService.name);
  private subscriptions: { id: string; events: WebhookEventType[] }[] = [];
  private subscriptionsReadAt = 0;

  constructor(
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
    private readonly secretBox: SecretBoxService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueueService,
  ) {}

  onModuleInit(): void {
    // Every audit entry of either log can be mirrored to a SIEM (SPEC §11 `audit.entry`).
    this.audit.onRecorded((entry) => this.emit('audit.entry', entry));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<DeliveryJob>('webhook.deliver', (job) => this.deliver(job));
  }

  async create(principal: Principal, input: { url: string; events: WebhookEventType[]; payload_format?: WebhookPayloadFormat }): Promise<CreatedWebhookDto> {
    const problem = urlProblem(input.url);
    if (problem) throw new BadRequestException(problem);
    await resolveWebhookTarget(new URL(input.url), this.config.webhookAllowPrivate);
    const secret = `whsec_${randomToken(24)}`;
    const repository = this.transactionHost.tx.getRepository(Webhook);
    const events = [...new Set(input.events)];
    const payloadFormat = input.payload_format ?? 'keel';
    const webhook = await repository.save(
      repository.create({ url: input.url, events, payloadFormat, secretEncrypted: this.secretBox.encrypt(secret), createdBy: principal.apiKey ? null : principal.accountId, createdAt: this.clock.now() }),
    );
    this.subscriptionsReadAt = 0;
    this.audit.describe({ target: { type: 'webhook', id: webhook.id, name: webhook.url }, metadata: { events, payload_format: payloadFormat } });
    return { ...toDto(webhook), secret };
  }

  async list(): Promise<WebhookListDto> {
    const webhooks = await this.transactionHost.tx.getRepository(Webhook).find({ order: { createdAt: 'DESC' } });
    return { items: webhooks.map(toDto) };
  }

  async remove(id: string): Promise<void> {
    const repository = this.transactionHost.tx.getRepository(Webhook);
    const webhook = await repository.findOneBy({ id });
    if (!webhook) throw new NotFoundException('No such webhook');
    await repository.delete({ id });
    this.subscriptionsReadAt = 0;
    this.audit.describe({ target: { type: 'webhook', id, name: webhook.url }, metadata: { events: webhook.events } });
  }

  async deliveries(id: string): Promise<WebhookDeliveryListDto> {
    if (!(await this.transactionHost.tx.getRepository(Webhook).existsBy({ id }))) throw new NotFoundException('No such webhook');
    const rows: { id: string; event_id: string; event_type: string; attempt: number; status_code: number | null; error: string | null; attempted_at: Date; next_retry_at: Date | null }[] =
      await this.transactionHost.tx.query(
        `SELECT d.id, d.event_id, e.type AS event_type, d.attempt, d.status_code, d.error, d.attempted_at, d.next_retry_at
           FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
          WHERE d.webhook_id = $1 ORDER BY d.attempted_at DESC, d.attempt DESC LIMIT ${DELIVERIES_LISTED}`,
        [id],
      );
    return {
      items: rows.map((row) => ({ ...row, attempted_at: row.attempted_at.toISOString(), next_retry_at: row.next_retry_at?.toISOString() ?? null })),
    };
  }

  /** "Send again": one more attempt at an event already sent to this webhook, now. */
  async redeliver(webhookId: string, eventId: string): Promise<void> {
    const [last]: { attempt: number }[] = await this.transactionHost.tx.query('SELECT max(attempt) AS attempt FROM webhook_deliveries WHERE webhook_id = $1 AND event_id = $2', [webhookId, eventId]);
    if (!last?.attempt) throw new NotFoundException('This webhook never received that event');
    await this.jobs.send<DeliveryJob>('webhook.deliver', { webhookId, eventId, attempt: last.attempt + 1 }, JOB_OPTIONS);
    this.audit.describe({ target: { type: 'webhook', id: webhookId }, metadata: { event_id: eventId } });
  }

  /**
   * Records an event for every webhook subscribed to its type, in the caller's transaction. Does
   * nothing, not even a write, when nobody listens.
   */
  async emit(type: WebhookEventType, data: Record<string, unknown>): Promise<void> {
    const subscribers = (await this.currentSubscriptions()).filter((webhook) => webhook.events.includes(type));
    if (subscribers.length === 0) return;
    const manager = this.transactionHost.tx;
    const repository = manager.getRepository(WebhookEvent);
    const event = await repository.save(repository.create({ type, data, createdAt: this.clock.now() }));
    for (const webhook of subscribers) await this.jobs.send<DeliveryJob>('webhook.deliver', { webhookId: webhook.id, eventId: event.id, attempt: 1 }, JOB_OPTIONS);
  }

  private async currentSubscriptions(): Promise<{ id: string; events: WebhookEventType[] }[]> {
    const now = Date.now();
    if (now - this.subscriptionsReadAt > SUBSCRIPTIONS_TTL_MILLISECONDS) {
      this.subscriptions = await this.transactionHost.tx.query('SELECT id, events FROM webhooks');
      this.subscriptionsReadAt = now;
    }
    return this.subscriptions;
  }

  /** One attempt; a failure is recorded with its next retry, queued in the same transaction. */
  private async deliver(job: DeliveryJob): Promise<void> {
    const [row]: { url: string; secret_encrypted: string; payload_format: WebhookPayloadFormat; type: WebhookEventType; data: Record<string, unknown>; created_at: Date }[] = await this.dataSource.query(
      `SELECT w.url, w.secret_encrypted, w.payload_format, e.type, e.data, e.created_at FROM webhooks w, webhook_events e WHERE w.id = $1 AND e.id = $2`,
      [job.webhookId, job.eventId],
    );
    if (!row) return; // the webhook was deleted meanwhile (the event is written with its job)
    const body = webhookBody(row.payload_format, { id: job.eventId, type: row.type, created_at: row.created_at, data: row.data });
    const result = await deliverWebhook(row.url, body, this.secretBox.decrypt(row.secret_encrypted), this.config.webhookAllowPrivate, this.clock.nowSeconds());
    const now = this.clock.now();
    const delaySeconds = Math.min(this.config.webhookRetryBaseSeconds * 2 ** (job.attempt - 1), MAX_RETRY_DELAY_SECONDS);
    const retryAt = new Date(now.getTime() + delaySeconds * 1000);
    const retry = !result.ok && retryAt.getTime() - row.created_at.getTime() <= RETRY_FOR_MILLISECONDS;
    await this.transactionHost.withTransaction(async () => {
      await this.transactionHost.tx.getRepository(WebhookDelivery).insert({
        webhookId: job.webhookId,
        eventId: job.eventId,
        attempt: job.attempt,
        statusCode: result.statusCode,
        error: result.error?.slice(0, 500) ?? null,
        attemptedAt: now,
        nextRetryAt: retry ? retryAt : null,
      });
      if (retry) await this.jobs.send<DeliveryJob>('webhook.deliver', { ...job, attempt: job.attempt + 1 }, { ...JOB_OPTIONS, startAfter: delaySeconds });
    });
    if (!result.ok) this.logger.warn({ webhook_id: job.webhookId, event_id: job.eventId, attempt: job.attempt, status: result.statusCode, error: result.error }, 'Webhook delivery failed');
  }
}

/** How events name an organization. */
export function eventOrg(organization: { id: string; name: string; slug: string; plan: string; status: string }): Record<string, unknown> {
  return { id: organization.id, name: organization.name, slug: organization.slug, plan: organization.plan, status: organization.status };
}

function toDto(webhook: Webhook): WebhookDto {
  return { id: webhook.id, url: webhook.url, events: webhook.events, payload_format: webhook.payloadFormat, created_at: webhook.createdAt.toISOString() };
}
