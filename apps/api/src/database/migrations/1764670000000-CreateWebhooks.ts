import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (SPEC §11): subscriptions, the event outbox (written in the transaction of the change
 * that causes each event) and one row per delivery attempt.
 */
export class CreateWebhooks1764670000000 implements MigrationInterface {
  name = 'CreateWebhooks1764670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhooks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "url" varchar(2048) NOT NULL,
        "events" text[] NOT NULL,
        "secret_encrypted" text NOT NULL,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL,
        CONSTRAINT "PK_webhooks" PRIMARY KEY ("id"),
        CONSTRAINT "FK_webhooks_created_by" FOREIGN KEY ("created_by") REFERENCES "platform_users" ("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "webhook_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "type" varchar(64) NOT NULL,
        "data" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL,
        CONSTRAINT "PK_webhook_events" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_events_created_at" ON "webhook_events" ("created_at")`);
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "webhook_id" uuid NOT NULL,
        "event_id" uuid NOT NULL,
        "attempt" integer NOT NULL,
        "status_code" smallint,
        "error" varchar(500),
        "attempted_at" timestamptz NOT NULL,
        "next_retry_at" timestamptz,
        CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "FK_webhook_deliveries_webhook_id" FOREIGN KEY ("webhook_id") REFERENCES "webhooks" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_webhook_deliveries_event_id" FOREIGN KEY ("event_id") REFERENCES "webhook_events" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_deliveries_webhook_id_attempted_at" ON "webhook_deliveries" ("webhook_id", "attempted_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_deliveries_event_id" ON "webhook_deliveries" ("event_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_events"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
  }
}
