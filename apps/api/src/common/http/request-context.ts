import type { Request } from 'express';

export interface RequestContext {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string;
}

/** The client IP honours X-Forwarded-For only when TRUST_PROXY is set (express "trust proxy"). */
export function requestContext(request: Request): RequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    ipAddress: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
    requestId: String(request.id ?? ''),
  };
}

/** Where a job or other background work acts from: no client, no request. */
export const SYSTEM_CONTEXT: RequestContext = { ipAddress: null, userAgent: null, requestId: '' };
