// Literals that the API and the web console must agree on.

export const PLATFORM_ROLES = ['super_admin', 'support_admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const TENANT_ROLES = ['owner', 'admin', 'operator', 'viewer'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export const REALMS = ['platform', 'tenant'] as const;
export type Realm = (typeof REALMS)[number];

export const ORG_STATUSES = ['pending', 'active', 'suspended', 'rejected', 'pending_deletion', 'deleting'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const ORG_PLANS = ['free', 'pro', 'enterprise'] as const;
export type OrgPlan = (typeof ORG_PLANS)[number];

/** Header every call that relies on the refresh cookie must carry (CSRF defence). */
export const CSRF_HEADER = 'X-Keel-CSRF';
export const REFRESH_COOKIE = 'keel_refresh';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export { signWebhookPayload, verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';
