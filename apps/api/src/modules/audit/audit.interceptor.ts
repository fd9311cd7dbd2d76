import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Request } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AUDIT_ACTION, AUDIT_ORG_ACTION } from '../../common/decorators/audit.decorator';
import type { Principal } from '../../common/decorators/principal.decorator';
import { requestContext } from '../../common/http/request-context';
import { RequestTransaction } from '../../common/transactions/request-transaction.service';
import { actorOf, AuditService, actorDetails, type AuditDetails } from './audit.service';
import { ReadSummaryService } from './read-summary.service';

/**
 * Runs every @Audit route in one transaction with its audit entry: the handler's changes and the
 * entry commit together or not at all. Who, where and when come from the request; what changed
 * from the services' AuditService.describe(). Staff reads are counted for the read summary.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly transactionHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly readSummaries: ReadSummaryService,
    private readonly requestTransaction: RequestTransaction,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    const action = this.reflector.getAllAndOverride<string | undefined>(AUDIT_ACTION, targets);
    if (!action) {
      const principal = request.user as Principal | undefined;
      if (request.method === 'GET' && principal?.realm === 'platform') this.readSummaries.count(principal, `${request.method} ${request.route?.path ?? request.path}`);
      return next.handle();
    }
    const orgAction = this.reflector.getAllAndOverride<string | undefined>(AUDIT_ORG_ACTION, targets);
    // Set up in the request's context, before the transaction's child context, which shares them.
    const details = this.audit.beginRequest();
    this.requestTransaction.begin();
    return from(this.runAudited(next, request, action, orgAction, details));
  }

  private async runAudited(next: CallHandler, request: Request, action: string, orgAction: string | undefined, details: AuditDetails): Promise<unknown> {
    try {
      return await this.transactionHost.withTransaction(async () => {
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        if (details.skip) return result;
        const principal = request.user as Principal | undefined;
        const about = actorDetails(principal);
        await this.audit.record({
          ...details,
          impersonationId: details.impersonationId ?? about.impersonationId,
          metadata: { ...details.metadata, ...about.metadata },
          action: details.action ?? action,
          orgAction,
          actor: details.actor ?? (principal ? actorOf(principal) : { type: 'system', id: null, email: null }),
          orgId: details.orgId !== undefined ? details.orgId : principal?.orgId,
          context: requestContext(request),
        });
        return result;
      });
    } finally {
      await this.requestTransaction.drain();
    }
  }
}
