import Ajv from 'ajv';
import { toOcsfApiActivity, webhookBody } from './ocsf-event';

// The attributes OCSF 1.3.0 requires of an API Activity event (class 6003), with their types and enums.
const API_ACTIVITY_SCHEMA = {
  type: 'object',
  required: ['activity_id', 'actor', 'api', 'category_uid', 'class_uid', 'metadata', 'severity_id', 'src_endpoint', 'time', 'type_uid'],
  properties: {
    activity_id: { enum: [0, 1, 2, 3, 4, 99] },
    category_uid: { const: 6 },
    class_uid: { const: 6003 },
    type_uid: { enum: [600300, 600301, 600302, 600303, 600304, 600399] },
    severity_id: { enum: [0, 1, 2, 3, 4, 5, 6, 99] },
    status_id: { enum: [0, 1, 2, 99] },
    time: { type: 'integer' },
    message: { type: 'string' },
    metadata: {
      type: 'object',
      required: ['product', 'version'],
      properties: { version: { type: 'string', pattern: '^1\\.\\d+\\.\\d+$' }, uid: { type: 'string' }, product: { type: 'object', required: ['vendor_name'], properties: { name: { type: 'string' }, vendor_name: { type: 'string' } } } },
    },
    actor: { type: 'object', minProperties: 1, properties: { user: { type: 'object', properties: { uid: { type: 'string' }, email_addr: { type: 'string' }, type_id: { enum: [0, 1, 2, 3, 99] } } } } },
    api: { type: 'object', required: ['operation'], properties: { operation: { type: 'string' }, request: { type: 'object', required: ['uid'] } } },
    src_endpoint: { type: 'object', properties: { ip: { type: 'string' } } },
    http_request: { type: 'object', properties: { user_agent: { type: 'string' } } },
    resources: { type: 'array', items: { type: 'object', properties: { uid: { type: 'string' }, type: { type: 'string' }, name: { type: 'string' } } } },
    unmapped: { type: 'object' },
  },
};
const validate = new Ajv({ allErrors: true, strict: false }).compile(API_ACTIVITY_SCHEMA);

const STAFF_ID = '4f1c2a5e-8b3d-4e7f-9a10-2b3c4d5e6f70';
const ORG_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1a0b9c8d7e6f';
const SESSION_ID = '1e2d3c4b-5a69-4878-8766-554433221100';

function entry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    log: 'platform',
    id: '0b5e6f7a-8c9d-4e0f-a1b2-c3d4e5f60718',
    action: 'platform.org_plan_changed',
    created_at: '2026-12-01T10:20:30.456Z',
    actor: { type: 'platform_user', id: STAFF_ID, email: 'sam@keel.example' },
    target: { type: 'organization', id: ORG_ID, name: 'Acme' },
    org_id: ORG_ID,
    impersonation_id: null,
    metadata: { previous_plan: 'free', plan: 'pro' },
    ip_address: '203.0.113.7',
    user_agent: 'curl/8.5.0',
    request_id: 'req-123',
    ...overrides,
  };
}

