import { Client } from 'pg';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AuditSealerService } from '../src/modules/audit/audit-sealer.service';
import { AuditVerifierService } from '../src/modules/audit/audit-verifier.service';
import { ReadSummaryService } from '../src/modules/audit/read-summary.service';
import { createOrganization, createStaff, createTenantUser, signIn } from './support/factories';
import { startIsolatedTestApp, type IsolatedSchema } from './support/isolated-schema';
import type { TestApp } from './support/test-app';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A garbage collection on demand, without starting Node with --expose-gc.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// Runs last in this file: nothing seals or verifies after these rows are written.
const EXPORTED_ROWS = 40_000;

describe('audit export, read summaries and scheduled verification (on a database of their own)', () => {
  let isolatedApp: Awaited<ReturnType<typeof startIsolatedTestApp>>;
  let isolated: IsolatedSchema;
  let test: TestApp;

  beforeAll(async () => {
    isolatedApp = await startIsolatedTestApp();
    ({ test, isolated } = isolatedApp);
  });
  afterAll(() => isolatedApp.close());

  it('summarises a staff member’s reads per session instead of logging each one', async () => {
    const staff = await createStaff(test);
    const session = await signIn(test, staff);
    for (let index = 0; index < 3; index++) await request(test.http).get('/api/v1/platform/users').auth(session.accessToken, { type: 'bearer' }).expect(200);
    await request(test.http).get('/api/v1/platform/audit-log/verify').auth(session.accessToken, { type: 'bearer' }).expect(200);
    const before = await test.dataSource.query("SELECT count(*)::int AS count FROM platform_audit_log WHERE actor_id = $1", [staff.id]);
    expect(before[0].count).toBe(0);

    await test.app.get(ReadSummaryService).flush();
    const { body } = await request(test.http).get('/api/v1/platform/audit-log').query({ action: 'platform.read_summary', actor_id: staff.id }).auth(session.accessToken, { type: 'bearer' }).expect(200);
    expect(body.entries).toHaveLength(1);
    expect(body.entries[0]).toMatchObject({
      target: { type: 'session', id: session.sessionId },
      metadata: { requests: 4, endpoints: { 'GET /api/v1/platform/users': 3, 'GET /api/v1/platform/audit-log/verify': 1 } },
    });
  });

  it('raises the broken-chain metric when the scheduled verification finds tampering', async () => {
    const staff = await signIn(test, await createStaff(test));
    await request(test.http).post('/api/v1/platform/users').auth(staff.accessToken, { type: 'bearer' }).send({ email: `metric-${Date.now()}@example.test`, name: 'M', role: 'support_admin' }).expect(201);
    await test.app.get(AuditSealerService).sealPending();
    const verifier = test.app.get(AuditVerifierService);
    expect(await verifier.verifyAll()).toBe(0);
    expect((await request(test.http).get('/metrics').expect(200)).text).toMatch(/^keel_audit_chains_broken 0$/m);

    const attacker = new Client({ connectionString: isolated.ownerUrl });
    await attacker.connect();
    try {
      await attacker.query('ALTER TABLE platform_audit_log DISABLE TRIGGER "TRG_platform_audit_log_immutable"');
      await attacker.query("UPDATE platform_audit_log SET action = 'platform.user_disabled' WHERE seq = (SELECT max(seq) FROM platform_audit_log WHERE action = 'platform.user_created')");
      await attacker.query('ALTER TABLE platform_audit_log ENABLE TRIGGER "TRG_platform_audit_log_immutable"');
    } finally {
      await attacker.end();
    }
    expect(await verifier.verifyAll()).toBe(1);
    expect((await request(test.http).get('/metrics').expect(200)).text).toMatch(/^keel_audit_chains_broken 1$/m);
  });

  it('streams a large filtered CSV export with flat memory, and audits the export', async () => {
    const organization = await createOrganization(test);
    const owner = await signIn(test, await createTenantUser(test, { orgId: organization.id, role: 'owner' }));
    await test.dataSource.query(
      `INSERT INTO audit_log (action, created_at, actor_type, org_id, metadata)
       SELECT CASE WHEN g % 2 = 0 THEN 'budget.updated' ELSE 'budget.created' END, now(), 'user', $1, jsonb_build_object('n', g, 'note', repeat('x', 3000))
         FROM generate_series(1, ${EXPORTED_ROWS * 2}) g`,
      [organization.id],
    );

    const server = test.http.listen(0);
    const { port } = server.address() as AddressInfo;
    // Live memory, not garbage: how much the heap holds after a collection, sampled while the export runs.
    // (Uncollected garbage depends on the machine's load, which would make the test flaky.)
    const liveHeap = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const baseline = liveHeap();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, liveHeap())), 1_000);
    const { bytes, lines, header } = await new Promise<{ bytes: number; lines: number; header: string }>((resolve, reject) => {
      http
        .get({ port, path: '/api/v1/admin/audit-log?format=csv&action=budget.updated', headers: { authorization: `Bearer ${owner.accessToken}` } }, (response) => {
          expect(response.statusCode).toBe(200);
          expect(response.headers['content-type']).toContain('text/csv');
          let count = 0;
          let newlines = 0;
          let first = '';
          response.on('data', (chunk: Buffer) => {
            if (!first) first = chunk.toString('utf8').split('\n')[0];
            count += chunk.length;
            for (const byte of chunk) if (byte === 10) newlines += 1;
          });
          response.on('end', () => resolve({ bytes: count, lines: newlines, header: first }));
          response.on('error', reject);
        })
        .on('error', reject);
    });
    clearInterval(sampler);

    expect(header).toBe('id,seq,created_at,action,actor_type,actor_id,actor_email,target_type,target_id,target_name,org_id,impersonation_id,ip_address,user_agent,request_id,metadata,chain_key,chain_index,chain_prev_hash,chain_hash,checkpoint');
    expect(lines).toBe(EXPORTED_ROWS + 1);
    expect(bytes).toBeGreaterThan(110 * 1024 * 1024);
    // The export is over 110 MiB; what the heap holds at any moment never grows by more than a part of it.
    expect(peak - baseline).toBeLessThan(64 * 1024 * 1024);

    const { body } = await request(test.http).get('/api/v1/admin/audit-log').query({ action: 'audit.exported' }).auth(owner.accessToken, { type: 'bearer' }).expect(200);
    expect(body.entries[0]).toMatchObject({ action: 'audit.exported', metadata: { filters: { action: 'budget.updated' } } });
    // Counting 300,000 rows is not done per request: beyond 10,000 the total is the planner's estimate.
    const { body: page } = await request(test.http).get('/api/v1/admin/audit-log').auth(owner.accessToken, { type: 'bearer' }).expect(200);
    expect(page.pagination.total_estimated).toBe(true);
    expect(page.pagination.total).toBeGreaterThan(10_000);
    // Slow on purpose: over 110 MiB through a real socket, with a full garbage collection every second.
  }, 180_000);
});
