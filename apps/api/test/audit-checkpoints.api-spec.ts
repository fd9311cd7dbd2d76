import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { auditVerify } from '../src/bin/audit-verify';
import { auditKeyId } from '../src/modules/audit/audit-checkpoint';
import { AuditCheckpointService } from '../src/modules/audit/audit-checkpoint.service';
import { chainHash, hashableColumns, type HashableEntry } from '../src/modules/audit/audit-hash';
import { AuditRetentionService } from '../src/modules/audit/audit-retention.service';
import { AuditSealerService } from '../src/modules/audit/audit-sealer.service';
import { createStaff, signIn, uniqueEmail } from './support/factories';
import { startIsolatedTestApp, type IsolatedSchema } from './support/isolated-schema';
import { startTestApp, type TestApp } from './support/test-app';

const DAY = 86_400_000;
const AUDIT_TABLES_WITH_TRIGGERS = ['platform_audit_log', 'audit_seals', 'audit_anchors', 'audit_checkpoints'];

/** Runs statements as the schema owner with the audit triggers off: an attacker with full database access. */
async function tamper(ownerUrl: string, statements: [string, unknown[]?][]): Promise<void> {
  const attacker = new Client({ connectionString: ownerUrl });
  await attacker.connect();
  try {
    await attacker.query('BEGIN');
    for (const table of AUDIT_TABLES_WITH_TRIGGERS) await attacker.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    for (const [sql, parameters] of statements) await attacker.query(sql, parameters);
    for (const table of AUDIT_TABLES_WITH_TRIGGERS) await attacker.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await attacker.query('COMMIT');
  } finally {
    await attacker.end();
  }
}

