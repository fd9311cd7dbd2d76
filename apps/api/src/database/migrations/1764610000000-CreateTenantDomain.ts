import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cloud-cost product Keel operates (SPEC §8): org settings and counters, cloud accounts and
 * everything that hangs off them (deleted with the account, SPEC §4), cost rows sized for 10^7+,
 * and the hourly API-usage buckets that tenant health is computed from.
 */
export class CreateTenantDomain1764610000000 implements MigrationInterface {
  name = 'CreateTenantDomain1764610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Settings, plus counters kept current in the transaction of each change so dashboards never count big tables.
    await queryRunner.query(`
      ALTER TABLE "organizations"
        ADD "require_2fa" boolean NOT NULL DEFAULT false,
        ADD "allow_platform_impersonation" boolean NOT NULL DEFAULT true,
        ADD "user_count" integer NOT NULL DEFAULT 0,
        ADD "account_count" integer NOT NULL DEFAULT 0,
        ADD "error_count" integer NOT NULL DEFAULT 0,
        ADD "cost_row_count" bigint NOT NULL DEFAULT 0,
        ADD "last_sync_at" timestamptz`);
    await queryRunner.query(`UPDATE "organizations" o SET "user_count" = (SELECT count(*) FROM "users" u WHERE u."org_id" = o."id")`);
    await queryRunner.query(`CREATE INDEX "IDX_organizations_created_at" ON "organizations" ("created_at")`);

    await queryRunner.query(`
      CREATE TABLE "cloud_accounts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" uuid NOT NULL,
        "name" varchar(200) NOT NULL,
        "provider" varchar(8) NOT NULL,
        "external_id" varchar(200) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "sync_error" text,
        "last_synced_at" timestamptz,
        "cost_row_count" bigint NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_cloud_accounts" PRIMARY KEY ("id"),
        CONSTRAINT "FK_cloud_accounts_org_id" FOREIGN KEY ("org_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_cloud_accounts_provider" CHECK ("provider" IN ('aws', 'azure', 'gcp')),
        CONSTRAINT "CHK_cloud_accounts_status" CHECK ("status" IN ('pending', 'syncing', 'connected', 'error'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cloud_accounts_external" ON "cloud_accounts" ("org_id", "provider", "external_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_cloud_accounts_status" ON "cloud_accounts" ("status")`);

    await queryRunner.query(`
      CREATE TABLE "sync_jobs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'queued',
        "trigger" varchar(16) NOT NULL,
        "rows_written" integer NOT NULL DEFAULT 0,
        "error" text,
        "created_at" timestamptz NOT NULL,
        "started_at" timestamptz,
        "finished_at" timestamptz,
        CONSTRAINT "PK_sync_jobs" PRIMARY KEY ("id"),
        CONSTRAINT "FK_sync_jobs_account_id" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts" ("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_sync_jobs_status" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')),
        CONSTRAINT "CHK_sync_jobs_trigger" CHECK ("trigger" IN ('manual', 'scheduled'))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_jobs_account_created" ON "sync_jobs" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_sync_jobs_org_created" ON "sync_jobs" ("org_id", "created_at")`);

    // 10^7+ rows: one row per account, day and service (the idempotency key of a sync), read per org by date.
    await queryRunner.query(`
      CREATE TABLE "cost_rows" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "org_id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "date" date NOT NULL,
        "provider" varchar(8) NOT NULL,
        "service" varchar(100) NOT NULL,
        "amount" numeric(14,4) NOT NULL,
        "currency" char(3) NOT NULL DEFAULT 'USD',
        CONSTRAINT "PK_cost_rows" PRIMARY KEY ("id"),
        CONSTRAINT "FK_cost_rows_account_id" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_cost_rows_account_date_service" ON "cost_rows" ("account_id", "date", "service")`);
    await queryRunner.query(`CREATE INDEX "IDX_cost_rows_org_date" ON "cost_rows" ("org_id", "date")`);

