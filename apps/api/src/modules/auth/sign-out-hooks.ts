import { Injectable } from '@nestjs/common';
import type { Realm } from '@keel/shared';

/** Runs in the sign-out's transaction; what it returns is added to the logout's audit metadata. */
export type SignOutHook = (realm: Realm, accountId: string) => Promise<Record<string, unknown>>;

/**
 * What else ends when someone signs out, registered by the modules that own it (support sessions
 * end with their staff member's sign-out, SPEC §6) so that auth does not depend on them.
 */
@Injectable()
export class SignOutHooks {
  private readonly hooks: SignOutHook[] = [];

  register(hook: SignOutHook): void {
    this.hooks.push(hook);
  }

  async run(realm: Realm, accountId: string): Promise<Record<string, unknown>> {
    const metadata: Record<string, unknown> = {};
    for (const hook of this.hooks) Object.assign(metadata, await hook(realm, accountId));
    return metadata;
  }
}
