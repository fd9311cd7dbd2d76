import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys for integrators' automation on /platform/** (SPEC §11): only a hash of the secret is kept. */
export class CreateApiKeys1764650000000 implements MigrationInterface {
  name = 'CreateApiKeys1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(100) NOT NULL,
        "role" varchar(16) NOT NULL,
        "prefix" varchar(12) NOT NULL,
        "key_hash" varchar(64) NOT NULL,
        "created_by" uuid,
        "created_at" timestamptz NOT NULL,
        "expires_at" timestamptz,
        "revoked_at" timestamptz,
        "last_used_at" timestamptz,
        CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_api_keys_key_hash" UNIQUE ("key_hash"),
        CONSTRAINT "FK_api_keys_created_by" FOREIGN KEY ("created_by") REFERENCES "platform_users" ("id") ON DELETE SET NULL,
        CONSTRAINT "CHK_api_keys_role" CHECK ("role" IN ('super_admin', 'support_admin'))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_api_keys_created_at" ON "api_keys" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
