import type { MigrationInterface, QueryRunner } from 'typeorm';

const WEEK_OF = (row: string) => `date_trunc('week', ${row}."created_at" AT TIME ZONE 'UTC')::date`;

/**
 * The growth dashboard's new orgs per week (Monday start, UTC), kept by a trigger on organizations
 * like the platform totals: growth reads 12 rows instead of grouping every org of its window
 * (2,250 of them on the large data set, and more the faster the platform grows).
 * Org creation is rare enough that one row per week needs no sharding.
 */
export class CountWeeklySignups1764701000000 implements MigrationInterface {
  name = 'CountWeeklySignups1764701000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "org_weekly_signups" (
        "week_start" date NOT NULL,
        "orgs" integer NOT NULL DEFAULT 0,
        CONSTRAINT "PK_org_weekly_signups" PRIMARY KEY ("week_start")
      )`);
    await queryRunner.query(`
      CREATE FUNCTION keel_count_weekly_signups() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE "org_weekly_signups" SET "orgs" = "orgs" - 1 WHERE "week_start" = ${WEEK_OF('OLD')};
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO "org_weekly_signups" ("week_start", "orgs") VALUES (${WEEK_OF('NEW')}, 1)
            ON CONFLICT ("week_start") DO UPDATE SET "orgs" = "org_weekly_signups"."orgs" + 1;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_organizations_insert_delete_signups" AFTER INSERT OR DELETE ON "organizations" FOR EACH ROW EXECUTE FUNCTION keel_count_weekly_signups()`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_organizations_update_signups" AFTER UPDATE OF "created_at" ON "organizations"
      FOR EACH ROW WHEN (${WEEK_OF('OLD')} IS DISTINCT FROM ${WEEK_OF('NEW')}) EXECUTE FUNCTION keel_count_weekly_signups()`);
    // Counted after the triggers exist: their lock holds off new orgs until this commits, so none is missed.
    await queryRunner.query(`INSERT INTO "org_weekly_signups" ("week_start", "orgs") SELECT ${WEEK_OF('o')}, count(*) FROM "organizations" o GROUP BY 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_organizations_update_signups" ON "organizations"`);
    await queryRunner.query(`DROP TRIGGER "TRG_organizations_insert_delete_signups" ON "organizations"`);
    await queryRunner.query(`DROP FUNCTION keel_count_weekly_signups()`);
    await queryRunner.query(`DROP TABLE "org_weekly_signups"`);
  }
}
