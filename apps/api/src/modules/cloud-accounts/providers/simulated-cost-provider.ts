import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { CloudProvider } from '../cloud-account.entity';
import { ProviderError, type CloudCostProvider, type CostSource, type DailyCost } from './cloud-cost-provider';

/** The simulated service catalogue and base daily costs (also used by the scale seed, which computes rows in SQL). */
export const SIMULATED_SERVICES: Record<CloudProvider, readonly { name: string; dailyBase: number }[]> = {
  aws: [
    { name: 'Amazon EC2', dailyBase: 420 },
    { name: 'Amazon S3', dailyBase: 85 },
    { name: 'Amazon RDS', dailyBase: 160 },
    { name: 'AWS Lambda', dailyBase: 24 },
    { name: 'Amazon CloudFront', dailyBase: 38 },
  ],
  azure: [
    { name: 'Virtual Machines', dailyBase: 380 },
    { name: 'Blob Storage', dailyBase: 60 },
    { name: 'Azure SQL Database', dailyBase: 140 },
    { name: 'Azure Functions', dailyBase: 18 },
  ],
  gcp: [
    { name: 'Compute Engine', dailyBase: 350 },
    { name: 'Cloud Storage', dailyBase: 55 },
    { name: 'BigQuery', dailyBase: 120 },
    { name: 'Cloud Run', dailyBase: 30 },
  ],
};

const FAILURES: Record<CloudProvider, (externalId: string) => string> = {
  aws: (externalId) => `AccessDeniedException: User arn:aws:sts::${externalId}:assumed-role/KeelBillingReader is not authorized to perform: ce:GetCostAndUsage`,
  azure: (externalId) => `AuthorizationFailed: The client does not have authorization to perform action 'Microsoft.CostManagement/query/read' over scope '/subscriptions/${externalId}'`,
  gcp: (externalId) => `PERMISSION_DENIED: Permission 'bigquery.tables.getData' denied on billing export dataset of project '${externalId}'`,
};

/**
 * Real cloud APIs are out of reach here, so the shipped provider simulates them (SPEC §8): stable
 * costs derived from the account id (the same day always costs the same), weekly seasonality,
 * and a realistic permission error for an external id containing "invalid".
 */
@Injectable()
export class SimulatedCostProvider implements CloudCostProvider {
  async fetchDailyCosts(account: CostSource, from: string, to: string): Promise<DailyCost[]> {
    if (account.externalId.toLowerCase().includes('invalid')) throw new ProviderError(FAILURES[account.provider](account.externalId));
    const scale = 0.2 + unitNoise(account.id, 'scale') * 2.8;
    const costs: DailyCost[] = [];
    for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
      const date = day.toISOString().slice(0, 10);
      const weekly = day.getUTCDay() === 0 || day.getUTCDay() === 6 ? 0.8 : 1.05;
      for (const service of SIMULATED_SERVICES[account.provider]) {
        const amount = service.dailyBase * scale * weekly * (0.85 + unitNoise(account.id, date, service.name) * 0.3);
        costs.push({ date, service: service.name, amount: Math.round(amount * 10_000) / 10_000, currency: 'USD' });
      }
    }
    return costs;
  }
}

// A number in [0, 1) that depends only on its inputs.
function unitNoise(...parts: string[]): number {
  return createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0) / 2 ** 32;
}
