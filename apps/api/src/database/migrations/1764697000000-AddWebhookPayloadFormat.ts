import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks choose the shape of their events: Keel's envelope (the default, as before) or OCSF for `audit.entry`. */
export class AddWebhookPayloadFormat1764697000000 implements MigrationInterface {
  name = 'AddWebhookPayloadFormat1764697000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhooks" ADD "payload_format" varchar(8) NOT NULL DEFAULT 'keel'`);
    await queryRunner.query(`ALTER TABLE "webhooks" ADD CONSTRAINT "CHK_webhooks_payload_format" CHECK ("payload_format" IN ('keel', 'ocsf'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhooks" DROP CONSTRAINT "CHK_webhooks_payload_format"`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP COLUMN "payload_format"`);
  }
}
