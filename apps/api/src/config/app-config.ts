import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseUrls, DEFAULT_JOB_SCHEMA } from '../database/database-urls';
import { DEFAULT_HEALTH_THRESHOLDS, type HealthThresholds } from '../modules/tenants-health/health-rules';
import { ConfigurationError, Environment, parseEnvironment } from './environment';
import { ED25519_KEY, ES256_KEY, parsePreviousPublicKeys } from './signing-keys';

export type RunMode = 'demo' | 'production';

/** The validated, typed configuration every part of Keel reads. */
export class AppConfig {
  readonly mode: RunMode;
  readonly isTest: boolean;
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly databaseUrl: string | undefined;
  readonly migrationDatabaseUrl: string | undefined;
  readonly databaseReadUrl: string | undefined;
  readonly migrateOnStart: boolean;
  readonly databasePoolSize: number;
  readonly jobSchema: string;
  readonly dataDir: string;
  readonly redisUrl: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly mailRetryLimit: number;
  readonly mailRetryDelaySeconds: number;
  readonly jwtPrivateKeyPem: string;
  /** Public keys of earlier signing keys, still trusted until their tokens have expired. */
  readonly jwtPreviousPublicKeys: readonly KeyObject[];
  readonly jwtIssuer: string;
  /** Signs the audit checkpoints (Ed25519). */
  readonly auditSigningKey: KeyObject;
  /** Public keys of earlier audit signing keys: their checkpoints still verify. */
  readonly auditPreviousPublicKeys: readonly KeyObject[];
  readonly dataEncryptionKey: Buffer;
  readonly accessTokenTtlSeconds: number;
  readonly sessionTtlDays: number;
  readonly sessionCheckCacheMilliseconds: number;
  readonly staffRequire2fa: boolean;
  readonly auditPlatformRetentionDays: number;
  readonly syncSchedule: string;
  readonly meteringEnabled: boolean;
  readonly auditVerifySchedule: string;
  readonly healthThresholds: HealthThresholds;
  readonly telemetryIngestKey: string | undefined;
  readonly auditOrgRetentionDays: number;
  readonly bootstrapAdminEmail: string | undefined;
  readonly bootstrapAdminPassword: string | undefined;
  readonly trustProxy: boolean;
  /** Exact origins allowed to call the API from a browser (CORS); empty: same origin only. */
  readonly corsOrigins: readonly string[];
  readonly webhookRetryBaseSeconds: number;
  readonly webhookAllowPrivate: boolean;
  readonly seedDemoData: boolean;
  readonly logLevel: string;
  readonly webDistDir: string;

