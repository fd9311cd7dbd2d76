import type { WebhookPayloadFormat } from './webhook.entities';

export const OCSF_VERSION = '1.3.0';
const API_ACTIVITY = { class_uid: 6003, class_name: 'API Activity', category_uid: 6, category_name: 'Application Activity' } as const;

type ActivityId = 1 | 2 | 3 | 4 | 99;
const ACTIVITY_NAMES: Record<ActivityId, string> = { 1: 'Create', 2: 'Read', 3: 'Update', 4: 'Delete', 99: 'Other' };

// The verb is the action's last word (`org.plan_changed` → changed, `platform.org_created` → created).
const CREATE_VERBS = ['created', 'invited', 'started', 'requested', 'signup', 'submitted'];
const READ_VERBS = ['read', 'viewed', 'exported', 'searched', 'summary', 'listed'];
const DELETE_VERBS = ['deleted', 'removed', 'revoked', 'purged', 'ended', 'rejected'];
const FAILURE_VERBS = ['failed', 'blocked', 'refused', 'denied'];

// OCSF user type_id: 1 User, 2 Admin, 3 System, 99 Other.
const USER_TYPES: Record<string, { type_id: 1 | 2 | 3 | 99; type: string }> = {
  user: { type_id: 1, type: 'User' },
  platform_user: { type_id: 2, type: 'Admin' },
  platform_admin_impersonating: { type_id: 2, type: 'Admin' },
  api_key: { type_id: 99, type: 'API key' },
  system: { type_id: 3, type: 'System' },
};

interface EntryShape {
  id: string;
  log: 'platform' | 'org';
  action: string;
  created_at: string;
  actor: { type: string; id: string | null; email: string | null };
  target: { type: string; id: string; name: string | null } | null;
  org_id: string | null;
  impersonation_id: string | null;
  metadata: Record<string, unknown>;
  ip_address: string | null;
  user_agent: string | null;
  request_id: string | null;
}

/**
 * An audit entry (the `audit.entry` event's data) as an OCSF 1.3 **API Activity** event (class 6003,
 * category 6 Application Activity), for SIEMs that read OCSF. Every entry is an API call that Keel
 * audited, so one class fits all of them; the activity comes from the action's verb:
 *
 * | OCSF                          | from the audit entry                                                   |
 * |-------------------------------|------------------------------------------------------------------------|
 * | activity_id                   | verb: created/invited/started… 1 Create, read/exported… 2 Read,        |
 * |                               | deleted/removed/revoked/ended… 4 Delete, any other change 3 Update,    |
 * |                               | sign-ins and sign-outs (`login`, `logout`) 99 Other                    |
 * | type_uid                      | 600300 + activity_id                                                   |
 * | time                          | created_at, in milliseconds                                            |
 * | status_id / severity_id       | 2 Failure / 3 Medium for refused attempts (`…_failed`, `…_blocked`),   |
 * |                               | else 1 Success / 1 Informational                                       |
 * | metadata.uid                  | the entry's id (the same id in both logs' exports and the API)         |
 * | metadata.log_name             | `platform` or `org`                                                    |
 * | metadata.tenant_uid           | org_id                                                                 |
 * | metadata.correlation_uid      | impersonation_id (every entry of one support session)                  |
 * | metadata.event_code           | action                                                                 |
 * | actor.user                    | actor: uid = id, email_addr, type_id 1 User / 2 Admin (staff) / 3 System / 99 API key |
 * | actor.session.uid             | impersonation_id, when staff acted through a support session           |
 * | api.operation                 | action; api.request.uid = request_id; api.service.name = Keel          |
 * | src_endpoint.ip               | ip_address                                                             |
 * | http_request.user_agent       | user_agent                                                             |
 * | resources[0]                  | target: uid, type, name                                                |
 * | message                       | a sentence: who did what to which target                               |
 * | unmapped                      | actor_type, log, metadata (the entry's own details)                    |
 *
 * Absent (null) values are left out rather than sent as null.
 */
