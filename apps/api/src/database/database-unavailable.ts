import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

// SQLSTATEs of a server that is going away or refusing connections (class 08 is "connection exception").
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
// What node-postgres says, without a code, when a connection drops or cannot be had in time.
const DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable/;

/** True when `error` means PostgreSQL cannot be reached right now (stopped, restarting, unreachable): a 503, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  // TypeORM releases a transaction's connection when PostgreSQL drops it: the transaction's next query fails with one of these.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const candidate = error as { code?: unknown; message?: unknown; driverError?: unknown; errors?: unknown };
  if (candidate.driverError && isDatabaseUnavailable(candidate.driverError)) return true;
  // "localhost" resolves to ::1 and 127.0.0.1: a refused connection is an AggregateError of both.
  if (Array.isArray(candidate.errors) && candidate.errors.some(isDatabaseUnavailable)) return true;
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || NETWORK_CODES.has(code)) return true;
  return typeof candidate.message === 'string' && DRIVER_MESSAGES.test(candidate.message);
}
