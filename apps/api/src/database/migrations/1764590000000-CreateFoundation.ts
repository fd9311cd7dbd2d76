import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundation1764590000000 implements MigrationInterface {
  name = 'CreateFoundation1764590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "organizations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(200) NOT NULL,
        "slug" varchar(63) NOT NULL,
        "plan" varchar(16) NOT NULL DEFAULT 'free',
        "status" varchar(16) NOT NULL DEFAULT 'active',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_organizations" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_organizations_plan" CHECK ("plan" IN ('free', 'pro', 'enterprise')),
        CONSTRAINT "CHK_organizations_status" CHECK ("status" IN ('pending', 'active', 'suspended', 'rejected', 'pending_deletion', 'deleting'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_organizations_slug" ON "organizations" ("slug")`);

    const accountColumns = `
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(320) NOT NULL,
        "name" varchar(200) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'invited',
        "password_hash" varchar(255),
        "password_changed_at" timestamptz,
        "mfa_enabled" boolean NOT NULL DEFAULT false,
        "mfa_secret_encrypted" text,
        "mfa_pending_secret_encrypted" text,
        "mfa_last_time_step" bigint,
        "recovery_code_hashes" text array NOT NULL DEFAULT '{}',
        "last_login_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()`;

    await queryRunner.query(`
      CREATE TABLE "platform_users" (${accountColumns},
        "role" varchar(16) NOT NULL,
        CONSTRAINT "PK_platform_users" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_platform_users_role" CHECK ("role" IN ('super_admin', 'support_admin')),
        CONSTRAINT "CHK_platform_users_status" CHECK ("status" IN ('invited', 'active', 'disabled'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_platform_users_email" ON "platform_users" ("email")`);

    await queryRunner.query(`
      CREATE TABLE "users" (${accountColumns},
        "org_id" uuid NOT NULL,
        "role" varchar(16) NOT NULL,
        CONSTRAINT "PK_users" PRIMARY KEY ("id"),
        CONSTRAINT "FK_users_org_id" FOREIGN KEY ("org_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_users_role" CHECK ("role" IN ('owner', 'admin', 'operator', 'viewer')),
        CONSTRAINT "CHK_users_status" CHECK ("status" IN ('invited', 'active', 'disabled'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_email" ON "users" ("email")`);
    await queryRunner.query(`CREATE INDEX "IDX_users_org_id" ON "users" ("org_id")`);

    await queryRunner.query(`
      CREATE TABLE "sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "realm" varchar(16) NOT NULL,
        "user_id" uuid,
        "platform_user_id" uuid,
        "org_id" uuid,
        "refresh_token_hash" varchar(64) NOT NULL,
        "refresh_generation" integer NOT NULL DEFAULT 0,
        "previous_refresh_token_hash" varchar(64),
        "rotated_at" timestamptz,
        "grace_pair_encrypted" text,
        "mfa_verified_at" timestamptz,
        "ip_address" varchar(64),
        "user_agent" varchar(512),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "revoke_reason" varchar(64),
        CONSTRAINT "PK_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_sessions_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_sessions_platform_user_id" FOREIGN KEY ("platform_user_id") REFERENCES "platform_users" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_sessions_org_id" FOREIGN KEY ("org_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_sessions_owner" CHECK (
          ("realm" = 'tenant' AND "user_id" IS NOT NULL AND "org_id" IS NOT NULL AND "platform_user_id" IS NULL)
          OR ("realm" = 'platform' AND "platform_user_id" IS NOT NULL AND "user_id" IS NULL AND "org_id" IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_user_id" ON "sessions" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_platform_user_id" ON "sessions" ("platform_user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_org_id_created_at" ON "sessions" ("org_id", "created_at")`);

    await queryRunner.query(`
      CREATE TABLE "auth_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "realm" varchar(16) NOT NULL,
        "purpose" varchar(32) NOT NULL,
        "user_id" uuid,
        "platform_user_id" uuid,
        "token_hash" varchar(64) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_auth_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "FK_auth_tokens_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_auth_tokens_platform_user_id" FOREIGN KEY ("platform_user_id") REFERENCES "platform_users" ("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_auth_tokens_purpose" CHECK ("purpose" IN ('invitation', 'password_reset')),
        CONSTRAINT "CHK_auth_tokens_owner" CHECK (("user_id" IS NULL) <> ("platform_user_id" IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_auth_tokens_token_hash" ON "auth_tokens" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_tokens_user_id" ON "auth_tokens" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_tokens_platform_user_id" ON "auth_tokens" ("platform_user_id")`);

    await queryRunner.query(`
      CREATE TABLE "auth_failures" (
        "id" bigserial NOT NULL,
        "kind" varchar(8) NOT NULL,
        "realm" varchar(16) NOT NULL,
        "email" varchar(320),
        "account_id" uuid,
        "ip_address" varchar(64),
        "created_at" timestamptz NOT NULL,
        CONSTRAINT "PK_auth_failures" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_failures_email_ip" ON "auth_failures" ("kind", "realm", "email", "ip_address", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_failures_email" ON "auth_failures" ("kind", "realm", "email", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_failures_account" ON "auth_failures" ("kind", "realm", "account_id", "created_at")`);

    await queryRunner.query(`
      CREATE TABLE "mail_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "to_address" varchar(320) NOT NULL,
        "subject" varchar(300) NOT NULL,
        "text_body" text NOT NULL,
        "html_body" text NOT NULL,
        "template" varchar(64) NOT NULL,
        "status" varchar(16) NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        CONSTRAINT "PK_mail_messages" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_mail_messages_created_at" ON "mail_messages" ("created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['mail_messages', 'auth_failures', 'auth_tokens', 'sessions', 'users', 'platform_users', 'organizations']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
