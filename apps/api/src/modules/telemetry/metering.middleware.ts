import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ClockService } from '../../common/clock/clock.service';
import type { Principal } from '../../common/decorators/principal.decorator';
import { MeteringService } from './metering.service';

/**
 * Every answered tenant-API request counts toward its org's hourly bucket, with its final status;
 * requests under a support session are staff activity, not the tenant's (SPEC §5).
 */
@Injectable()
export class MeteringMiddleware implements NestMiddleware {
  constructor(private readonly metering: MeteringService, private readonly clock: ClockService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    response.on('finish', () => {
      const principal = request.user as Principal | undefined;
      if (principal?.realm === 'tenant' && principal.orgId && !principal.impersonation) this.metering.count(principal.orgId, response.statusCode, this.clock.now());
    });
    next();
  }
}
