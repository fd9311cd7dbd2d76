import type { CloudProvider } from '../cloud-account.entity';

/** One day of one service's cost, as a provider's billing API reports it. */
export interface DailyCost {
  date: string; // YYYY-MM-DD
  service: string;
  amount: number;
  currency: string;
}

export interface CostSource {
  id: string;
  provider: CloudProvider;
  externalId: string;
}

/** What a real AWS Cost Explorer, Azure Cost Management or GCP Billing export client implements. */
export interface CloudCostProvider {
  fetchDailyCosts(account: CostSource, from: string, to: string): Promise<DailyCost[]>;
}

export const CLOUD_COST_PROVIDER = Symbol('CloudCostProvider');

/** The provider refused or failed: the account goes to the error state with this message. */
export class ProviderError extends Error {}
