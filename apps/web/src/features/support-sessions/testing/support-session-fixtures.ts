import type { AccessLogEntryDto, PaginationDto } from '@keel/api-client';
import type { ApiAnswer } from '../../../testing/mock-api';
import type { SupportSession, SupportSessionDetail, SupportSessionList } from '../api/support-session-types';

// The support-session API's answers (SPEC §6), with defaults a test overrides only where it matters.

export const STAFF_SESSIONS = 'GET /api/v1/platform/support-sessions';
export const CREATE_SESSION = 'POST /api/v1/platform/support-sessions';
export const ORG_SESSIONS = 'GET /api/v1/org/support-sessions';
export const staffSessionRoute = (id: string) => `GET /api/v1/platform/support-sessions/${id}`;
export const orgSessionRoute = (id: string) => `GET /api/v1/org/support-sessions/${id}`;
export const revokeRoute = (id: string) => `POST /api/v1/platform/support-sessions/${id}/revoke`;

const MINUTE = 60_000;
let counter = 0;
const numbered = (prefix: string, value: number) => `${prefix}-${String(value).padStart(12, '0')}`;

export function supportSession(overrides: Partial<SupportSession> = {}): SupportSession {
  counter += 1;
  const createdAt = Date.now() - 5 * MINUTE;
  return {
    id: numbered('99999999-9999-4999-8999', counter),
    status: 'active',
    org_id: '33333333-3333-4333-8333-333333333333',
    org_name: 'Acme Corp',
    target_user_id: '22222222-2222-4222-8222-222222222222',
    target_user_email: 'owner@acme.example',
    platform_user_id: '11111111-1111-4111-8111-111111111111',
    platform_user_email: 'support_admin@keel.test',
    scopes: ['read_only'],
    reason: 'Customer reports missing AWS costs since Monday',
    ticket_ref: 'SUP-4711',
    created_at: new Date(createdAt).toISOString(),
    expires_at: new Date(createdAt + 15 * MINUTE).toISOString(),
    ended_at: null,
    end_reason: null,
    revoke_reason: null,
    request_count: 3,
    ...overrides,
  };
}

export function sessionList(items: SupportSession[], { stats = { active: 2, revoked: 5, expired: 11 }, pagination = {} }: { stats?: SupportSessionList['stats']; pagination?: Partial<PaginationDto> } = {}): ApiAnswer {
  return { status: 200, body: { items, stats, pagination: { page: 1, limit: 25, total: items.length, next_cursor: null, ...pagination } } };
}

let entryCounter = 0;

export function accessLogEntry(overrides: Partial<AccessLogEntryDto> = {}): AccessLogEntryDto {
  entryCounter += 1;
  return { id: String(entryCounter), method: 'GET', path: '/api/v1/cloud-accounts', status: 200, request_id: `request-${entryCounter}`, created_at: new Date(Date.now() - MINUTE).toISOString(), ...overrides };
}

export function sessionDetail(session: SupportSession, entries: AccessLogEntryDto[] = [accessLogEntry()], pagination: Partial<PaginationDto> = {}): ApiAnswer {
  const body: SupportSessionDetail = { ...session, access_logs: { items: entries, pagination: { page: 1, limit: 50, total: entries.length, next_cursor: null, ...pagination } } };
  return { status: 200, body };
}
