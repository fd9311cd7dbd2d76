import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { AppConfig } from '../../config/app-config';

const REDACTED = '[redacted]';

// Never logged: credentials in headers, any secret-bearing field wherever it appears in a logged object, and
// what a failing query or body carried (the parameters of a database error, the raw text of an unparsable body).
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-ingest-key"]',
  'res.headers["set-cookie"]',
  'err.parameters',
  'err.body',
  ...['password', 'new_password', 'current_password', 'access_token', 'refresh_token', 'mfa_token', 'token', 'code', 'secret', 'totp_code', 'key', 'recovery_codes'].flatMap((field) => [field, `*.${field}`]),
];

// Query parameters whose values are secrets: invitation and reset links carry `token=`, and none of Keel's own routes reads such a parameter.
const SECRET_PARAMETER = /token|code|key|secret|password|signature|credential/i;

/** The URL as logged: the value of every secret-looking query parameter replaced. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const parameters = url
    .slice(queryStart + 1)
    .split('&')
    .map((parameter) => {
      const name = parameter.split('=', 1)[0];
      return SECRET_PARAMETER.test(decodeName(name)) ? `${name}=${REDACTED}` : parameter;
    });
  return `${url.slice(0, queryStart)}?${parameters.join('&')}`;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

interface LoggedRequest {
  url?: string;
  query?: unknown;
}

// Applied to the copy pino-http makes for the log line (the request itself is left alone).
function serializeRequest(request: LoggedRequest): LoggedRequest {
  if (typeof request.url === 'string') request.url = redactUrl(request.url);
  if (request.query && typeof request.query === 'object') {
    request.query = Object.fromEntries(Object.entries(request.query).map(([name, value]) => [name, SECRET_PARAMETER.test(name) ? REDACTED : value]));
  }
  return request;
}

/**
 * nestjs-pino's settings. Every line is one JSON object (pino escapes control characters, so a
 * newline in a header or URL cannot forge a line). `destination` defaults to stdout; tests pass one to read the log.
 */
export function loggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options: PinoHttpOptions = {
    level: config.logLevel,
    genReqId: (request) => String((request as { id?: unknown }).id),
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    serializers: { req: serializeRequest },
    autoLogging: { ignore: (request) => request.url === '/health/live' || request.url === '/metrics' },
    customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
  };
  return {
    // Express 5 route syntax for "every path" (nestjs-pino's default '*' triggers a deprecation warning).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: destination ? [options, destination] : options,
  };
}
