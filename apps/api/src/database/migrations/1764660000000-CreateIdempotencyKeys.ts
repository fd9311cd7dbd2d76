import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first answer to each Idempotency-Key, per caller, for 24 hours (SPEC §11); shared by every replica. */
export class CreateIdempotencyKeys1764660000000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "idempotency_keys" (
        "caller" varchar(80) NOT NULL,
        "key" varchar(255) NOT NULL,
        "request_hash" varchar(64) NOT NULL,
        "response_status" smallint,
        "response_body" jsonb,
        "created_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("caller", "key")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_keys_expires_at" ON "idempotency_keys" ("expires_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
