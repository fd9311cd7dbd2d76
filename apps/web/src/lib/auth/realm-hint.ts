import { REALMS, type Realm } from '@keel/shared';

// Not a secret: only which realm's refresh cookie may be alive, so that a page load knows which
// refresh to try (and tries none for a visitor who never signed in, or who signed out).
const STORAGE_KEY = 'keel.session-realm';

export const realmHint = {
  read(): Realm | null {
    try {
      const value = window.localStorage.getItem(STORAGE_KEY);
      return REALMS.find((realm) => realm === value) ?? null;
    } catch {
      return null; // storage disabled: the person simply signs in again after a reload
    }
  },
  remember(realm: Realm): void {
    try {
      window.localStorage.setItem(STORAGE_KEY, realm);
    } catch {
      // see read()
    }
  },
  forget(): void {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // see read()
    }
  },
};
