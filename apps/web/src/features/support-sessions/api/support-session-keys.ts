import type { AccessLogQuery, SupportSessionConsole, SupportSessionListQuery } from './support-session-types';

/** Query keys of support sessions, per console: invalidate `all` when a session starts or ends. */
export const supportSessionKeys = {
  all: ['support-sessions'] as const,
  lists: (where: SupportSessionConsole) => [...supportSessionKeys.all, where, 'list'] as const,
  list: (where: SupportSessionConsole, query: SupportSessionListQuery) => [...supportSessionKeys.lists(where), query] as const,
  detail: (where: SupportSessionConsole, id: string, query: AccessLogQuery) => [...supportSessionKeys.all, where, 'detail', id, query] as const,
};