  constructor(environment: Environment) {
    this.mode = environment.NODE_ENV === 'production' ? 'production' : 'demo';
    this.isTest = environment.NODE_ENV === 'test';
    this.port = environment.PORT ?? 3000;
    this.host = environment.HOST ?? '0.0.0.0';
    this.publicUrl = (environment.PUBLIC_URL ?? `http://localhost:${this.port}`).replace(/\/$/, '');
    this.databaseUrl = environment.DATABASE_URL;
    this.migrationDatabaseUrl = environment.MIGRATION_DATABASE_URL ?? environment.DATABASE_URL;
    this.databaseReadUrl = environment.DATABASE_READ_URL;
    this.migrateOnStart = environment.MIGRATE_ON_START ?? true;
    if (!this.migrateOnStart && !this.databaseUrl) {
      throw new ConfigurationError('MIGRATE_ON_START: false needs DATABASE_URL (nothing but the API migrates the embedded database)');
    }
    this.databasePoolSize = environment.DATABASE_POOL_SIZE ?? 10;
    this.jobSchema = environment.JOB_SCHEMA ?? DEFAULT_JOB_SCHEMA;
    this.dataDir = resolve(environment.KEEL_DATA_DIR ?? '.keel');
    this.redisUrl = environment.REDIS_URL;
    this.smtpUrl = environment.SMTP_URL;
    this.mailFrom = environment.MAIL_FROM ?? 'Keel <no-reply@keel.local>';
    this.mailRetryLimit = environment.MAIL_RETRY_LIMIT ?? 12;
    this.mailRetryDelaySeconds = environment.MAIL_RETRY_DELAY_SECONDS ?? 15;
    this.jwtIssuer = environment.JWT_ISSUER ?? 'keel';
    this.jwtPreviousPublicKeys = parsePreviousPublicKeys(environment.JWT_PREVIOUS_PUBLIC_KEYS, 'JWT_PREVIOUS_PUBLIC_KEYS', ES256_KEY);
    this.auditPreviousPublicKeys = parsePreviousPublicKeys(environment.AUDIT_PREVIOUS_PUBLIC_KEYS, 'AUDIT_PREVIOUS_PUBLIC_KEYS', ED25519_KEY);
    this.accessTokenTtlSeconds = environment.ACCESS_TOKEN_TTL_SECONDS ?? 900;
    this.sessionTtlDays = environment.SESSION_TTL_DAYS ?? 30;
    this.sessionCheckCacheMilliseconds = environment.SESSION_CHECK_CACHE_MILLISECONDS ?? 1000;
    this.staffRequire2fa = environment.STAFF_REQUIRE_2FA ?? true;
    this.auditPlatformRetentionDays = environment.AUDIT_PLATFORM_RETENTION_DAYS ?? 365;
    this.syncSchedule = environment.SYNC_SCHEDULE ?? '0 */6 * * *';
    this.meteringEnabled = environment.METERING_ENABLED ?? true;
    this.auditVerifySchedule = environment.AUDIT_VERIFY_SCHEDULE ?? '*/30 * * * *';
    this.healthThresholds = {
      minimumCalls: environment.HEALTH_MIN_CALLS ?? DEFAULT_HEALTH_THRESHOLDS.minimumCalls,
      criticalErrorRate: environment.HEALTH_CRITICAL_ERROR_RATE ?? DEFAULT_HEALTH_THRESHOLDS.criticalErrorRate,
      warningErrorRate: environment.HEALTH_WARNING_ERROR_RATE ?? DEFAULT_HEALTH_THRESHOLDS.warningErrorRate,
      warningTrafficDrop: DEFAULT_HEALTH_THRESHOLDS.warningTrafficDrop,
    };
    if (this.healthThresholds.warningErrorRate > this.healthThresholds.criticalErrorRate) {
      throw new ConfigurationError('HEALTH_WARNING_ERROR_RATE: must not exceed HEALTH_CRITICAL_ERROR_RATE');
    }
    this.auditOrgRetentionDays = environment.AUDIT_ORG_RETENTION_DAYS ?? 90;
    this.bootstrapAdminEmail = environment.BOOTSTRAP_ADMIN_EMAIL?.toLowerCase();
    this.bootstrapAdminPassword = environment.BOOTSTRAP_ADMIN_PASSWORD;
    this.trustProxy = environment.TRUST_PROXY ?? false;
    this.corsOrigins = parseCorsOrigins(environment.CORS_ORIGINS);
    this.webhookRetryBaseSeconds = environment.WEBHOOK_RETRY_BASE_SECONDS ?? 10;
    this.webhookAllowPrivate = environment.WEBHOOK_ALLOW_PRIVATE ?? false;
    this.logLevel = environment.LOG_LEVEL ?? (this.isTest ? 'silent' : 'info');
    this.webDistDir = resolve(environment.WEB_DIST_DIR ?? 'dist/apps/web');

    if (this.mode === 'production') {
      for (const name of ['DATABASE_URL', 'SMTP_URL', 'JWT_PRIVATE_KEY', 'DATA_ENCRYPTION_KEY', 'AUDIT_SIGNING_KEY'] as const) {
        if (!environment[name]) throw new ConfigurationError(`${name}: is required when NODE_ENV=production`);
      }
      if (!!environment.BOOTSTRAP_ADMIN_EMAIL !== !!environment.BOOTSTRAP_ADMIN_PASSWORD) {
        throw new ConfigurationError('BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD are set together');
      }
      this.seedDemoData = false;
      this.telemetryIngestKey = environment.TELEMETRY_INGEST_KEY;
      this.jwtPrivateKeyPem = environment.JWT_PRIVATE_KEY!;
      this.dataEncryptionKey = Buffer.from(environment.DATA_ENCRYPTION_KEY!, 'base64');
      this.auditSigningKey = parseAuditSigningKey(environment.AUDIT_SIGNING_KEY!);
    } else {
      this.seedDemoData = environment.SEED_DEMO_DATA ?? true;
      const demoSecrets = environment.JWT_PRIVATE_KEY && environment.DATA_ENCRYPTION_KEY && environment.AUDIT_SIGNING_KEY ? undefined : loadOrCreateDemoSecrets(this.dataDir);
      this.jwtPrivateKeyPem = environment.JWT_PRIVATE_KEY ?? demoSecrets!.jwtPrivateKey;
      this.dataEncryptionKey = Buffer.from(environment.DATA_ENCRYPTION_KEY ?? demoSecrets!.dataEncryptionKey, 'base64');
      this.auditSigningKey = parseAuditSigningKey(environment.AUDIT_SIGNING_KEY ?? demoSecrets!.auditSigningKey);
      // Given key material means the operator manages secrets: nothing is written, and ingest needs its own key.
      this.telemetryIngestKey = environment.TELEMETRY_INGEST_KEY ?? demoSecrets?.telemetryIngestKey;
    }
  }