    const accountChild = (table: string, columns: string) => `
      CREATE TABLE "${table}" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        ${columns},
        CONSTRAINT "PK_${table}" PRIMARY KEY ("id"),
        CONSTRAINT "FK_${table}_account_id" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts" ("id") ON DELETE CASCADE
      )`;
    await queryRunner.query(
      accountChild(
        'anomaly_alerts',
        `"detected_at" timestamptz NOT NULL, "service" varchar(100) NOT NULL, "expected_amount" numeric(14,4) NOT NULL,
         "actual_amount" numeric(14,4) NOT NULL, "severity" varchar(8) NOT NULL, "status" varchar(16) NOT NULL DEFAULT 'open'`,
      ),
    );
    await queryRunner.query(
      accountChild(
        'recommendations',
        `"kind" varchar(40) NOT NULL, "title" varchar(300) NOT NULL, "estimated_monthly_savings" numeric(14,4) NOT NULL,
         "status" varchar(16) NOT NULL DEFAULT 'open', "created_at" timestamptz NOT NULL`,
      ),
    );
    await queryRunner.query(
      accountChild('network_costs', `"date" date NOT NULL, "source_region" varchar(40) NOT NULL, "destination_region" varchar(40) NOT NULL, "amount" numeric(14,4) NOT NULL`),
    );
    await queryRunner.query(
      accountChild('resource_inventory', `"resource_type" varchar(60) NOT NULL, "resource_id" varchar(200) NOT NULL, "region" varchar(40) NOT NULL, "monthly_cost" numeric(14,4) NOT NULL`),
    );
    await queryRunner.query(
      accountChild('coverage_data', `"date" date NOT NULL, "service" varchar(100) NOT NULL, "coverage_percent" numeric(5,2) NOT NULL, "utilization_percent" numeric(5,2) NOT NULL`),
    );
    for (const table of ['anomaly_alerts', 'recommendations', 'network_costs', 'resource_inventory', 'coverage_data']) {
      await queryRunner.query(`CREATE INDEX "IDX_${table}_account_id" ON "${table}" ("account_id")`);
      await queryRunner.query(`CREATE INDEX "IDX_${table}_org_id" ON "${table}" ("org_id")`);
    }

    await queryRunner.query(`
      CREATE TABLE "account_access_grants" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL,
        CONSTRAINT "PK_account_access_grants" PRIMARY KEY ("id"),
        CONSTRAINT "FK_account_access_grants_account_id" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_account_access_grants_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_account_access_grants" ON "account_access_grants" ("account_id", "user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_account_access_grants_user_id" ON "account_access_grants" ("user_id")`);

    // Budgets and alert rules belong to the org; those scoped to an account go with it.
    await queryRunner.query(`
      CREATE TABLE "budgets" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" uuid NOT NULL,
        "account_id" uuid,
        "name" varchar(200) NOT NULL,
        "amount" numeric(14,2) NOT NULL,
        "currency" char(3) NOT NULL DEFAULT 'USD',
        "period" varchar(16) NOT NULL,
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "PK_budgets" PRIMARY KEY ("id"),
        CONSTRAINT "FK_budgets_org_id" FOREIGN KEY ("org_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_budgets_account_id" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts" ("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_budgets_period" CHECK ("period" IN ('monthly', 'quarterly', 'yearly'))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_budgets_org_id" ON "budgets" ("org_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_budgets_account_id" ON "budgets" ("account_id")`);
    await queryRunner.query(`
      CREATE TABLE "alert_rules" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "org_id" uuid NOT NULL,
        "account_id" uuid,
        "name" varchar(200) NOT NULL,
        "metric" varchar(24) NOT NULL,
        "threshold" numeric(14,2) NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "PK_alert_rules" PRIMARY KEY ("id"),
        CONSTRAINT "FK_alert_rules_org_id" FOREIGN KEY ("org_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_alert_rules_account_id" FOREIGN KEY ("account_id") REFERENCES "cloud_accounts" ("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_alert_rules_metric" CHECK ("metric" IN ('daily_cost', 'monthly_cost', 'budget_percent', 'anomaly'))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_alert_rules_org_id" ON "alert_rules" ("org_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_alert_rules_account_id" ON "alert_rules" ("account_id")`);

    // Tenant API traffic per org and hour (calls, 5xx, 4xx): health and usage read these, never raw events.
    await queryRunner.query(`
      CREATE TABLE "api_usage_hourly" (
        "org_id" uuid NOT NULL,
        "hour" timestamptz NOT NULL,
        "calls" integer NOT NULL DEFAULT 0,
        "errors" integer NOT NULL DEFAULT 0,
        "client_errors" integer NOT NULL DEFAULT 0,
        "last_seen_at" timestamptz NOT NULL,
        CONSTRAINT "PK_api_usage_hourly" PRIMARY KEY ("org_id", "hour"),
        CONSTRAINT "FK_api_usage_hourly_org_id" FOREIGN KEY ("org_id") REFERENCES "organizations" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_api_usage_hourly_hour" ON "api_usage_hourly" ("hour")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['api_usage_hourly', 'alert_rules', 'budgets', 'account_access_grants', 'coverage_data', 'resource_inventory', 'network_costs', 'recommendations', 'anomaly_alerts', 'cost_rows', 'sync_jobs', 'cloud_accounts']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP INDEX "IDX_organizations_created_at"`);
    await queryRunner.query(`
      ALTER TABLE "organizations" DROP "require_2fa", DROP "allow_platform_impersonation", DROP "user_count", DROP "account_count",
        DROP "error_count", DROP "cost_row_count", DROP "last_sync_at"`);
  }
}
