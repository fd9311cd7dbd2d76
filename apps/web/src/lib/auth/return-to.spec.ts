import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('goes back to a page of the console of the realm that signs in, query included', () => {
    expect(safeReturnTo('/platform/audit-log?action=platform.login', 'platform')).toBe('/platform/audit-log?action=platform.login');
    expect(safeReturnTo('/support', 'platform')).toBe('/support');
    expect(safeReturnTo('/app/audit-log', 'tenant')).toBe('/app/audit-log');
  });

  it('refuses other sites, however the address is dressed up (no open redirect)', () => {
    for (const address of ['https://evil.example/app', '//evil.example/app', '/\\evil.example/app', 'javascript:alert(1)']) {
      expect(safeReturnTo(address, 'tenant')).toBeNull();
    }
  });

  it('refuses the other realm’s pages and the sign-in pages themselves', () => {
    expect(safeReturnTo('/app', 'platform')).toBeNull();
    expect(safeReturnTo('/platform/audit-log', 'tenant')).toBeNull();
    expect(safeReturnTo('/platform/login', 'platform')).toBeNull();
    expect(safeReturnTo('/', 'platform')).toBeNull();
  });
});
