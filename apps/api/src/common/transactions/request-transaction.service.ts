import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

type Work = () => Promise<void>;
const AFTERWARDS_KEY = 'keel.request.afterwards';

/**
 * Work that must commit whatever happens to the request's own transaction (a refused sign-in's
 * trace, a failure counter). It runs after that transaction has ended, so that a request never
 * holds one pooled connection while waiting for a second (which deadlocks under load).
 */
@Injectable()
export class RequestTransaction {
  constructor(private readonly cls: ClsService) {}

  /** Called by the interceptor that opens the request's transaction, before opening it. */
  begin(): void {
    this.cls.set(AFTERWARDS_KEY, []);
  }

  /** Runs `work` once the request's transaction has ended, or now when there is none. */
  async afterwards(work: Work): Promise<void> {
    const queue = this.cls.isActive() ? this.cls.get<Work[] | undefined>(AFTERWARDS_KEY) : undefined;
    if (queue) queue.push(work);
    else await work();
  }

  /** Runs the queued work, in order; called by the interceptor after commit or rollback. */
  async drain(): Promise<void> {
    const queue = this.cls.get<Work[] | undefined>(AFTERWARDS_KEY) ?? [];
    this.cls.set(AFTERWARDS_KEY, undefined);
    for (const work of queue) await work();
  }
}
