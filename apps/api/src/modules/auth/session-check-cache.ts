import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ClockService } from '../../common/clock/clock.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import { AppConfig } from '../../config/app-config';

const MAX_ENTRIES = 50_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CheckedSession {
  principal: Principal;
  /** When the session (or support session) ends by itself, in milliseconds of the clock. */
  validUntil: number;
}

/**
 * The session checks of the last moment (SESSION_CHECK_CACHE_MILLISECONDS, 1 s by default), per
 * session: a burst of requests costs one query. Any change made through this replica empties it at
 * once, so revocations, sign-outs, suspensions and role changes apply here to the next request;
 * another replica sees them when its entry ages out, within that second.
 */
@Injectable()
export class SessionCheckCache {
  private entries = new Map<string, CheckedSession & { checkedAt: number }>();

  constructor(private readonly config: AppConfig, private readonly clock: ClockService) {}

  async remember(key: string, check: () => Promise<CheckedSession>): Promise<Principal> {
    const now = this.clock.nowMilliseconds();
    const cached = this.entries.get(key);
    if (cached && now - cached.checkedAt < this.config.sessionCheckCacheMilliseconds && now < cached.validUntil) return { ...cached.principal };
    const checked = await check();
    if (this.config.sessionCheckCacheMilliseconds > 0) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { ...checked, checkedAt: now });
    }
    return { ...checked.principal };
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Empties the cache around every request that may change something, so that its effect is seen by the next request. */
@Injectable()
export class SessionCheckCacheMiddleware implements NestMiddleware {
  constructor(private readonly cache: SessionCheckCache) {}

  use(request: Request, response: Response, next: NextFunction): void {
    if (!SAFE_METHODS.has(request.method)) {
      this.cache.clear();
      response.once('finish', () => this.cache.clear());
      response.once('close', () => this.cache.clear());
    }
    next();
  }
}