  /** Mail goes to the demo outbox instead of SMTP. */
  get usesOutbox(): boolean {
    return this.mode === 'demo' && !this.smtpUrl;
  }
}

// Browsers send an Origin as scheme://host[:port]; anything else in the list could never match, so it is a mistake.
function parseCorsOrigins(text: string | undefined): string[] {
  const values = (text ?? '').split(',').map((value) => value.trim()).filter((value) => value !== '');
  return values.map((value) => {
    let origin: string | undefined;
    try {
      origin = new URL(value).origin;
    } catch {
      origin = undefined;
    }
    if (!origin || origin === 'null' || !/^https?:/.test(origin) || origin !== value.toLowerCase()) {
      const hint = origin && origin !== 'null' ? `; did you mean ${origin}?` : '';
      throw new ConfigurationError(`CORS_ORIGINS: "${value}" is not an http(s) origin (scheme://host[:port], no path)${hint}`);
    }
    return origin;
  });
}

interface DemoSecrets {
  jwtPrivateKey: string;
  dataEncryptionKey: string;
  telemetryIngestKey: string;
  auditSigningKey: string;
}

function parseAuditSigningKey(pem: string): KeyObject {
  let key: KeyObject | undefined;
  try {
    key = createPrivateKey(pem);
  } catch {
    key = undefined;
  }
  if (!key || !ED25519_KEY.accepts(key)) throw new ConfigurationError('AUDIT_SIGNING_KEY: must be a PEM-encoded Ed25519 private key (openssl genpkey -algorithm ed25519)');
  return key;
}

// Demo mode keeps generated keys beside its database so that a restart keeps sessions and TOTP secrets valid.
function loadOrCreateDemoSecrets(dataDir: string): DemoSecrets {
  const file = join(dataDir, 'secrets.json');
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoSecrets>) : {};
  if (existing.jwtPrivateKey && existing.dataEncryptionKey && existing.telemetryIngestKey && existing.auditSigningKey) return existing as DemoSecrets;
  const secrets: DemoSecrets = {
    jwtPrivateKey: existing.jwtPrivateKey ?? generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    dataEncryptionKey: existing.dataEncryptionKey ?? randomBytes(32).toString('base64'),
    telemetryIngestKey: existing.telemetryIngestKey ?? randomBytes(24).toString('base64url'),
    auditSigningKey: existing.auditSigningKey ?? generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

/**
 * What the one-shot migration (bin/migrate) needs: the owner's connection to migrate with and the
 * application role's, to grant it access. Nothing else, so that the migration job holds no keys.
 */
export function loadMigrationUrls(source: Record<string, string | undefined> = process.env): DatabaseUrls {
  const environment = parseEnvironment(source);
  if (!environment.DATABASE_URL) throw new ConfigurationError('DATABASE_URL: is required to migrate (the application role, which the migration grants access to)');
  return new DatabaseUrls(environment.DATABASE_URL, environment.MIGRATION_DATABASE_URL ?? environment.DATABASE_URL, environment.JOB_SCHEMA);
}

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  return new AppConfig(parseEnvironment(source));
}
