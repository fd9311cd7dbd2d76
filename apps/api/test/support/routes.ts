import type { INestApplication } from '@nestjs/common';
import type { Realm } from '@keel/shared';
import { API_PREFIX, UNPREFIXED_ROUTES } from '../../src/app.factory';
import { listRouteDeclarations, type RouteDeclaration } from '../../src/common/routes/route-declarations';

export const MUTATING_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** A route of the running application as a client calls it. */
export interface ApiRoute extends RouteDeclaration {
  /** The path as called, with its `:param` placeholders: `/api/v1/budgets/:id`. */
  url: string;
  /** `METHOD url`: how tables and messages name the route. */
  key: string;
  /** The realm whose tokens the route takes; a public route counts as the realm of its path. */
  realm: Realm;
  /** The `:param` names, in order. */
  params: string[];
}

/** Every route of the running application (the same enumeration as the boot check and the permission snapshot). */
export function listRoutes(app: INestApplication): ApiRoute[] {
  return listRouteDeclarations(app).map((route) => {
    const unprefixed = UNPREFIXED_ROUTES.includes(route.path.slice(1));
    const url = unprefixed ? route.path : `/${API_PREFIX}${route.path}`;
    const realm: Realm = route.access.startsWith('platform') || (route.access === 'public' && route.path.startsWith('/platform/')) ? 'platform' : 'tenant';
    return { ...route, url, key: `${route.method} ${url}`, realm, params: [...url.matchAll(/:(\w+)/g)].map((match) => match[1]) };
  });
}