export function toOcsfApiActivity(data: Record<string, unknown>): Record<string, unknown> {
  const entry = data as unknown as EntryShape;
  const failed = FAILURE_VERBS.some((verb) => entry.action.endsWith(verb));
  const activityId = activityOf(entry.action);
  const userType = USER_TYPES[entry.actor.type] ?? { type_id: 99, type: entry.actor.type };
  return {
    ...API_ACTIVITY,
    activity_id: activityId,
    activity_name: ACTIVITY_NAMES[activityId],
    type_uid: API_ACTIVITY.class_uid * 100 + activityId,
    type_name: `${API_ACTIVITY.class_name}: ${ACTIVITY_NAMES[activityId]}`,
    time: Date.parse(entry.created_at),
    severity_id: failed ? 3 : 1,
    severity: failed ? 'Medium' : 'Informational',
    status_id: failed ? 2 : 1,
    status: failed ? 'Failure' : 'Success',
    message: messageOf(entry),
    metadata: withoutNulls({
      version: OCSF_VERSION,
      product: { name: 'Keel', vendor_name: 'Keel' },
      uid: entry.id,
      log_name: entry.log,
      tenant_uid: entry.org_id,
      correlation_uid: entry.impersonation_id,
      event_code: entry.action,
      original_time: entry.created_at,
    }),
    actor: withoutNulls({
      user: withoutNulls({ uid: entry.actor.id, email_addr: entry.actor.email, name: apiKeyName(entry), ...userType }),
      session: entry.impersonation_id ? { uid: entry.impersonation_id } : null,
    }),
    api: { operation: entry.action, service: { name: 'Keel' }, ...(entry.request_id ? { request: { uid: entry.request_id } } : {}) },
    src_endpoint: withoutNulls({ ip: entry.ip_address }),
    ...(entry.user_agent ? { http_request: { user_agent: entry.user_agent } } : {}),
    ...(entry.target ? { resources: [withoutNulls({ uid: entry.target.id, type: entry.target.type, name: entry.target.name })] } : {}),
    unmapped: { actor_type: entry.actor.type, log: entry.log, metadata: entry.metadata ?? {} },
  };
}

function activityOf(action: string): ActivityId {
  const verb = action.slice(Math.max(action.lastIndexOf('.'), action.lastIndexOf('_')) + 1);
  if (CREATE_VERBS.includes(verb)) return 1;
  if (READ_VERBS.includes(verb)) return 2;
  if (DELETE_VERBS.includes(verb)) return 4;
  if (verb === 'login' || verb === 'logout' || FAILURE_VERBS.includes(verb)) return 99;
  return 3;
}

function messageOf(entry: EntryShape): string {
  const who = entry.actor.email ?? (entry.actor.type === 'system' ? 'Keel' : `${entry.actor.type} ${entry.actor.id ?? ''}`.trim());
  const what = entry.target ? ` on ${entry.target.type} ${entry.target.name ?? entry.target.id}` : '';
  return `${entry.action} by ${who}${what}`;
}

// What an API key's entry names it by (SPEC §11: the key's name in metadata).
function apiKeyName(entry: EntryShape): string | null {
  return entry.actor.type === 'api_key' && typeof entry.metadata?.api_key_name === 'string' ? entry.metadata.api_key_name : null;
}

function withoutNulls<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined)) as Partial<T>;
}

/** The body POSTed for one event: OCSF for `audit.entry` to an `ocsf` webhook, Keel's envelope for everything else. */
export function webhookBody(format: WebhookPayloadFormat, event: { id: string; type: string; created_at: Date; data: Record<string, unknown> }): string {
  if (format === 'ocsf' && event.type === 'audit.entry') return JSON.stringify(toOcsfApiActivity(event.data));
  return JSON.stringify({ id: event.id, type: event.type, created_at: event.created_at.toISOString(), data: event.data });
}
