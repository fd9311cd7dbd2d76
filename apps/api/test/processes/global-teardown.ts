import sharedGlobalTeardown from '../support/global-teardown';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { keelFaultsPostgres?: { stop(): Promise<void> } }).keelFaultsPostgres?.stop();
  await sharedGlobalTeardown();
}