describe('signed audit checkpoints (on a database of their own)', () => {
  let isolatedApp: Awaited<ReturnType<typeof startIsolatedTestApp>>;
  let isolated: IsolatedSchema;
  let test: TestApp;
  let staff: { accessToken: string };
  const workDirectory = mkdtempSync(join(tmpdir(), 'keel-audit-verify-'));

  beforeAll(async () => {
    isolatedApp = await startIsolatedTestApp();
    ({ test, isolated } = isolatedApp);
    staff = await signIn(test, await createStaff(test));
  });
  afterAll(() => isolatedApp.close());
  afterEach(() => test.clock.reset());

  const createUser = () =>
    request(test.http).post('/api/v1/platform/users').auth(staff.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('checkpointed'), name: 'C', role: 'support_admin' }).expect(201);
  const sealAndCheckpoint = async () => {
    await test.app.get(AuditSealerService).sealPending();
    return test.app.get(AuditCheckpointService).checkpointAll();
  };
  const verify = async () => (await request(test.http).get('/api/v1/platform/audit-log/verify').auth(staff.accessToken, { type: 'bearer' }).expect(200)).body;
  const platformHead = async (): Promise<number> => Number((await test.dataSource.query("SELECT last_index FROM audit_chain_heads WHERE chain_key = 'platform'"))[0].last_index);
  const asAttacker = (statements: [string, unknown[]?][]) => tamper(isolated.ownerUrl, statements);
  const exportCsv = async (query: Record<string, string> = {}) =>
    (await request(test.http).get('/api/v1/platform/audit-log').query({ format: 'csv', ...query }).auth(staff.accessToken, { type: 'bearer' }).buffer(true).parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => done(null, text));
    }).expect(200)).body as string;
  const runVerifier = async (csv: string, ...args: string[]) => {
    const file = join(workDirectory, `export-${Date.now()}-${Math.random()}.csv`);
    writeFileSync(file, csv);
    const lines: string[] = [];
    const code = await auditVerify([file, ...args], (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  };
  const keysFile = async () => {
    const file = join(workDirectory, 'keys.json');
    writeFileSync(file, JSON.stringify((await request(test.http).get('/.well-known/keel-audit-keys.json').expect(200)).body));
    return file;
  };

  it('publishes its Ed25519 public key, without authentication, at /.well-known/keel-audit-keys.json', async () => {
    const { body } = await request(test.http).get('/.well-known/keel-audit-keys.json').expect(200);
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), use: 'sig', alg: 'EdDSA' });
    expect(JSON.stringify(body)).not.toMatch(/"d"/);
  });

  it('signs one checkpoint per chain that advanced, and none when nothing moved; verify then reports the chain proven up to it', async () => {
    await createUser();
    expect(await sealAndCheckpoint()).toBe(1);
    expect(await sealAndCheckpoint()).toBe(0);
    const head = await platformHead();
    const [checkpoint] = await test.dataSource.query("SELECT chain_index::int AS chain_index, hash, key_id FROM audit_checkpoints WHERE chain_key = 'platform' ORDER BY chain_index DESC LIMIT 1");
    expect(checkpoint.chain_index).toBe(head);
    expect(await verify()).toEqual({ ok: true, checked: head, unsealed: 0, first_broken_id: null, anchor_index: null, signed_through: head, first_broken_checkpoint: null });
  });

  it('keeps checkpoints append-only: the application role cannot change them and the owner is stopped by the trigger', async () => {
    const app = new Client({ connectionString: isolated.appUrl });
    const owner = new Client({ connectionString: isolated.ownerUrl });
    await app.connect();
    await owner.connect();
    try {
      for (const client of [app, owner]) {
        await expect(client.query('UPDATE audit_checkpoints SET entry_count = entry_count')).rejects.toThrow(/permission denied|immutable/);
        await expect(client.query('DELETE FROM audit_checkpoints')).rejects.toThrow(/permission denied|immutable/);
        await expect(client.query('TRUNCATE audit_checkpoints')).rejects.toThrow(/permission denied|immutable/);
      }
    } finally {
      await app.end();
      await owner.end();
    }
  });

  it('exports each entry with its chain hash and checkpoint, and the offline verifier proves the export, fetching the keys by URL', async () => {
    // Cells a spreadsheet would run, a leading quote, an empty string next to nulls: all must hash back exactly.
    await test.dataSource.query(
      `INSERT INTO platform_audit_log (action, created_at, actor_type, target_type, target_id, target_name, user_agent, request_id, metadata)
       VALUES ('platform.org_contacted', now(), 'system', 'organization', '-1', '=HYPERLINK("http://evil.example","x")', '', '''quoted', '{"note": "@x", "n": 1}')`,
    );
    await createUser();
    await sealAndCheckpoint();
    const csv = await exportCsv();
    expect(csv.split('\n')[0]).toBe('id,seq,created_at,action,actor_type,actor_id,actor_email,target_type,target_id,target_name,org_id,impersonation_id,ip_address,user_agent,request_id,metadata,chain_key,chain_index,chain_prev_hash,chain_hash,checkpoint');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);

    // A server of its own, so that the offline verifier fetches the keys over HTTP like an operator would.
    const server = http.createServer(test.app.getHttpAdapter().getInstance()).listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const { code, output } = await runVerifier(csv, '--keys', `http://127.0.0.1:${port}/.well-known/keel-audit-keys.json`);
      expect(output).toMatch(/VERDICT: OK$/);
      expect(code).toBe(0);
      expect(output).toMatch(/proven by a signed checkpoint: +[1-9]/);
      expect(output).toMatch(/valid checkpoint signatures: +[1-9]/);
      // The export's own audit entry committed just before the rows were read: not sealed yet.
      expect(output).toMatch(/not sealed yet \(no hash to check\): +1/);
    } finally {
      server.close();
    }
    const unsigned = await runVerifier(csv);
    expect(unsigned.output).toContain('checkpoint signatures NOT checked: give --keys');
    expect(unsigned.output).toMatch(/proven by a signed checkpoint: +0$/m);
    expect(unsigned.code).toBe(0);
  });

  it('fails the offline verification of an export whose one cell was edited, naming the row', async () => {
    await createUser();
    await sealAndCheckpoint();
    const csv = await exportCsv();
    const [victim] = await test.dataSource.query("SELECT id FROM platform_audit_log WHERE action = 'platform.user_created' ORDER BY seq DESC LIMIT 1");
    const lines = csv.split('\n');
    const line = lines.findIndex((text) => text.startsWith(victim.id));
    lines[line] = lines[line].replace('platform.user_created', 'platform.user_disabled');
    const { code, output } = await runVerifier(lines.join('\n'), '--keys', await keysFile());
    expect(code).toBe(1);
    expect(output).toContain(`FAILED line ${line + 1} (id ${victim.id}`);
    expect(output).toMatch(/VERDICT: FAILED$/);
  });

  it('fails an export whose checkpoint signature was altered, and one checked against another key', async () => {
    await createUser();
    await sealAndCheckpoint();
    const csv = await exportCsv();
    const forged = csv.replace(/""entry_count"":""(\d+)""/, (_, count: string) => `""entry_count"":""${Number(count) + 1}""`);
    expect(forged).not.toBe(csv);
    expect((await runVerifier(forged, '--keys', await keysFile())).output).toMatch(/FAILED line \d+ .*the checkpoint's signature does not hold/);

    const strangerKeys = join(workDirectory, 'stranger.json');
    const stranger = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    writeFileSync(strangerKeys, JSON.stringify({ keys: [{ ...stranger, kid: auditKeyId(createPublicKey({ key: stranger, format: 'jwk' })) }] }));
    expect((await runVerifier(csv, '--keys', strangerKeys)).code).toBe(1);
  });

  it('reports the gaps of a filtered export, and proves it only where runs are contiguous when --allow-gaps is given', async () => {
    await createUser();
    await sealAndCheckpoint();
    const csv = await exportCsv({ action: 'platform.user_created' });
    const keys = await keysFile();
    const strict = await runVerifier(csv, '--keys', keys);
    expect(strict.code).toBe(1);
    expect(strict.output).toMatch(/gap: chain platform: indexes \d+–\d+ are not in the export/);
    const lenient = await runVerifier(csv, '--keys', keys, '--allow-gaps');
    expect(lenient.output).toMatch(/VERDICT: OK$/);
    expect(lenient.code).toBe(0);
  });

  it('still proves the remaining log after retention, from the anchor a signed checkpoint vouches for, and removes nothing past it', async () => {
    await createUser();
    await sealAndCheckpoint();
    const checkpointed = await platformHead();
    await createUser(); // expired too, but after the last checkpoint: retention must keep it
    await test.app.get(AuditSealerService).sealPending();
    test.clock.advance(400 * DAY);
    const later = await signIn(test, await createStaff(test));
    await request(test.http).post('/api/v1/platform/users').auth(later.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('new'), name: 'N', role: 'support_admin' }).expect(201);
    await test.app.get(AuditSealerService).sealPending();

    expect(await test.app.get(AuditRetentionService).applyRetention()).toBeGreaterThan(0);
    const [anchor] = await test.dataSource.query("SELECT chain_index::int AS chain_index FROM audit_anchors WHERE chain_key = 'platform' ORDER BY chain_index DESC LIMIT 1");
    expect(anchor.chain_index).toBe(checkpointed);
    const [{ remaining }] = await test.dataSource.query("SELECT min(chain_index)::int AS remaining FROM audit_seals WHERE chain_key = 'platform'");
    expect(remaining).toBe(checkpointed + 1);

    const body = (await request(test.http).get('/api/v1/platform/audit-log/verify').auth(later.accessToken, { type: 'bearer' }).expect(200)).body;
    expect(body).toMatchObject({ ok: true, unsealed: 0, first_broken_id: null, anchor_index: checkpointed, first_broken_checkpoint: null });
    await sealAndCheckpoint();
    const head = await platformHead();
    expect((await request(test.http).get('/api/v1/platform/audit-log/verify').auth(later.accessToken, { type: 'bearer' }).expect(200)).body).toMatchObject({ ok: true, signed_through: head, checked: head - checkpointed });

    // The export of what is left still verifies offline: its first row links to the removed part.
    const csv = (await request(test.http).get('/api/v1/platform/audit-log').query({ format: 'csv' }).auth(later.accessToken, { type: 'bearer' }).buffer(true).parse((response, done) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => done(null, text));
    })).body as string;
    expect((await runVerifier(csv, '--keys', await keysFile())).output).toMatch(/VERDICT: OK$/);
    staff = later;
  });

  describe('detects tampering that a database owner could do', () => {
    // Runs last: every test here leaves the platform chain broken.
    it('an entry rewritten together with its seal and the chain head: only the signed checkpoint still holds the old hash', async () => {
      await createUser();
      await sealAndCheckpoint();
      const head = await platformHead();
      const [victim]: (HashableEntry & { prev_hash: string })[] = await test.dataSource.query(
        `SELECT ${hashableColumns('e')}, s.prev_hash FROM platform_audit_log e JOIN audit_seals s ON s.entry_id = e.id WHERE s.chain_key = 'platform' AND s.chain_index = $1`,
        [head],
      );
      const rewrittenHash = chainHash(victim.prev_hash, { ...victim, action: 'platform.user_disabled' });
      await asAttacker([
        ["UPDATE platform_audit_log SET action = 'platform.user_disabled' WHERE id = $1", [victim.id]],
        ['UPDATE audit_seals SET hash = $2 WHERE entry_id = $1', [victim.id, rewrittenHash]],
        ["UPDATE audit_chain_heads SET last_hash = $1 WHERE chain_key = 'platform'", [rewrittenHash]],
      ]);
      expect(await verify()).toMatchObject({ ok: false, first_broken_id: victim.id, first_broken_checkpoint: head });
    });

    it('an altered seal', async () => {
      const [seal] = await test.dataSource.query("SELECT entry_id FROM audit_seals WHERE chain_key = 'platform' ORDER BY chain_index DESC LIMIT 1 OFFSET 1");
      await asAttacker([["UPDATE audit_seals SET prev_hash = repeat('a', 64) WHERE entry_id = $1", [seal.entry_id]]]);
      expect(await verify()).toMatchObject({ ok: false, first_broken_id: seal.entry_id });
    });

    it('an altered checkpoint signature', async () => {
      const [checkpoint] = await test.dataSource.query("SELECT id, chain_index::int AS chain_index FROM audit_checkpoints WHERE chain_key = 'platform' ORDER BY chain_index LIMIT 1");
      await asAttacker([["UPDATE audit_checkpoints SET signature = translate(signature, 'ABCabc', 'BCAbca') WHERE id = $1", [checkpoint.id]]]);
      expect(await verify()).toMatchObject({ ok: false, first_broken_checkpoint: checkpoint.chain_index });
    });
  });

  it('refuses an anchor that no signed checkpoint vouches for, planted to hide deleted entries', async () => {
    // A fresh database: the chain so far is intact and checkpointed.
    const own = await startIsolatedTestApp();
    try {
      const ownStaff = await signIn(own.test, await createStaff(own.test));
      for (let index = 0; index < 3; index++) {
        await request(own.test.http).post('/api/v1/platform/users').auth(ownStaff.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('hidden'), name: 'H', role: 'support_admin' }).expect(201);
      }
      await own.test.app.get(AuditSealerService).sealPending();
      await own.test.app.get(AuditCheckpointService).checkpointAll();
      const ownVerify = async () => (await request(own.test.http).get('/api/v1/platform/audit-log/verify').auth(ownStaff.accessToken, { type: 'bearer' }).expect(200)).body;
      expect((await ownVerify()).ok).toBe(true);

      const [cut] = await own.test.dataSource.query("SELECT chain_index::int AS chain_index, hash FROM audit_seals WHERE chain_key = 'platform' ORDER BY chain_index DESC LIMIT 1 OFFSET 1");
      const [survivor] = await own.test.dataSource.query("SELECT entry_id FROM audit_seals WHERE chain_key = 'platform' AND chain_index = $1", [cut.chain_index + 1]);
      await tamper(own.isolated.ownerUrl, [
        ["DELETE FROM platform_audit_log e USING audit_seals s WHERE s.entry_id = e.id AND s.chain_key = 'platform' AND s.chain_index <= $1", [cut.chain_index]],
        ["DELETE FROM audit_seals WHERE chain_key = 'platform' AND chain_index <= $1", [cut.chain_index]],
        ["INSERT INTO audit_anchors (chain_key, chain_index, hash, removed_entries, reason, created_at) VALUES ('platform', $1, $2, $1, 'retention', now())", [cut.chain_index, cut.hash]],
      ]);
      expect(await ownVerify()).toMatchObject({ ok: false, anchor_index: null, first_broken_id: survivor.entry_id });
    } finally {
      await own.close();
    }
  });

  it('verifies checkpoints of a rotated-out key listed in AUDIT_PREVIOUS_PUBLIC_KEYS, and not without it', async () => {
    const oldKey = generateKeyPairSync('ed25519');
    const newKey = generateKeyPairSync('ed25519');
    const pem = (key: typeof oldKey.privateKey) => key.export({ format: 'pem', type: 'pkcs8' }).toString();
    const before = await startIsolatedTestApp({ AUDIT_SIGNING_KEY: pem(oldKey.privateKey) });
    const urls = { DATABASE_URL: before.isolated.appUrl, MIGRATION_DATABASE_URL: before.isolated.ownerUrl };
    let rotated: TestApp | undefined;
    let forgotten: TestApp | undefined;
    try {
      const beforeStaff = await signIn(before.test, await createStaff(before.test));
      await request(before.test.http).post('/api/v1/platform/users').auth(beforeStaff.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('old-key'), name: 'O', role: 'support_admin' }).expect(201);
      await before.test.app.get(AuditSealerService).sealPending();
      expect(await before.test.app.get(AuditCheckpointService).checkpointAll()).toBe(1);

      rotated = await startTestApp({ ...urls, AUDIT_SIGNING_KEY: pem(newKey.privateKey), AUDIT_PREVIOUS_PUBLIC_KEYS: oldKey.publicKey.export({ format: 'pem', type: 'spki' }).toString() });
      const rotatedStaff = await signIn(rotated, await createStaff(rotated));
      await rotated.app.get(AuditSealerService).sealPending();
      await rotated.app.get(AuditCheckpointService).checkpointAll();
      expect((await request(rotated.http).get('/.well-known/keel-audit-keys.json').expect(200)).body.keys).toHaveLength(2);
      const rotatedVerify = (await request(rotated.http).get('/api/v1/platform/audit-log/verify').auth(rotatedStaff.accessToken, { type: 'bearer' }).expect(200)).body;
      expect(rotatedVerify).toMatchObject({ ok: true, first_broken_checkpoint: null });
      await rotated.close();
      rotated = undefined;

      forgotten = await startTestApp({ ...urls, AUDIT_SIGNING_KEY: pem(newKey.privateKey) });
      const forgottenStaff = await signIn(forgotten, await createStaff(forgotten));
      const forgottenVerify = (await request(forgotten.http).get('/api/v1/platform/audit-log/verify').auth(forgottenStaff.accessToken, { type: 'bearer' }).expect(200)).body;
      expect(forgottenVerify).toMatchObject({ ok: false, first_broken_checkpoint: expect.any(Number) });
    } finally {
      await rotated?.close();
      await forgotten?.close();
      await before.close();
    }
  });
});
