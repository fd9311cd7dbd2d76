import { chainHash, GENESIS_HASH, type HashableEntry } from './audit-hash';

const entry: HashableEntry = {
  id: '7d1f6c1e-4f8e-4a55-9d7a-2f5f4d6b8a10',
  seq: '42',
  action: 'platform.org_disabled',
  created_at: new Date('2026-12-01T10:00:00.000Z'),
  actor_type: 'platform_user',
  actor_id: '0b5d2a1c-9e8f-4c3b-a2d1-e0f9a8b7c6d5',
  actor_email: 'ops@keel.test',
  target_type: 'organization',
  target_id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
  target_name: 'Acme',
  org_id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
  impersonation_id: null,
  metadata: { reason: 'unpaid invoices', nested: { b: 2, a: 1 } },
  ip_address: '203.0.113.9',
  user_agent: 'curl/8',
  request_id: 'req-1',
};

describe('chainHash', () => {
  it('is a SHA-256 hex digest that depends on the previous hash', () => {
    const first = chainHash(GENESIS_HASH, entry);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(first, entry)).not.toBe(first);
  });

  it('does not depend on the order of metadata keys (jsonb reorders them)', () => {
    const reordered = { ...entry, metadata: { nested: { a: 1, b: 2 }, reason: 'unpaid invoices' } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, entry));
  });

  it.each([
    ['action', { action: 'platform.org_enabled' }],
    ['actor', { actor_id: null }],
    ['time', { created_at: new Date('2026-12-01T10:00:00.001Z') }],
    ['metadata', { metadata: { reason: 'paid after all', nested: { a: 1, b: 2 } } }],
    ['ip address', { ip_address: '198.51.100.1' }],
  ])('changes when the %s changes', (_field, change) => {
    expect(chainHash(GENESIS_HASH, { ...entry, ...change })).not.toBe(chainHash(GENESIS_HASH, entry));
  });
});
