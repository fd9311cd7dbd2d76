import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../../database/database-unavailable';
import { TooManyRequestsException } from '../http/too-many-requests.exception';

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

const DATABASE_ERRORS: Record<string, { statusCode: number; message: string }> = {
  '23505': { statusCode: HttpStatus.CONFLICT, message: 'A record with these values already exists' },
  '23503': { statusCode: HttpStatus.CONFLICT, message: 'A related record does not exist or is still referenced' },
  '22P02': { statusCode: HttpStatus.BAD_REQUEST, message: 'A value has the wrong format' },
  // PostgreSQL text cannot hold U+0000 (JSON can): the whole statement fails, so nothing is stored.
  '22021': { statusCode: HttpStatus.BAD_REQUEST, message: 'A text value contains a character that cannot be stored (U+0000)' },
  '40001': { statusCode: HttpStatus.CONFLICT, message: 'A concurrent change interfered; try again' },
  '40P01': { statusCode: HttpStatus.CONFLICT, message: 'A concurrent change interfered; try again' },
};

/**
 * Shapes every error as `{statusCode, error, message, request_id}` (SPEC §2). Unknown errors are
 * logged and answered 500 without detail; body-parser failures keep their 4xx.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { statusCode, message } = this.describe(exception);
    if (statusCode >= 500 && statusCode !== HttpStatus.SERVICE_UNAVAILABLE) this.logger.error({ err: exception, request_id: request.id }, 'Unhandled error');
    if (response.headersSent) return;
    if (exception instanceof TooManyRequestsException) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(statusCode).json({
      statusCode,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message,
      request_id: String(request.id ?? ''),
    });
  }

  private describe(exception: unknown): { statusCode: number; message: string | string[] } {
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: string | string[] }).message ?? exception.message);
      return { statusCode: exception.getStatus(), message };
    }
    // Database constraints backstop races between a check and its write: a conflict, not a crash.
    const databaseCode = (exception as { driverError?: { code?: string } })?.driverError?.code;
    if (databaseCode && DATABASE_ERRORS[databaseCode]) return DATABASE_ERRORS[databaseCode];
    // PostgreSQL stopped or restarting: say so at once (and fail readiness, see HealthController) rather than a 500.
    if (isDatabaseUnavailable(exception)) return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: 'The database is unavailable; try again shortly' };
    const parserError = exception as BodyParserError;
    const status = parserError?.status ?? parserError?.statusCode;
    if (parserError?.expose && typeof status === 'number' && status >= 400 && status < 500) {
      if (parserError.type === 'entity.too.large') return { statusCode: HttpStatus.PAYLOAD_TOO_LARGE, message: 'Request body exceeds 1 MiB' };
      if (parserError.type === 'entity.parse.failed') return { statusCode: HttpStatus.BAD_REQUEST, message: 'Malformed JSON body' };
      return { statusCode: status, message: (exception as Error).message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}
