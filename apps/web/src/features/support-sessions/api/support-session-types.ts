import type { AccessLogPageDto, ListSupportSessionsData, SupportSessionDto } from '@keel/api-client';

/** The two consoles that show support sessions: staff's (`/support/sessions`) and the org's own (`/app/support-access`). */
export type SupportSessionConsole = 'support' | 'tenant';

// The generated type says `end_reason` is always there; the API sends null while a session is active.
export type SupportSession = Omit<SupportSessionDto, 'end_reason'> & { end_reason: SupportSessionDto['end_reason'] | null };
export type SupportSessionDetail = SupportSession & { access_logs: AccessLogPageDto };
export type SupportSessionList = { items: SupportSession[]; stats: { active: number; revoked: number; expired: number }; pagination: AccessLogPageDto['pagination'] };

export type SupportSessionStatus = SupportSession['status'];
export type SupportScope = SupportSession['scopes'][number];

/** The query of one page of a session list, as the generated client takes it. */
export type SupportSessionListQuery = NonNullable<ListSupportSessionsData['query']>;
/** One page of a session's access log. */
export type AccessLogQuery = { page: number; limit: number };
