import { Client } from 'pg';
import request from 'supertest';
import { AuditCheckpointService } from '../src/modules/audit/audit-checkpoint.service';
import { AuditSealerService } from '../src/modules/audit/audit-sealer.service';
import { AuditRetentionService } from '../src/modules/audit/audit-retention.service';
import { createOrganization, createStaff, createTenantUser, signIn, TEST_PASSWORD, uniqueEmail, uniqueIp } from './support/factories';
import { startIsolatedTestApp, type IsolatedSchema } from './support/isolated-schema';
import { startTestApp, type TestApp } from './support/test-app';

describe('audit logs', () => {
  let test: TestApp;
  let superAdmin: { accessToken: string };
  let superAdminId: string;

  beforeAll(async () => {
    test = await startTestApp();
    const staff = await createStaff(test);
    superAdminId = staff.id;
    superAdmin = await signIn(test, staff);
  });
  afterAll(() => test.close());
  afterEach(() => test.clock.reset());

  const platformLog = (query: Record<string, string | number>, token = superAdmin.accessToken) =>
    request(test.http).get('/api/v1/platform/audit-log').query(query).auth(token, { type: 'bearer' });
  const seal = () => test.app.get(AuditSealerService).sealPending();

  it('records a staff action with actor, target, IP, user agent and request id from the request', async () => {
    const email = uniqueEmail('audited');
    const created = await request(test.http)
      .post('/api/v1/platform/users')
      .auth(superAdmin.accessToken, { type: 'bearer' })
      .set('X-Forwarded-For', '203.0.113.7')
      .set('User-Agent', 'audit-test/1.0')
      .set('X-Request-Id', 'req-audit-1')
      .send({ email, name: 'Audited', role: 'support_admin' })
      .expect(201);

    const { body } = await platformLog({ action: 'platform.user_created', actor_id: superAdminId }).expect(200);
    const entry = body.entries.find((candidate: { target: { id: string } | null }) => candidate.target?.id === created.body.id);
    expect(entry).toMatchObject({
      action: 'platform.user_created',
      actor: { type: 'platform_user', id: superAdminId },
      target: { type: 'platform_user', id: created.body.id, name: email },
      metadata: { role: 'support_admin' },
      ip_address: '203.0.113.7',
      user_agent: 'audit-test/1.0',
      request_id: 'req-audit-1',
      org_id: null,
    });
  });

  it('keeps a failed sign-in in the log although the request was refused', async () => {
    const email = uniqueEmail('intruder');
    await request(test.http).post('/api/v1/platform/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email, password: 'wrong password here' }).expect(401);
    const { body } = await platformLog({ action: 'platform.login_failed' }).expect(200);
    expect(body.entries.some((entry: { actor: { email: string }; metadata: { reason: string } }) => entry.actor.email === email && entry.metadata.reason === 'invalid_credentials')).toBe(true);
  });

  it('writes a tenant sign-in to that org’s own log, which its admins can read and other orgs cannot', async () => {
    const organization = await createOrganization(test);
    const owner = await createTenantUser(test, { orgId: organization.id, role: 'owner' });
    const admin = await createTenantUser(test, { orgId: organization.id, role: 'admin' });
    await request(test.http).post('/api/v1/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: owner.email, password: TEST_PASSWORD }).expect(200);

    const { accessToken } = await signIn(test, admin);
    const { body } = await request(test.http).get('/api/v1/admin/audit-log').auth(accessToken, { type: 'bearer' }).expect(200);
    expect(body.entries.map((entry: { action: string; actor: { id: string } }) => [entry.action, entry.actor.id])).toContainEqual(['user.login', owner.id]);
    expect(body.entries.every((entry: { org_id: string }) => entry.org_id === organization.id)).toBe(true);

    const stranger = await createTenantUser(test, { role: 'owner' });
    const { body: theirs } = await request(test.http).get('/api/v1/admin/audit-log').auth((await signIn(test, stranger)).accessToken, { type: 'bearer' }).expect(200);
    expect(theirs.entries.some((entry: { org_id: string }) => entry.org_id === organization.id)).toBe(false);
  });

  it('shows the platform log to super_admin only and the org log to owners and admins only', async () => {
    const support = await signIn(test, await createStaff(test, { role: 'support_admin' }));
    await platformLog({}, support.accessToken).expect(403);
    await request(test.http).get('/api/v1/platform/audit-log').expect(401);
    for (const role of ['operator', 'viewer'] as const) {
      const member = await signIn(test, await createTenantUser(test, { role }));
      await request(test.http).get('/api/v1/admin/audit-log').auth(member.accessToken, { type: 'bearer' }).expect(403);
    }
    await request(test.http).get('/api/v1/admin/audit-log').auth(superAdmin.accessToken, { type: 'bearer' }).expect(401);
    const tenant = await signIn(test, await createTenantUser(test, { role: 'owner' }));
    await request(test.http).get('/api/v1/platform/audit-log').auth(tenant.accessToken, { type: 'bearer' }).expect(401);
  });

  it('pages by cursor without gaps or overlaps, and rejects bad paging input', async () => {
    const created: string[] = [];
    for (let index = 0; index < 5; index++) {
      const { body } = await request(test.http).post('/api/v1/platform/users').auth(superAdmin.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('page'), name: 'Page', role: 'support_admin' }).expect(201);
      created.push(body.id);
    }
    const filter = { action: 'platform.user_created', actor_id: superAdminId };
    const seen: { seq: number; target: { id: string } }[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = cursor ? { ...filter, limit: 2, cursor } : { ...filter, limit: 2 };
      const page: { body: { entries: typeof seen; pagination: { next_cursor: string | null } } } = await platformLog(query).expect(200);
      expect(page.body.pagination).toMatchObject({ limit: 2, total_estimated: false });
      seen.push(...page.body.entries);
      cursor = page.body.pagination.next_cursor;
    } while (cursor);
    const seqs = seen.map((entry) => entry.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    for (const id of created) expect(seen.filter((entry) => entry.target.id === id)).toHaveLength(1);
    await platformLog({ limit: 201 }).expect(400);
    await platformLog({ cursor: 'not-a-cursor' }).expect(400);
    await platformLog({ from: 'yesterday' }).expect(400);
  });

  it('rolls the change back when its audit entry cannot be written', async () => {
    const owner = new Client({ connectionString: process.env.KEEL_TEST_MIGRATION_DATABASE_URL });
    await owner.connect();
    const marker = `auditfail${Date.now()}`;
    await owner.query(`
      CREATE FUNCTION ${marker}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.target_name LIKE '${marker}%' THEN RAISE EXCEPTION 'audit store unavailable'; END IF; RETURN NEW; END $$`);
    await owner.query(`CREATE TRIGGER ${marker} BEFORE INSERT ON platform_audit_log FOR EACH ROW EXECUTE FUNCTION ${marker}()`);
    try {
      const email = `${marker}@example.test`;
      const response = await request(test.http).post('/api/v1/platform/users').auth(superAdmin.accessToken, { type: 'bearer' }).send({ email, name: 'Never', role: 'support_admin' });
      expect(response.status).toBe(500);
      const users = await test.dataSource.query('SELECT 1 FROM platform_users WHERE email = $1', [email]);
      const mails = await test.dataSource.query('SELECT 1 FROM mail_messages WHERE to_address = $1', [email]);
      expect(users).toHaveLength(0);
      expect(mails).toHaveLength(0);
    } finally {
      await owner.query(`DROP TRIGGER ${marker} ON platform_audit_log`);
      await owner.query(`DROP FUNCTION ${marker}()`);
      await owner.end();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows to the application role, and to the owner through the trigger', async () => {
    await request(test.http).post('/api/v1/platform/users').auth(superAdmin.accessToken, { type: 'bearer' }).send({ email: uniqueEmail(), name: 'X', role: 'support_admin' }).expect(201);
    await seal(); // so that audit_seals has rows for the triggers to refuse
    const app = new Client({ connectionString: process.env.KEEL_TEST_DATABASE_URL });
    const owner = new Client({ connectionString: process.env.KEEL_TEST_MIGRATION_DATABASE_URL });
    await app.connect();
    await owner.connect();
    try {
      for (const [table, column] of [['platform_audit_log', 'action'], ['audit_log', 'action'], ['audit_seals', 'hash']]) {
        await expect(app.query(`UPDATE ${table} SET ${column} = ${column}`)).rejects.toThrow(/permission denied/);
        await expect(app.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
        await expect(app.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
        await expect(owner.query(`UPDATE ${table} SET ${column} = ${column}`)).rejects.toThrow(/immutable/);
        await expect(owner.query(`DELETE FROM ${table}`)).rejects.toThrow(/immutable/);
        await expect(owner.query(`TRUNCATE ${table}`)).rejects.toThrow(/immutable/);
      }
      await expect(app.query(`INSERT INTO audit_anchors (chain_key, chain_index, hash, removed_entries, reason, created_at) VALUES ('x', 1, repeat('0', 64), 0, 'forged', now())`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
      await owner.end();
    }
  });

  it('verifies an org chain, then names the entry an owner-level attacker altered', async () => {
    const organization = await createOrganization(test);
    const owner = await createTenantUser(test, { orgId: organization.id, role: 'owner' });
    for (let attempt = 0; attempt < 3; attempt++) {
      await request(test.http).post('/api/v1/auth/login').set('X-Forwarded-For', uniqueIp()).send({ email: owner.email, password: TEST_PASSWORD }).expect(200);
    }
    await seal();
    const { accessToken } = await signIn(test, owner);
    const verify = () => request(test.http).get('/api/v1/admin/audit-log/verify').auth(accessToken, { type: 'bearer' }).expect(200);
    expect((await verify()).body).toEqual({ ok: true, checked: 3, unsealed: 0, first_broken_id: null, anchor_index: null, signed_through: null, first_broken_checkpoint: null });

    const [victim] = await test.dataSource.query('SELECT id FROM audit_log WHERE org_id = $1 ORDER BY seq LIMIT 1 OFFSET 1', [organization.id]);
    const attacker = new Client({ connectionString: process.env.KEEL_TEST_MIGRATION_DATABASE_URL });
    await attacker.connect();
    try {
      await attacker.query('BEGIN');
      await attacker.query('ALTER TABLE audit_log DISABLE TRIGGER "TRG_audit_log_immutable"');
      await attacker.query(`UPDATE audit_log SET ip_address = '198.51.100.66' WHERE id = $1`, [victim.id]);
      await attacker.query('ALTER TABLE audit_log ENABLE TRIGGER "TRG_audit_log_immutable"');
      await attacker.query('COMMIT');
    } finally {
      await attacker.end();
    }
    expect((await verify()).body).toMatchObject({ ok: false, first_broken_id: victim.id });
  });

  describe('on a database of its own', () => {
    let isolatedApp: Awaited<ReturnType<typeof startIsolatedTestApp>>;
    let isolated: IsolatedSchema;
    let own: TestApp;

    beforeAll(async () => {
      isolatedApp = await startIsolatedTestApp();
      ({ test: own, isolated } = isolatedApp);
    });
    afterAll(() => isolatedApp.close());

    it('keeps both chains intact under 16 concurrent writers, without serialising them on a chain lock', async () => {
      const staff = await signIn(own, await createStaff(own));
      const organization = await createOrganization(own);
      const member = await signIn(own, await createTenantUser(own, { orgId: organization.id, role: 'owner' }));
      await Promise.all(
        Array.from({ length: 16 }, (_, index) =>
          index % 2 === 0
            ? request(own.http).post('/api/v1/platform/users').auth(staff.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('concurrent'), name: 'C', role: 'support_admin' }).expect(201)
            : request(own.http).post('/api/v1/auth/password').auth(member.accessToken, { type: 'bearer' }).send({ current_password: 'wrong wrong wrong', new_password: 'whatever long password' }).expect(400),
        ),
      );
      await own.app.get(AuditSealerService).sealPending();
      const { body } = await request(own.http).get('/api/v1/platform/audit-log/verify').auth(staff.accessToken, { type: 'bearer' }).expect(200);
      expect(body).toMatchObject({ ok: true, checked: 8, unsealed: 0, first_broken_id: null });
    });

    it('seals an entry whose transaction commits late, after later entries were sealed, and the chain still verifies', async () => {
      const staff = await signIn(own, await createStaff(own));
      const sealer = own.app.get(AuditSealerService);
      const slow = new Client({ connectionString: isolated.appUrl });
      await slow.connect();
      try {
        await slow.query('BEGIN');
        await slow.query("INSERT INTO platform_audit_log (action, created_at, actor_type) VALUES ('platform.late_commit', now(), 'system')");
        await request(own.http).post('/api/v1/platform/users').auth(staff.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('early'), name: 'E', role: 'support_admin' }).expect(201);
        await sealer.sealPending();
        await slow.query('COMMIT');
      } finally {
        await slow.end();
      }
      const verify = () => request(own.http).get('/api/v1/platform/audit-log/verify').auth(staff.accessToken, { type: 'bearer' }).expect(200);
      expect((await verify()).body).toMatchObject({ ok: true, unsealed: 1 });
      await sealer.sealPending();
      expect((await verify()).body).toMatchObject({ ok: true, unsealed: 0, first_broken_id: null });
      const [late] = await own.dataSource.query("SELECT count(*)::int AS count FROM audit_seals s JOIN platform_audit_log e ON e.id = s.entry_id WHERE e.action = 'platform.late_commit'");
      expect(late.count).toBe(1);
    });

    it('still verifies after retention removed the old part of the chain, leaving an anchor', async () => {
      const staff = await signIn(own, await createStaff(own));
      const create = () => request(own.http).post('/api/v1/platform/users').auth(staff.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('old'), name: 'O', role: 'support_admin' }).expect(201);
      await create();
      await create();
      await own.app.get(AuditSealerService).sealPending();
      await own.app.get(AuditCheckpointService).checkpointAll(); // retention removes only what a signed checkpoint covers
      own.clock.advance(400 * 86_400_000);
      const staffLater = await signIn(own, await createStaff(own));
      await request(own.http).post('/api/v1/platform/users').auth(staffLater.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('new'), name: 'N', role: 'support_admin' }).expect(201);
      await own.app.get(AuditSealerService).sealPending();

      const removed = await own.app.get(AuditRetentionService).applyRetention();
      expect(removed).toBeGreaterThanOrEqual(2);
      const anchors = await own.dataSource.query("SELECT reason FROM audit_anchors WHERE chain_key = 'platform'");
      expect(anchors).toContainEqual({ reason: 'retention' });
      const { body } = await request(own.http).get('/api/v1/platform/audit-log/verify').auth(staffLater.accessToken, { type: 'bearer' }).expect(200);
      expect(body).toMatchObject({ ok: true, unsealed: 0, first_broken_id: null });
      expect(body.checked).toBeGreaterThanOrEqual(1);
      own.clock.reset();
    });

    it('detects a deleted platform entry', async () => {
      const staff = await signIn(own, await createStaff(own));
      await request(own.http).post('/api/v1/platform/users').auth(staff.accessToken, { type: 'bearer' }).send({ email: uniqueEmail('gone'), name: 'G', role: 'support_admin' }).expect(201);
      await own.app.get(AuditSealerService).sealPending();
      const [victim] = await own.dataSource.query('SELECT id FROM platform_audit_log ORDER BY seq DESC LIMIT 1');
      const attacker = new Client({ connectionString: isolated.ownerUrl });
      await attacker.connect();
      try {
        await attacker.query('ALTER TABLE platform_audit_log DISABLE TRIGGER "TRG_platform_audit_log_immutable"');
        await attacker.query('DELETE FROM platform_audit_log WHERE id = $1', [victim.id]);
        await attacker.query('ALTER TABLE platform_audit_log ENABLE TRIGGER "TRG_platform_audit_log_immutable"');
      } finally {
        await attacker.end();
      }
      const { body } = await request(own.http).get('/api/v1/platform/audit-log/verify').auth(staff.accessToken, { type: 'bearer' }).expect(200);
      expect(body).toMatchObject({ ok: false, first_broken_id: victim.id });
    });
  });
});
