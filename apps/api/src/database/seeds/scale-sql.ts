import { FIRST_NAMES, LAST_NAMES } from './seed-names';

// SQL fragments the scale seed shares between its phases: users are never read back to build the
// audit log, so their ids, names and e-mails must come out of the same expressions everywhere.

const FIRST = `ARRAY[${FIRST_NAMES.map((name) => `'${name}'`).join(',')}]`;
const LAST = `ARRAY[${LAST_NAMES.map((name) => `'${name}'`).join(',')}]`;
const FIRST_LOWER = FIRST.toLowerCase();
const LAST_LOWER = LAST.toLowerCase();
if (FIRST_NAMES.length !== 64 || LAST_NAMES.length !== 64) throw new Error('The name lists must hold 64 names each');

const firstIndex = (g: string) => `1 + (hashint8extended((${g})::bigint * 2, 0) & 63)`;
const lastIndex = (g: string) => `1 + (hashint8extended((${g})::bigint * 2 + 1, 0) & 63)`;

/**
 * The id of the scale seed's user number `g` (1-based across all orgs), as hyphenated text:
 * random-looking (a hash of g), unique (g itself in the last 14 digits), version-4 shaped.
 */
export function userIdSql(g: string): string {
  const hash = `lpad(to_hex(hashint8extended((${g})::bigint, 0)), 16, '0')`;
  return `((substr(${hash}, 1, 12) || '4' || substr(${hash}, 13, 3) || '82' || lpad(to_hex((${g})::bigint), 14, '0'))::uuid::text)`;
}

/** `first.last.k@slug.example`, k being the user's number within its org. */
export function userEmailSql(g: string, k: string, slug: string): string {
  return `((${FIRST_LOWER})[${firstIndex(g)}] || '.' || (${LAST_LOWER})[${lastIndex(g)}] || '.' || (${k}) || '@' || (${slug}) || '.example')`;
}

export function userNameSql(g: string): string {
  return `((${FIRST})[${firstIndex(g)}] || ' ' || (${LAST})[${lastIndex(g)}])`;
}

/** A JSON string value from a SQL text expression (the seeded values need no escaping: plain ASCII without quotes). */
export function jsonString(expression: string): string {
  return `'"' || (${expression}) || '"'`;
}

/** A JSON string or null. */
export function jsonNullable(expression: string): string {
  return `coalesce('"' || (${expression}) || '"', 'null')`;
}

/** A JSON object with its keys sorted, as the audit hash's canonical form writes it; values are SQL expressions giving JSON text. */
export function jsonObject(fields: Record<string, string>): string {
  const keys = Object.keys(fields).sort();
  if (keys.length === 0) return `'{}'`;
  return keys.map((key, index) => `'${index === 0 ? '{' : ','}"${key}":' || ${fields[key]}`).join(' || ') + ` || '}'`;
}
