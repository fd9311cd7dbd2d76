import { ClockService } from '../../common/clock/clock.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import type { AppConfig } from '../../config/app-config';
import { SessionCheckCache } from './session-check-cache';

const principal: Principal = { realm: 'tenant', accountId: 'user-1', sessionId: 'session-1', email: 'ada@example.com', role: 'owner', orgId: 'org-1', mfaVerifiedAt: null };

describe('SessionCheckCache', () => {
  let clock: ClockService;
  let checks: number;
  const check = (validForMilliseconds = 60_000) => async () => {
    checks += 1;
    return { principal, validUntil: clock.nowMilliseconds() + validForMilliseconds };
  };
  const cacheFor = (milliseconds: number) => new SessionCheckCache({ sessionCheckCacheMilliseconds: milliseconds } as AppConfig, clock);

  beforeEach(() => {
    // Real time stands still (fake timers freeze Date.now), so that only clock.advance() moves it.
    jest.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z') });
    clock = new ClockService();
    checks = 0;
  });
  afterEach(() => jest.useRealTimers());

  it('checks a session once for a burst of requests within the window, then again after it', async () => {
    const cache = cacheFor(1000);
    await cache.remember('s1', check());
    await cache.remember('s1', check());
    clock.advance(999);
    await cache.remember('s1', check());
    expect(checks).toBe(1);
    clock.advance(1);
    await cache.remember('s1', check());
    expect(checks).toBe(2);
  });

  it('checks again at once when the session itself has ended meanwhile', async () => {
    const cache = cacheFor(1000);
    await cache.remember('s1', check(100));
    clock.advance(100);
    await cache.remember('s1', check());
    expect(checks).toBe(2);
  });

  it('forgets everything on clear(), and keeps nothing when switched off', async () => {
    const cache = cacheFor(1000);
    await cache.remember('s1', check());
    cache.clear();
    await cache.remember('s1', check());
    expect(checks).toBe(2);
    const off = cacheFor(0);
    await off.remember('s1', check());
    await off.remember('s1', check());
    expect(checks).toBe(4);
  });

  it('never caches a refusal', async () => {
    const cache = cacheFor(1000);
    const refuse = async () => {
      checks += 1;
      throw new Error('The session has ended');
    };
    await expect(cache.remember('s1', refuse)).rejects.toThrow('ended');
    await expect(cache.remember('s1', refuse)).rejects.toThrow('ended');
    expect(checks).toBe(2);
  });

  it('hands each caller its own copy of the principal', async () => {
    const cache = cacheFor(1000);
    const first = await cache.remember('s1', check());
    first.role = 'viewer';
    expect((await cache.remember('s1', check())).role).toBe('owner');
  });
});
