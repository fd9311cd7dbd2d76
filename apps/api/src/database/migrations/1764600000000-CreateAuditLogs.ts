import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two audit logs (SPEC §7). Entries are never updated or deleted by the application: the
 * grants withhold UPDATE/DELETE/TRUNCATE from the application role (see migrate.ts) and triggers
 * reject them for everyone else, except inside the SECURITY DEFINER purge functions (retention,
 * an org's hard delete), which leave an anchor so that the rest of the chain still verifies.
 * Hash links live in audit_seals, appended by the sealer, so entries need no UPDATE either.
 */
export class CreateAuditLogs1764600000000 implements MigrationInterface {
  name = 'CreateAuditLogs1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The purge functions run with the owner's rights, so they pin the schema they were created in.
    const [{ schema }] = await queryRunner.query('SELECT current_schema() AS schema');
    // The writing transaction's id as a plain bigint (64-bit, never wraps), for the sealer's ordering.
    await queryRunner.query(`CREATE FUNCTION keel_current_transaction_id() RETURNS bigint LANGUAGE sql VOLATILE AS 'SELECT pg_current_xact_id()::text::bigint'`);
    const entryColumns = `
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "seq" bigint GENERATED ALWAYS AS IDENTITY,
        "action" varchar(100) NOT NULL,
        "created_at" timestamptz NOT NULL,
        "actor_type" varchar(40) NOT NULL,
        "actor_id" uuid,
        "actor_email" varchar(320),
        "target_type" varchar(40),
        "target_id" varchar(100),
        "target_name" varchar(300),
        "impersonation_id" uuid,
        "metadata" jsonb NOT NULL DEFAULT '{}',
        "ip_address" varchar(64),
        "user_agent" varchar(512),
        "request_id" varchar(128),
        "tx_id" bigint NOT NULL DEFAULT keel_current_transaction_id()`;

    await queryRunner.query(`
      CREATE TABLE "platform_audit_log" (${entryColumns},
        "org_id" uuid,
        CONSTRAINT "PK_platform_audit_log" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_platform_audit_log_actor_type" CHECK ("actor_type" IN ('platform_user', 'user', 'platform_admin_impersonating', 'api_key', 'system'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_platform_audit_log_seq" ON "platform_audit_log" ("seq")`);
    await queryRunner.query(`CREATE INDEX "IDX_platform_audit_log_org_seq" ON "platform_audit_log" ("org_id", "seq")`);
    await queryRunner.query(`CREATE INDEX "IDX_platform_audit_log_action_seq" ON "platform_audit_log" ("action", "seq")`);
    await queryRunner.query(`CREATE INDEX "IDX_platform_audit_log_actor_seq" ON "platform_audit_log" ("actor_id", "seq")`);
    await queryRunner.query(`CREATE INDEX "IDX_platform_audit_log_created_at" ON "platform_audit_log" ("created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_platform_audit_log_tx_seq" ON "platform_audit_log" ("tx_id", "seq")`);

    // No foreign key to organizations: an org's hard delete must not cascade into its history.
    await queryRunner.query(`
      CREATE TABLE "audit_log" (${entryColumns},
        "org_id" uuid NOT NULL,
        CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_audit_log_actor_type" CHECK ("actor_type" IN ('platform_user', 'user', 'platform_admin_impersonating', 'api_key', 'system'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_audit_log_seq" ON "audit_log" ("seq")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_org_seq" ON "audit_log" ("org_id", "seq")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_org_action_seq" ON "audit_log" ("org_id", "action", "seq")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_org_actor_seq" ON "audit_log" ("org_id", "actor_id", "seq")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_org_created_at" ON "audit_log" ("org_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_tx_seq" ON "audit_log" ("tx_id", "seq")`);

    // One hash chain per chain key: 'platform', or an org id for that org's log.
    await queryRunner.query(`
      CREATE TABLE "audit_seals" (
        "entry_id" uuid NOT NULL,
        "chain_key" varchar(40) NOT NULL,
        "chain_index" bigint NOT NULL,
        "prev_hash" char(64) NOT NULL,
        "hash" char(64) NOT NULL,
        "sealed_at" timestamptz NOT NULL,
        CONSTRAINT "PK_audit_seals" PRIMARY KEY ("entry_id"),
        CONSTRAINT "UQ_audit_seals_chain" UNIQUE ("chain_key", "chain_index")
      )`);
    await queryRunner.query(`
      CREATE TABLE "audit_anchors" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "chain_key" varchar(40) NOT NULL,
        "chain_index" bigint NOT NULL,
        "hash" char(64) NOT NULL,
        "removed_entries" bigint NOT NULL,
        "reason" varchar(40) NOT NULL,
        "created_at" timestamptz NOT NULL,
        CONSTRAINT "PK_audit_anchors" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_anchors_chain" ON "audit_anchors" ("chain_key", "chain_index")`);
    // The sealer's progress: every transaction older than `horizon` has been sealed (or had nothing to seal).
    await queryRunner.query(`
      CREATE TABLE "audit_sealer_state" (
        "log" varchar(16) NOT NULL,
        "horizon" bigint NOT NULL,
        CONSTRAINT "PK_audit_sealer_state" PRIMARY KEY ("log")
      )`);
    await queryRunner.query(`INSERT INTO "audit_sealer_state" ("log", "horizon") VALUES ('platform', 0), ('org', 0)`);
    await queryRunner.query(`
      CREATE TABLE "audit_chain_heads" (
        "chain_key" varchar(40) NOT NULL,
        "last_index" bigint NOT NULL,
        "last_hash" char(64) NOT NULL,
        CONSTRAINT "PK_audit_chain_heads" PRIMARY KEY ("chain_key")
      )`);

    await queryRunner.query(`
      CREATE FUNCTION keel_reject_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('keel.audit_purge', true) = 'on' AND TG_OP = 'DELETE' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit records are immutable: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['platform_audit_log', 'audit_log', 'audit_seals', 'audit_anchors']) {
      await queryRunner.query(`CREATE TRIGGER "TRG_${table}_immutable" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION keel_reject_audit_change()`);
      await queryRunner.query(`CREATE TRIGGER "TRG_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION keel_reject_audit_change()`);
    }

    // Retention: removes the sealed prefix of a chain older than `cutoff` and anchors the last removed hash.
    await queryRunner.query(`
      CREATE FUNCTION keel_purge_audit_chain(p_log text, p_chain_key text, p_cutoff timestamptz, p_reason text, p_now timestamptz)
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
        END IF;
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
      END $$`);

    // An org's hard delete: its whole org log goes (sealed or not); the anchor keeps the final hash.
    await queryRunner.query(`
      CREATE FUNCTION keel_purge_org_audit_log(p_org_id uuid, p_now timestamptz)
      RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = "${schema}", pg_temp AS $$
      DECLARE
        v_head audit_chain_heads%ROWTYPE;
        v_removed bigint := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.audit_sealer'));
        SELECT * INTO v_head FROM audit_chain_heads WHERE chain_key = p_org_id::text;
        PERFORM set_config('keel.audit_purge', 'on', true);
        DELETE FROM audit_seals WHERE chain_key = p_org_id::text;
        DELETE FROM audit_log WHERE org_id = p_org_id;
        GET DIAGNOSTICS v_removed = ROW_COUNT;
        PERFORM set_config('keel.audit_purge', 'off', true);
        IF v_head.chain_key IS NOT NULL THEN
          INSERT INTO audit_anchors (chain_key, chain_index, hash, removed_entries, reason, created_at)
          VALUES (v_head.chain_key, v_head.last_index, v_head.last_hash, v_removed, 'org_deleted', p_now);
        END IF;
        RETURN v_removed;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION keel_purge_audit_chain(text, text, timestamptz, text, timestamptz) FROM PUBLIC`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION keel_purge_org_audit_log(uuid, timestamptz) FROM PUBLIC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION keel_purge_org_audit_log(uuid, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION keel_purge_audit_chain(text, text, timestamptz, text, timestamptz)`);
    for (const table of ['audit_chain_heads', 'audit_sealer_state', 'audit_anchors', 'audit_seals', 'audit_log', 'platform_audit_log']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION keel_reject_audit_change()`);
    await queryRunner.query(`DROP FUNCTION keel_current_transaction_id()`);
  }
}
