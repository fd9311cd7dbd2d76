import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';

// Never logged: credentials in headers, and any secret-bearing field wherever it appears in a logged object.
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-ingest-key"]',
  'res.headers["set-cookie"]',
  ...['password', 'new_password', 'current_password', 'access_token', 'refresh_token', 'mfa_token', 'token', 'code', 'secret', 'totp_code', 'key'].flatMap((field) => [field, `*.${field}`]),
];

export function loggerOptions(config: AppConfig): Params {
  return {
    // Express 5 route syntax for "every path" (nestjs-pino's default '*' triggers a deprecation warning).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request) => String((request as { id?: unknown }).id),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: { ignore: (request) => request.url === '/health/live' || request.url === '/metrics' },
      customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
    },
  };
}
