import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each org's health, recomputed every minute from api_usage_hourly: the support list reads this, never raw traffic. */
export class CreateTenantHealth1764630000000 implements MigrationInterface {
  name = 'CreateTenantHealth1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "tenant_health" (
        "org_id" uuid NOT NULL,
        "calls_24h" integer NOT NULL,
        "errors_24h" integer NOT NULL,
        "baseline_per_day" numeric(14,2) NOT NULL,
        "error_rate" numeric(6,2),
        "health" varchar(8) NOT NULL,
        "reason" varchar(300) NOT NULL,
        "last_seen_at" timestamptz,
        "computed_at" timestamptz NOT NULL,
        CONSTRAINT "PK_tenant_health" PRIMARY KEY ("org_id"),
        CONSTRAINT "FK_tenant_health_org_id" FOREIGN KEY ("org_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "CHK_tenant_health_health" CHECK ("health" IN ('healthy', 'warning', 'critical', 'unknown'))
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_tenant_health_health" ON "tenant_health" ("health")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tenant_health"`);
  }
}
