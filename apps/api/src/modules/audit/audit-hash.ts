import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** Selects the fields of HashableEntry from an audit table (optionally aliased). */
export function hashableColumns(alias = ''): string {
  const prefix = alias ? `${alias}.` : '';
  return ['id', 'seq::text AS seq', 'action', 'created_at', 'actor_type', 'actor_id', 'actor_email', 'target_type', 'target_id', 'target_name', 'org_id', 'impersonation_id', 'metadata', 'ip_address', 'user_agent', 'request_id']
    .map((column) => prefix + column)
    .join(', ');
}

/** The fields a seal covers, as read back from the database. */
export interface HashableEntry {
  id: string;
  seq: string;
  action: string;
  created_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_email: string | null;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  org_id: string | null;
  impersonation_id: string | null;
  metadata: unknown;
  ip_address: string | null;
  user_agent: string | null;
  request_id: string | null;
}

/** `hash = sha256(prev_hash ‖ entry)`, with the entry in a canonical form (fixed field order, sorted object keys). */
export function chainHash(previousHash: string, entry: HashableEntry): string {
  const canonical = JSON.stringify([
    entry.id,
    String(entry.seq),
    entry.action,
    entry.created_at.toISOString(),
    entry.actor_type,
    entry.actor_id,
    entry.actor_email,
    entry.target_type,
    entry.target_id,
    entry.target_name,
    entry.org_id,
    entry.impersonation_id,
    canonicalize(entry.metadata),
    entry.ip_address,
    entry.user_agent,
    entry.request_id,
  ]);
  return createHash('sha256').update(previousHash).update('\n').update(canonical).digest('hex');
}

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonicalize((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
