import type { Realm } from '@keel/shared';
import { realmOfConsolePath } from '../paths';

/**
 * The `returnTo` of a sign-in link, if it is safe to go back to: a path of this site (never
 * `//evil.example` or a full URL — no open redirect) inside the console of the realm signing in.
 */
export function safeReturnTo(value: string | null, realm: Realm): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  return realmOfConsolePath(value) === realm ? value : null;
}
