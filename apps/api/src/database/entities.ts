import { AuthFailure } from '../modules/auth/auth-failure.entity';
import { AuthToken } from '../modules/auth/auth-token.entity';
import { Session } from '../modules/auth/session.entity';
import { MailMessage } from '../modules/mail/mail-message.entity';
import { Organization } from '../modules/orgs/organization.entity';
import { PlatformUser } from '../modules/staff/platform-user.entity';
import { User } from '../modules/users/user.entity';
import { CreateFoundation1764590000000 } from './migrations/1764590000000-CreateFoundation';
import { CreateAuditLogs1764600000000 } from './migrations/1764600000000-CreateAuditLogs';
import { CreateTenantDomain1764610000000 } from './migrations/1764610000000-CreateTenantDomain';
import { AddOrgLifecycle1764620000000 } from './migrations/1764620000000-AddOrgLifecycle';
import { CreateTenantHealth1764630000000 } from './migrations/1764630000000-CreateTenantHealth';
import { CreateSupportSessions1764640000000 } from './migrations/1764640000000-CreateSupportSessions';
import { CreateApiKeys1764650000000 } from './migrations/1764650000000-CreateApiKeys';
import { CreateIdempotencyKeys1764660000000 } from './migrations/1764660000000-CreateIdempotencyKeys';
import { IdempotencyKey } from '../modules/idempotency/idempotency-key.entity';
import { CreateWebhooks1764670000000 } from './migrations/1764670000000-CreateWebhooks';
import { ScaleDashboards1764680000000 } from './migrations/1764680000000-ScaleDashboards';
import { CreateAuditCheckpoints1764693000000 } from './migrations/1764693000000-CreateAuditCheckpoints';
import { AddWebhookPayloadFormat1764697000000 } from './migrations/1764697000000-AddWebhookPayloadFormat';
import { IndexOrgSortColumns1764699000000 } from './migrations/1764699000000-IndexOrgSortColumns';
import { CountWeeklySignups1764701000000 } from './migrations/1764701000000-CountWeeklySignups';
import { Webhook, WebhookDelivery, WebhookEvent } from '../modules/webhooks/webhook.entities';
import { ApiKey } from '../modules/api-keys/api-key.entity';
import { SupportSession, SupportSessionAccessLog } from '../modules/impersonation/support-session.entity';
import { TenantHealthRecord } from '../modules/tenants-health/tenant-health.entity';
import { AlertRule } from '../modules/alert-rules/alert-rule.entity';
import { Budget } from '../modules/budgets/budget.entity';
import { AccountAccessGrant } from '../modules/cloud-accounts/account-access-grant.entity';
import { CloudAccount } from '../modules/cloud-accounts/cloud-account.entity';
import { SyncJob } from '../modules/cloud-accounts/sync-job.entity';
import { AnomalyAlert, CoverageData, NetworkCost, Recommendation, ResourceInventoryItem } from '../modules/costs/account-data.entities';
import { CostRow } from '../modules/costs/cost-row.entity';
import { ApiUsageHourly } from '../modules/telemetry/api-usage-hourly.entity';
import { AuditAnchor, AuditChainHead, AuditCheckpoint, AuditSeal, AuditSealerState } from '../modules/audit/audit-chain.entities';
import { OrgAuditEntry, PlatformAuditEntry } from '../modules/audit/audit-entry.entity';

// Listed explicitly (no globs) so that the compiled and bundled API finds them wherever it runs.
export const ENTITIES = [
  Organization,
  User,
  PlatformUser,
  Session,
  AuthToken,
  AuthFailure,
  MailMessage,
  PlatformAuditEntry,
  OrgAuditEntry,
  AuditSeal,
  AuditAnchor,
  AuditSealerState,
  AuditChainHead,
  AuditCheckpoint,
  CloudAccount,
  SyncJob,
  AccountAccessGrant,
  CostRow,
  AnomalyAlert,
  Recommendation,
  NetworkCost,
  ResourceInventoryItem,
  CoverageData,
  Budget,
  AlertRule,
  ApiUsageHourly,
  TenantHealthRecord,
  SupportSession,
  SupportSessionAccessLog,
  ApiKey,
  IdempotencyKey,
  Webhook,
  WebhookEvent,
  WebhookDelivery,
];
export const MIGRATIONS = [CreateFoundation1764590000000, CreateAuditLogs1764600000000, CreateTenantDomain1764610000000, AddOrgLifecycle1764620000000, CreateTenantHealth1764630000000, CreateSupportSessions1764640000000, CreateApiKeys1764650000000, CreateIdempotencyKeys1764660000000, CreateWebhooks1764670000000, ScaleDashboards1764680000000, CreateAuditCheckpoints1764693000000, AddWebhookPayloadFormat1764697000000, IndexOrgSortColumns1764699000000, CountWeeklySignups1764701000000];