describe('OCSF API Activity mapping of audit entries', () => {
  it('maps a staff member changing an org’s plan to an API Activity: Update with every field in its place', () => {
    const event = toOcsfApiActivity(entry());
    expect(event).toEqual({
      class_uid: 6003,
      class_name: 'API Activity',
      category_uid: 6,
      category_name: 'Application Activity',
      activity_id: 3,
      activity_name: 'Update',
      type_uid: 600303,
      type_name: 'API Activity: Update',
      time: Date.parse('2026-12-01T10:20:30.456Z'),
      severity_id: 1,
      severity: 'Informational',
      status_id: 1,
      status: 'Success',
      message: 'platform.org_plan_changed by sam@keel.example on organization Acme',
      metadata: {
        version: '1.3.0',
        product: { name: 'Keel', vendor_name: 'Keel' },
        uid: '0b5e6f7a-8c9d-4e0f-a1b2-c3d4e5f60718',
        log_name: 'platform',
        tenant_uid: ORG_ID,
        event_code: 'platform.org_plan_changed',
        original_time: '2026-12-01T10:20:30.456Z',
      },
      actor: { user: { uid: STAFF_ID, email_addr: 'sam@keel.example', type_id: 2, type: 'Admin' } },
      api: { operation: 'platform.org_plan_changed', service: { name: 'Keel' }, request: { uid: 'req-123' } },
      src_endpoint: { ip: '203.0.113.7' },
      http_request: { user_agent: 'curl/8.5.0' },
      resources: [{ uid: ORG_ID, type: 'organization', name: 'Acme' }],
      unmapped: { actor_type: 'platform_user', log: 'platform', metadata: { previous_plan: 'free', plan: 'pro' } },
    });
    expect(validate(event)).toBe(true);
  });

  it('maps a refused sign-in to a failure of medium severity, leaving out what the entry does not know', () => {
    const event = toOcsfApiActivity(entry({ log: 'org', action: 'user.login_failed', actor: { type: 'user', id: null, email: 'who@acme.example' }, target: null, request_id: null, user_agent: null, metadata: {} }));
    expect(event).toMatchObject({ activity_id: 99, type_uid: 600399, status_id: 2, status: 'Failure', severity_id: 3, actor: { user: { email_addr: 'who@acme.example', type_id: 1 } } });
    expect(event).not.toHaveProperty('resources');
    expect(event).not.toHaveProperty('http_request');
    expect(event.api).toEqual({ operation: 'user.login_failed', service: { name: 'Keel' } });
    expect((event.actor as { user: object }).user).not.toHaveProperty('uid');
    expect(JSON.stringify(event)).not.toContain('null');
    expect(validate(event)).toBe(true);
  });

  it('names the support session a staff member acted through, and keeps the impersonated user in unmapped', () => {
    const impersonated = { id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d', email: 'owner@acme.example' };
    const event = toOcsfApiActivity(entry({ log: 'org', action: 'budget.created', actor: { type: 'platform_admin_impersonating', id: STAFF_ID, email: 'sam@keel.example' }, impersonation_id: SESSION_ID, metadata: { impersonated_user: impersonated } }));
    expect(event).toMatchObject({
      activity_id: 1,
      actor: { user: { uid: STAFF_ID, type_id: 2 }, session: { uid: SESSION_ID } },
      metadata: { correlation_uid: SESSION_ID, log_name: 'org' },
      unmapped: { actor_type: 'platform_admin_impersonating', metadata: { impersonated_user: impersonated } },
    });
    expect(validate(event)).toBe(true);
  });

  it('names an API key by its name, and the system as Keel', () => {
    const byKey = toOcsfApiActivity(entry({ actor: { type: 'api_key', id: 'key-1', email: null }, metadata: { api_key_name: 'on-call pager' } }));
    expect((byKey.actor as { user: object }).user).toEqual({ uid: 'key-1', name: 'on-call pager', type_id: 99, type: 'API key' });
    const bySystem = toOcsfApiActivity(entry({ action: 'platform.org_purged', actor: { type: 'system', id: null, email: null } }));
    expect(bySystem).toMatchObject({ activity_id: 4, message: 'platform.org_purged by Keel on organization Acme', actor: { user: { type_id: 3 } } });
    expect(validate(byKey) && validate(bySystem)).toBe(true);
  });

  it.each([
    ['platform.org_created', 1],
    ['user.invited', 1],
    ['platform.read_summary', 2],
    ['platform.audit_exported', 2],
    ['org.settings_updated', 3],
    ['platform.org_suspended', 3],
    ['cloud_account.deleted', 4],
    ['platform.support_session_revoked', 4],
    ['user.login', 99],
    ['platform.logout', 99],
  ])('takes the activity of %s from its verb (%i)', (action, activityId) => {
    expect(toOcsfApiActivity(entry({ action }))).toMatchObject({ activity_id: activityId, type_uid: 600300 + activityId });
  });
});

describe('webhook bodies', () => {
  const createdAt = new Date('2026-12-01T10:20:30.456Z');

  it('sends audit.entry as OCSF to an ocsf webhook, and in Keel’s envelope otherwise', () => {
    const data = entry();
    expect(JSON.parse(webhookBody('ocsf', { id: 'event-1', type: 'audit.entry', created_at: createdAt, data }))).toMatchObject({ class_uid: 6003, metadata: { uid: data.id } });
    expect(JSON.parse(webhookBody('keel', { id: 'event-1', type: 'audit.entry', created_at: createdAt, data }))).toEqual({ id: 'event-1', type: 'audit.entry', created_at: createdAt.toISOString(), data });
  });

  it('keeps Keel’s envelope for the other event types of an ocsf webhook', () => {
    const data = { organization: { id: ORG_ID } };
    expect(JSON.parse(webhookBody('ocsf', { id: 'event-2', type: 'org.created', created_at: createdAt, data }))).toEqual({ id: 'event-2', type: 'org.created', created_at: createdAt.toISOString(), data });
  });
});
