import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Support (impersonation) sessions and the log of every request made under one (SPEC §6). */
export class CreateSupportSessions1764640000000 implements MigrationInterface {
  name = 'CreateSupportSessions1764640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "support_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" uuid NOT NULL,
        "target_user_id" uuid NOT NULL,
        "platform_user_id" uuid NOT NULL,
        "staff_session_id" uuid,
        "scope" varchar(16) NOT NULL,
        "reason" varchar(500) NOT NULL,
        "ticket_ref" varchar(128),
        "created_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "ended_at" timestamptz,
        "end_reason" varchar(16),
        "ended_by" uuid,
        "revoke_reason" varchar(500),
        CONSTRAINT "PK_support_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_support_sessions_org_id" FOREIGN KEY ("org_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_support_sessions_target_user_id" FOREIGN KEY ("target_user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_support_sessions_platform_user_id" FOREIGN KEY ("platform_user_id") REFERENCES "platform_users" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_support_sessions_staff_session_id" FOREIGN KEY ("staff_session_id") REFERENCES "sessions" ("id") ON DELETE SET NULL,
        CONSTRAINT "CHK_support_sessions_scope" CHECK ("scope" IN ('read_only', 'read_write')),
        CONSTRAINT "CHK_support_sessions_end" CHECK (("ended_at" IS NULL) = ("end_reason" IS NULL)),
        CONSTRAINT "CHK_support_sessions_end_reason" CHECK ("end_reason" IN ('revoked', 'ended', 'expired', 'logged_out'))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_support_sessions_org_id_created_at" ON "support_sessions" ("org_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_support_sessions_created_at" ON "support_sessions" ("created_at")`);
    // The expiry job and staff logout look only at open sessions.
    await queryRunner.query(`CREATE INDEX "IDX_support_sessions_open_expires_at" ON "support_sessions" ("expires_at") WHERE "ended_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_support_sessions_open_platform_user_id" ON "support_sessions" ("platform_user_id") WHERE "ended_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_support_sessions_target_user_id" ON "support_sessions" ("target_user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_support_sessions_staff_session_id" ON "support_sessions" ("staff_session_id")`);
    await queryRunner.query(`
      CREATE TABLE "support_session_access_logs" (
        "id" bigserial NOT NULL,
        "support_session_id" uuid NOT NULL,
        "method" varchar(8) NOT NULL,
        "path" varchar(2048) NOT NULL,
        "status" smallint NOT NULL,
        "request_id" varchar(128),
        "created_at" timestamptz NOT NULL,
        CONSTRAINT "PK_support_session_access_logs" PRIMARY KEY ("id"),
        CONSTRAINT "FK_support_session_access_logs_support_session_id" FOREIGN KEY ("support_session_id") REFERENCES "support_sessions" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_support_session_access_logs_session_id_created_at" ON "support_session_access_logs" ("support_session_id", "created_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "support_session_access_logs"`);
    await queryRunner.query(`DROP TABLE "support_sessions"`);
  }
}
