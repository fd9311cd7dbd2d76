import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlatformUser } from '../staff/platform-user.entity';

export const WEBHOOK_EVENT_TYPES = [
  'org.created',
  'org.plan_changed',
  'org.suspended',
  'org.enabled',
  'org.deleted',
  'tenant.health_changed',
  'support_session.started',
  'support_session.ended',
  'audit.entry',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** How a webhook's events are shaped: Keel's envelope, or OCSF for `audit.entry` (see ocsf-event.ts). */
export const WEBHOOK_PAYLOAD_FORMATS = ['keel', 'ocsf'] as const;
export type WebhookPayloadFormat = (typeof WEBHOOK_PAYLOAD_FORMATS)[number];

/** A subscription: events of the listed types are POSTed to `url`, signed with the secret. */
@Entity('webhooks')
@Check('CHK_webhooks_payload_format', `"payload_format" IN ('keel', 'ocsf')`)
export class Webhook {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEventType[];

  @Column({ name: 'payload_format', type: 'varchar', length: 8, default: 'keel' })
  payloadFormat: WebhookPayloadFormat;

  /** The signing secret, encrypted at rest (it must be read back to sign). */
  @Column({ name: 'secret_encrypted', type: 'text' })
  secretEncrypted: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => PlatformUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_webhooks_created_by' })
  creator?: PlatformUser;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An event, written in the transaction of the change that caused it: no change without its event, no event without its change. */
@Entity('webhook_events')
export class WebhookEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: WebhookEventType;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Index('IDX_webhook_events_created_at')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One attempt to deliver one event to one webhook. */
@Entity('webhook_deliveries')
@Index('IDX_webhook_deliveries_webhook_id_attempted_at', ['webhookId', 'attemptedAt'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => Webhook, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'FK_webhook_deliveries_webhook_id' })
  webhook?: Webhook;

  @Index('IDX_webhook_deliveries_event_id')
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @ManyToOne(() => WebhookEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_webhook_deliveries_event_id' })
  event?: WebhookEvent;

  @Column({ type: 'integer' })
  attempt: number;

  @Column({ name: 'status_code', type: 'smallint', nullable: true })
  statusCode: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt: Date;

  @Column({ name: 'next_retry_at', type: 'timestamptz', nullable: true })
  nextRetryAt: Date | null;
}
