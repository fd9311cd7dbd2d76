import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = ['plan', 'status', 'account_count', 'error_count'];

/**
 * The org list also sorts by plan, status, account count and error count: without an index each such
 * page sorted all 10,000 orgs (2 ms in PostgreSQL alone, against 0.03 ms for an indexed column).
 * Slug needs none: its unique index already orders the page.
 */
export class IndexOrgSortColumns1764699000000 implements MigrationInterface {
  name = 'IndexOrgSortColumns1764699000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of COLUMNS) await queryRunner.query(`CREATE INDEX "IDX_organizations_${column}_id" ON "organizations" ("${column}", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of COLUMNS) await queryRunner.query(`DROP INDEX "IDX_organizations_${column}_id"`);
  }
}
