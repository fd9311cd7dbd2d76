import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTED = ['user_count', 'account_count', 'cost_row_count', 'error_count'];

/**
 * What keeps the super_admin's dashboards as fast with 10,000 orgs as with 50:
 * - an index per sortable column of the org list (with the id tie-breaker), and one for the
 *   newest failing cloud accounts;
 * - platform totals kept by a trigger on organizations, in 16 shards so that concurrent changes
 *   to different orgs rarely wait on one row; the stats add up 16 rows instead of 10,000;
 * - tenant health's fleet counts kept by a trigger, and its worst-first order indexed (with a
 *   copy of the org's name, refreshed with the health each minute).
 */
export class ScaleDashboards1764680000000 implements MigrationInterface {
  name = 'ScaleDashboards1764680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_organizations_created_at"`);
    for (const column of ['name', 'created_at', 'user_count', 'last_sync_at']) {
      await queryRunner.query(`CREATE INDEX "IDX_organizations_${column}_id" ON "organizations" ("${column}", "id")`);
    }
    await queryRunner.query(`CREATE INDEX "IDX_organizations_last_sync_at_desc_id" ON "organizations" ("last_sync_at" DESC NULLS LAST, "id" DESC)`);
    await queryRunner.query(`CREATE INDEX "IDX_cloud_accounts_failing" ON "cloud_accounts" ("updated_at", "id") WHERE "status" = 'error'`);

    await queryRunner.query(`
      CREATE TABLE "platform_totals" (
        "shard" smallint NOT NULL,
        "organizations" bigint NOT NULL DEFAULT 0,
        ${COUNTED.map((column) => `"${column}" bigint NOT NULL DEFAULT 0`).join(',\n        ')},
        CONSTRAINT "PK_platform_totals" PRIMARY KEY ("shard")
      )`);
    const delta = (sign: string, row: string) => COUNTED.map((column) => `"${column}" = "platform_totals"."${column}" ${sign} ${row}."${column}"`).join(', ');
    await queryRunner.query(`
      CREATE FUNCTION keel_count_platform_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE "platform_totals" SET "organizations" = "organizations" - 1, ${delta('-', 'OLD')} WHERE "shard" = abs(hashtext(OLD."id"::text)) % 16;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          UPDATE "platform_totals" SET "organizations" = "organizations" + 1, ${delta('+', 'NEW')} WHERE "shard" = abs(hashtext(NEW."id"::text)) % 16;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      INSERT INTO "platform_totals" ("shard", "organizations", ${COUNTED.map((column) => `"${column}"`).join(', ')})
      SELECT shard, count(o."id"), ${COUNTED.map((column) => `COALESCE(sum(o."${column}"), 0)`).join(', ')}
        FROM generate_series(0, 15) AS shard LEFT JOIN "organizations" o ON abs(hashtext(o."id"::text)) % 16 = shard
       GROUP BY shard`);
    await queryRunner.query(`CREATE TRIGGER "TRG_organizations_insert_delete_totals" AFTER INSERT OR DELETE ON "organizations" FOR EACH ROW EXECUTE FUNCTION keel_count_platform_totals()`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_organizations_update_totals" AFTER UPDATE OF ${COUNTED.map((column) => `"${column}"`).join(', ')} ON "organizations"
      FOR EACH ROW WHEN (${COUNTED.map((column) => `OLD."${column}" IS DISTINCT FROM NEW."${column}"`).join(' OR ')}) EXECUTE FUNCTION keel_count_platform_totals()`);

    await queryRunner.query(`ALTER TABLE "tenant_health" ADD "org_name" varchar(200) NOT NULL DEFAULT ''`);
    await queryRunner.query(`UPDATE "tenant_health" h SET "org_name" = o."name" FROM "organizations" o WHERE o."id" = h."org_id"`);
    await queryRunner.query(`ALTER TABLE "tenant_health" ADD "severity_rank" smallint NOT NULL DEFAULT 3`);
    await queryRunner.query(`UPDATE "tenant_health" SET "severity_rank" = CASE "health" WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 WHEN 'unknown' THEN 2 ELSE 3 END`);
    await queryRunner.query(`CREATE INDEX "IDX_tenant_health_worst_first" ON "tenant_health" ("severity_rank", "org_name", "org_id")`);
    await queryRunner.query(`
      CREATE TABLE "tenant_health_totals" (
        "health" varchar(8) NOT NULL,
        "orgs" integer NOT NULL DEFAULT 0,
        CONSTRAINT "PK_tenant_health_totals" PRIMARY KEY ("health")
      )`);
    await queryRunner.query(`
      INSERT INTO "tenant_health_totals" ("health", "orgs")
      SELECT class, (SELECT count(*) FROM "tenant_health" WHERE "health" = class) FROM unnest(ARRAY['healthy', 'warning', 'critical', 'unknown']) AS class`);
    await queryRunner.query(`
      CREATE FUNCTION keel_count_tenant_health() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE "tenant_health_totals" SET "orgs" = "orgs" - 1 WHERE "health" = OLD."health"; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN UPDATE "tenant_health_totals" SET "orgs" = "orgs" + 1 WHERE "health" = NEW."health"; END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_tenant_health_insert_delete_totals" AFTER INSERT OR DELETE ON "tenant_health" FOR EACH ROW EXECUTE FUNCTION keel_count_tenant_health()`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_tenant_health_update_totals" AFTER UPDATE OF "health" ON "tenant_health"
      FOR EACH ROW WHEN (OLD."health" IS DISTINCT FROM NEW."health") EXECUTE FUNCTION keel_count_tenant_health()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tenant_health_totals"`);
    await queryRunner.query(`DROP TRIGGER "TRG_tenant_health_update_totals" ON "tenant_health"`);
    await queryRunner.query(`DROP TRIGGER "TRG_tenant_health_insert_delete_totals" ON "tenant_health"`);
    await queryRunner.query(`DROP FUNCTION keel_count_tenant_health()`);
    await queryRunner.query(`DROP INDEX "IDX_tenant_health_worst_first"`);
    await queryRunner.query(`ALTER TABLE "tenant_health" DROP COLUMN "severity_rank"`);
    await queryRunner.query(`ALTER TABLE "tenant_health" DROP COLUMN "org_name"`);
    await queryRunner.query(`DROP TRIGGER "TRG_organizations_update_totals" ON "organizations"`);
    await queryRunner.query(`DROP TRIGGER "TRG_organizations_insert_delete_totals" ON "organizations"`);
    await queryRunner.query(`DROP FUNCTION keel_count_platform_totals()`);
    await queryRunner.query(`DROP TABLE "platform_totals"`);
    await queryRunner.query(`DROP INDEX "IDX_cloud_accounts_failing"`);
    await queryRunner.query(`DROP INDEX "IDX_organizations_last_sync_at_desc_id"`);
    for (const column of ['name', 'created_at', 'user_count', 'last_sync_at']) await queryRunner.query(`DROP INDEX "IDX_organizations_${column}_id"`);
    await queryRunner.query(`CREATE INDEX "IDX_organizations_created_at" ON "organizations" ("created_at")`);
  }
}
