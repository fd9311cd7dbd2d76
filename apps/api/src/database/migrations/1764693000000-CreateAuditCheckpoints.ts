import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed audit checkpoints (SECURITY.md, "log tampering"): append-only like the audit tables, never
 * removed by retention. Retention now removes a chain's prefix only up to its newest checkpoint
 * among the expired entries, so that every retention anchor is vouched for by a signature.
 */
export class CreateAuditCheckpoints1764693000000 implements MigrationInterface {
  name = 'CreateAuditCheckpoints1764693000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ schema }] = await queryRunner.query('SELECT current_schema() AS schema');
    await queryRunner.query(`
      CREATE TABLE "audit_checkpoints" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "chain_key" varchar(40) NOT NULL,
        "chain_index" bigint NOT NULL,
        "hash" char(64) NOT NULL,
        "entry_count" bigint NOT NULL,
        "created_at" timestamptz NOT NULL,
        "key_id" varchar(64) NOT NULL,
        "signature" text NOT NULL,
        CONSTRAINT "PK_audit_checkpoints" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_audit_checkpoints_chain" UNIQUE ("chain_key", "chain_index")
      )`);
    await queryRunner.query(`CREATE TRIGGER "TRG_audit_checkpoints_immutable" BEFORE UPDATE OR DELETE ON "audit_checkpoints" FOR EACH ROW EXECUTE FUNCTION keel_reject_audit_change()`);
    await queryRunner.query(`CREATE TRIGGER "TRG_audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints" FOR EACH STATEMENT EXECUTE FUNCTION keel_reject_audit_change()`);
    await queryRunner.query(purgeChainFunction(schema, true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ schema }] = await queryRunner.query('SELECT current_schema() AS schema');
    await queryRunner.query(purgeChainFunction(schema, false));
    await queryRunner.query(`DROP TABLE "audit_checkpoints"`);
  }
}

// keel_purge_audit_chain of 1764600000000, with (or without) the cap at the newest checkpoint.
function purgeChainFunction(schema: string, cappedAtCheckpoint: boolean): string {
  const cap = cappedAtCheckpoint
    ? `
        -- Only as far as a signed checkpoint reaches: the anchor left behind is then vouched for by its signature.
        SELECT max(chain_index) INTO v_last_index FROM audit_checkpoints WHERE chain_key = p_chain_key AND chain_index <= v_last_index;`
    : '';
  return `
      CREATE OR REPLACE FUNCTION keel_purge_audit_chain(p_log text, p_chain_key text, p_cutoff timestamptz, p_reason text, p_now timestamptz)
      RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = "${schema}", pg_temp AS $$
      DECLARE
        v_last_index bigint;
        v_last_hash char(64);
        v_removed bigint := 0;
      BEGIN
        -- The sealer's lock: no seal may be written for an entry being removed.
        PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.audit_sealer'));
        IF p_log = 'platform' THEN
          SELECT max(s.chain_index) INTO v_last_index FROM audit_seals s JOIN platform_audit_log e ON e.id = s.entry_id
           WHERE s.chain_key = p_chain_key AND e.created_at < p_cutoff;
        ELSIF p_log = 'org' THEN
          SELECT max(s.chain_index) INTO v_last_index FROM audit_seals s JOIN audit_log e ON e.id = s.entry_id
           WHERE s.chain_key = p_chain_key AND e.created_at < p_cutoff;
        ELSE
          RAISE EXCEPTION 'unknown audit log %', p_log;
        END IF;${cap}
        IF v_last_index IS NULL THEN
          RETURN 0;
        END IF;
        SELECT hash INTO v_last_hash FROM audit_seals WHERE chain_key = p_chain_key AND chain_index = v_last_index;
        PERFORM set_config('keel.audit_purge', 'on', true);
        IF p_log = 'platform' THEN
          DELETE FROM platform_audit_log e USING audit_seals s
           WHERE s.entry_id = e.id AND s.chain_key = p_chain_key AND s.chain_index <= v_last_index;
        ELSE
          DELETE FROM audit_log e USING audit_seals s
           WHERE s.entry_id = e.id AND s.chain_key = p_chain_key AND s.chain_index <= v_last_index;
        END IF;
        GET DIAGNOSTICS v_removed = ROW_COUNT;
        DELETE FROM audit_seals WHERE chain_key = p_chain_key AND chain_index <= v_last_index;
        PERFORM set_config('keel.audit_purge', 'off', true);
        INSERT INTO audit_anchors (chain_key, chain_index, hash, removed_entries, reason, created_at)
        VALUES (p_chain_key, v_last_index, v_last_hash, v_removed, p_reason, p_now);
        RETURN v_removed;
      END $$`;
}
