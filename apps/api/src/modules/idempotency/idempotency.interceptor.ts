import { BadRequestException, CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { NO_IDEMPOTENCY } from '../../common/decorators/access.decorator';
import type { Principal } from '../../common/decorators/principal.decorator';
import { IdempotencyService } from './idempotency.service';

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on POST (SPEC §11): the first request with a key does the work and its answer
 * is kept; a retry with the same body gets that answer again, a different body 422, a twin still
 * running 409. Runs outside the audit interceptor, so an answer is kept only after its change committed.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector, private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.headers[HEADER];
    if (request.method !== 'POST' || key === undefined) return next.handle();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(NO_IDEMPOTENCY, targets)) throw new BadRequestException('This route does not accept an Idempotency-Key');
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) throw new BadRequestException('Idempotency-Key must be 1–255 visible ASCII characters');

    const principal = request.user as Principal | undefined;
    // Keys are per caller: the same key from two people is two keys.
    const caller = principal ? `${principal.realm}:${principal.accountId}` : `ip:${request.ip ?? 'unknown'}`;
    const requestHash = createHash('sha256').update(`${request.method} ${request.originalUrl}\n${canonicalJson(request.body)}`).digest('hex');
    const response = context.switchToHttp().getResponse<Response>();
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;

    return from(this.idempotency.claim(caller, key, requestHash)).pipe(
      mergeMap((claim) => {
        if (claim.outcome === 'replay') {
          response.status(claim.status).setHeader('Idempotent-Replayed', 'true');
          return of(claim.body);
        }
        return next.handle().pipe(
          mergeMap((body) => from(this.idempotency.complete(caller, key, status, body)).pipe(mergeMap(() => of(body)))),
          catchError((error: unknown) => from(this.idempotency.release(caller, key)).pipe(mergeMap(() => throwError(() => error)))),
        );
      }),
    );
  }
}

/** The body with object keys sorted, so that the same request in another key order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
