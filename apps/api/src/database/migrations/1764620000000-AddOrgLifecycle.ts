import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the platform's org lifecycle needs to remember: why an org is suspended, and its deletion grace. */
export class AddOrgLifecycle1764620000000 implements MigrationInterface {
  name = 'AddOrgLifecycle1764620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "organizations"
        ADD "status_reason" varchar(500),
        ADD "deletion_scheduled_at" timestamptz,
        ADD "status_before_deletion" varchar(16)`);
    // The purge job looks for expired graces; only pending deletions carry a date.
    await queryRunner.query(`CREATE INDEX "IDX_organizations_deletion_scheduled_at" ON "organizations" ("deletion_scheduled_at") WHERE "deletion_scheduled_at" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_organizations_deletion_scheduled_at"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP "status_reason", DROP "deletion_scheduled_at", DROP "status_before_deletion"`);
  }
}
