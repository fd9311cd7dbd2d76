import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ACCESS_RULE, IS_PUBLIC, NO_API_KEYS, NO_IDEMPOTENCY, SUPPORT_SESSION_ACCESS, type AccessRule, type SupportSessionAccess } from '../decorators/access.decorator';
import { AUDIT_ACTION, AUDIT_OPT_OUT } from '../decorators/audit.decorator';

export interface RouteDeclaration {
  method: string;
  path: string;
  handler: string;
  access: 'public' | `${AccessRule['realm']}: ${string}` | 'none';
  audit: string | null;
  auditOptOut: string | null;
  /** What a support session may do here (tenant routes only): read, change with `read_write`, or nothing. */
  supportSession: 'read' | SupportSessionAccess | 'never' | null;
  /** Closed to integrators' API keys (SPEC §11). */
  noApiKeys: boolean;
  /** A POST that refuses Idempotency-Key (SPEC §11). */
  noIdempotency: boolean;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every route with who may call it and what it audits: the source of the boot check and the permission snapshot. */
export function listRouteDeclarations(app: INestApplication): RouteDeclaration[] {
  const reflector = app.get(Reflector);
  const routes: RouteDeclaration[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller) continue;
    const basePath = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (requestMethod === undefined) continue;
      const targets = [handler, controller];
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
      const path = [basePath, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter(Boolean).join('/');
      routes.push({
        method: RequestMethod[requestMethod],
        path: `/${path}`.replace(/\/+/g, '/').replace(/\/$/, '') || '/',
        handler: `${controller.name}.${name}`,
        access: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ? 'public' : rule ? `${rule.realm}: ${rule.roles.join(', ')}` : 'none',
        audit: reflector.getAllAndOverride<string>(AUDIT_ACTION, targets) ?? null,
        auditOptOut: reflector.getAllAndOverride<string>(AUDIT_OPT_OUT, targets) ?? null,
        noApiKeys: reflector.getAllAndOverride<boolean>(NO_API_KEYS, targets) ?? false,
        noIdempotency: reflector.getAllAndOverride<boolean>(NO_IDEMPOTENCY, targets) ?? false,
        supportSession: rule?.realm === 'tenant' ? supportSessionOf(RequestMethod[requestMethod], reflector.getAllAndOverride<SupportSessionAccess>(SUPPORT_SESSION_ACCESS, targets)) : null,
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function supportSessionOf(method: string, access: SupportSessionAccess | undefined): RouteDeclaration['supportSession'] {
  if (access) return access;
  return method === 'GET' || method === 'HEAD' ? 'read' : 'never';
}

/** Refuses to start when a route admits nobody by mistake or a mutating route does not say what it audits. */
export function assertRoutesAreDeclared(app: INestApplication): void {
  const problems = listRouteDeclarations(app).flatMap((route) => {
    const found: string[] = [];
    if (route.access === 'none') found.push(`${route.method} ${route.path} (${route.handler}) has neither @Public() nor a realm access decorator`);
    if (MUTATING.has(route.method) && !route.audit && !route.auditOptOut) found.push(`${route.method} ${route.path} (${route.handler}) lacks @Audit(...) or @NoAudit(reason)`);
    return found;
  });
  if (problems.length > 0) throw new Error(`Undeclared routes:\n${problems.join('\n')}`);
}
