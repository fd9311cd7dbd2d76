import { createHash, createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/** What a checkpoint signs: chain `chain_key` had `hash` at `chain_index`, `entry_count` entries after its previous checkpoint. */
export interface CheckpointStatement {
  chain_key: string;
  chain_index: string;
  hash: string;
  entry_count: string;
  /** ISO 8601, as written in the checkpoint. */
  created_at: string;
  key_id: string;
}

/** The public keys that verify checkpoints, as published at /.well-known/keel-audit-keys.json (a JWK Set). */
export interface AuditKeySet {
  keys: (JsonWebKey & { kid: string })[];
}

// A fixed field order and a version tag: the bytes signed are the same wherever they are recomputed.
function canonicalStatement(statement: CheckpointStatement): Buffer {
  return Buffer.from(
    JSON.stringify(['keel-audit-checkpoint-v1', statement.chain_key, statement.chain_index, statement.hash, statement.entry_count, statement.created_at, statement.key_id]),
  );
}

/** Ed25519 signature (base64) of the statement. */
export function signCheckpoint(statement: CheckpointStatement, privateKey: KeyObject): string {
  return sign(null, canonicalStatement(statement), privateKey).toString('base64');
}

/** Whether `signature` is the statement signed by the key of `statement.key_id` in `keys`. */
export function checkpointSignatureHolds(statement: CheckpointStatement, signature: string, keys: ReadonlyMap<string, KeyObject>): boolean {
  const key = keys.get(statement.key_id);
  if (!key) return false;
  try {
    return verify(null, canonicalStatement(statement), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

// RFC 7638 JWK thumbprint: a stable key id derived from the public key, so a key keeps its id when it is rotated out.
export function auditKeyId(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  return createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest('base64url');
}

export function toAuditKeySet(keys: ReadonlyMap<string, KeyObject>): AuditKeySet {
  return { keys: [...keys].map(([kid, key]) => ({ ...key.export({ format: 'jwk' }), kid, use: 'sig', alg: 'EdDSA' })) };
}

/** The verifying keys of a published key set, by key id; a key whose id does not match its thumbprint is left out. */
export function fromAuditKeySet(keySet: AuditKeySet): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const jwk of keySet.keys ?? []) {
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    if (key.asymmetricKeyType === 'ed25519' && auditKeyId(key) === jwk.kid) keys.set(jwk.kid, key);
  }
  return keys;
}
