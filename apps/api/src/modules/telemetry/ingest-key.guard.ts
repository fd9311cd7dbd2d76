import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';

/**
 * Telemetry ingest admits only the product's own services: `X-Ingest-Key` must equal
 * TELEMETRY_INGEST_KEY (compared in constant time). Checked as a guard, before the body is
 * validated, so that a caller without the key learns nothing about the batch it sent.
 */
@Injectable()
export class IngestKeyGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const key = context.switchToHttp().getRequest<Request>().header('x-ingest-key');
    if (!this.keyMatches(key)) throw new UnauthorizedException('Missing or wrong X-Ingest-Key');
    return true;
  }

  private keyMatches(key: string | undefined): boolean {
    const expected = this.config.telemetryIngestKey;
    if (!expected || !key) return false;
    const given = Buffer.from(key);
    const wanted = Buffer.from(expected);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
}
