import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { auditKeyId, checkpointSignatureHolds, fromAuditKeySet, signCheckpoint, toAuditKeySet, type CheckpointStatement } from './audit-checkpoint';

const signing = generateKeyPairSync('ed25519');
const keyId = auditKeyId(signing.publicKey);
const keys = new Map([[keyId, signing.publicKey]]);
const statement: CheckpointStatement = { chain_key: 'platform', chain_index: '42', hash: 'a'.repeat(64), entry_count: '7', created_at: '2026-12-01T10:07:00.000Z', key_id: keyId };

describe('checkpoint signatures', () => {
  it('verify the statement they were made over', () => {
    expect(checkpointSignatureHolds(statement, signCheckpoint(statement, signing.privateKey), keys)).toBe(true);
  });

  it.each(['chain_key', 'chain_index', 'hash', 'entry_count', 'created_at'] as const)('fail when %s differs from what was signed', (field) => {
    const signature = signCheckpoint(statement, signing.privateKey);
    expect(checkpointSignatureHolds({ ...statement, [field]: field === 'hash' ? 'b'.repeat(64) : `${statement[field]}0` }, signature, keys)).toBe(false);
  });

  it('fail for a key id that is not among the keys, and for a signature that is not base64 of one', () => {
    const other = generateKeyPairSync('ed25519');
    const foreign = { ...statement, key_id: auditKeyId(other.publicKey) };
    expect(checkpointSignatureHolds(foreign, signCheckpoint(foreign, other.privateKey), keys)).toBe(false);
    expect(checkpointSignatureHolds(statement, 'not a signature', keys)).toBe(false);
  });

  it('round-trip through the published key set, which drops a key whose id is not its thumbprint', () => {
    const published = toAuditKeySet(keys);
    expect(published.keys[0]).not.toHaveProperty('d');
    expect([...fromAuditKeySet(published).keys()]).toEqual([keyId]);
    const mislabelled = { keys: [{ ...published.keys[0], kid: auditKeyId(createPublicKey(generateKeyPairSync('ed25519').privateKey)) }] };
    expect(fromAuditKeySet(mislabelled).size).toBe(0);
  });
});
