import { createHash } from 'node:crypto';
import type { CloudProvider } from '../../modules/cloud-accounts/cloud-account.entity';
import { ProviderError } from '../../modules/cloud-accounts/providers/cloud-cost-provider';
import { SimulatedCostProvider } from '../../modules/cloud-accounts/providers/simulated-cost-provider';
import { ACCOUNT_PURPOSES, PROVIDER_LABELS } from './seed-names';
import type { SeededRandom } from './seed-random';

const DAY_MILLISECONDS = 86_400_000;
/** As SyncService: a sync fetches the 90 days up to yesterday. */
export const COST_HISTORY_DAYS = 90;

export const simulator = new SimulatedCostProvider();

/** The dates a sync at `now` covers, oldest first (YYYY-MM-DD, UTC), exactly as SyncService computes them. */
export function syncWindow(now: Date): { from: string; to: string } {
  const to = new Date(now.getTime() - DAY_MILLISECONDS);
  const from = new Date(to.getTime() - (COST_HISTORY_DAYS - 1) * DAY_MILLISECONDS);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MILLISECONDS).toISOString().slice(0, 10);
}

/** A believable provider account id. An id containing "invalid" makes the simulator fail (SPEC §8), so a re-sync keeps the error. */
export function externalIdFor(provider: CloudProvider, purpose: string, orgSlug: string, random: SeededRandom, failing: boolean): string {
  let id: string;
  if (provider === 'aws') id = random.digits(12);
  else if (provider === 'azure') id = random.uuid();
  else id = `${orgSlug.slice(0, 14).replace(/-+$/, '')}-${purpose.split(' ')[0].toLowerCase()}-${random.digits(3)}`;
  return failing ? `${id}-invalid` : id;
}

export function accountNameFor(provider: CloudProvider, purpose: string): string {
  return `${purpose} (${PROVIDER_LABELS[provider]})`;
}

/** Distinct purposes for an org's accounts, in a stable order. */
export function accountPurposes(count: number, random: SeededRandom): string[] {
  return random.shuffle(ACCOUNT_PURPOSES).slice(0, Math.min(count, ACCOUNT_PURPOSES.length));
}

/** The error a sync of this account gets from the simulator: the message an account in error shows. */
export async function simulatedSyncError(account: { id: string; provider: CloudProvider; externalId: string }, now: Date): Promise<string> {
  const { to } = syncWindow(now);
  try {
    await simulator.fetchDailyCosts(account, to, to);
  } catch (error) {
    if (error instanceof ProviderError) return error.message;
    throw error;
  }
  throw new Error(`The simulator does not fail for external id ${account.externalId}`);
}

// The scale seed computes cost rows in SQL from the simulator's own catalogue, and checks a sample against it.
export { SIMULATED_SERVICES } from '../../modules/cloud-accounts/providers/simulated-cost-provider';

/** The simulator's per-account cost scale (its `unitNoise(account.id, 'scale')`). */
export function simulatedCostScale(accountId: string): number {
  return 0.2 + (createHash('sha256').update([accountId, 'scale'].join('|')).digest().readUInt32BE(0) / 2 ** 32) * 2.8;
}
