import { REALMS, type Realm } from '@keel/shared';

/** The realm named in a link's query string, or null when it is missing or unknown. */
export function parseRealm(value: string | null): Realm | null {
  return REALMS.find((realm) => realm === value) ?? null;
}
