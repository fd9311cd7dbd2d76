import type { AuditActorDto } from '@keel/api-client';
import type { AuditLogKind } from './audit-filters';

const ACTOR_TYPE_LABELS: Record<AuditActorDto['type'], string> = {
  platform_user: 'Platform staff',
  user: 'User',
  platform_admin_impersonating: 'Staff in a support session',
  api_key: 'API key',
  system: 'System',
};

export function actorTypeLabel(actor: AuditActorDto): string {
  return ACTOR_TYPE_LABELS[actor.type];
}

/** Who did it, in one line: their e-mail, else their id, else what kind of actor it was. */
export function actorName(actor: AuditActorDto): string {
  return actor.email ?? actor.id ?? ACTOR_TYPE_LABELS[actor.type];
}

/** In an org's log, anything not done by one of the org's own users was done by the platform's staff (SPEC §7). */
export function isPlatformSupportEntry(log: AuditLogKind, actor: AuditActorDto): boolean {
  return log === 'org' && actor.type !== 'user';
}
