import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ClockService } from '../../common/clock/clock.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import { AccessLogService, type AccessLogRecord } from './access-log.service';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_PATH_LENGTH = 2048;

/**
 * Records every request made with a support-session token. The principal is known only after the
 * guards ran, so the record is taken when the answer ends: a mutating request's answer is held
 * until its record is written, a read's record is queued.
 */
@Injectable()
export class AccessLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger(AccessLogMiddleware.name);

  constructor(private readonly accessLog: AccessLogService, private readonly clock: ClockService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = response.end;
    const { accessLog, clock, logger } = this;
    response.end = function (this: Response, ...args: unknown[]) {
      const impersonation = (request.user as Principal | undefined)?.impersonation;
      if (!impersonation) return end.apply(this, args as Parameters<Response['end']>);
      const record: AccessLogRecord = {
        supportSessionId: impersonation.id,
        method: request.method,
        path: request.originalUrl.split('?')[0].slice(0, MAX_PATH_LENGTH),
        status: this.statusCode,
        requestId: request.id ? String(request.id) : null,
        createdAt: clock.now(),
      };
      if (READ_METHODS.has(request.method)) {
        accessLog.queueRead(record);
        return end.apply(this, args as Parameters<Response['end']>);
      }
      void accessLog
        .write(record)
        .catch((error: unknown) => logger.error({ err: error, support_session_id: impersonation.id }, 'Could not write a support-session access log record'))
        .finally(() => end.apply(this, args as Parameters<Response['end']>));
      return this;
    } as Response['end'];
    next();
  }
}
