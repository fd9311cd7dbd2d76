import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MinLength,
  Min,
  validateSync,
  Matches,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return value; // left as a string so that @IsBoolean names the variable
};
const toInteger = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const postgresUrl = { protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true };

/**
 * Every environment variable Keel reads. Each is documented in the README;
 * nothing outside src/config reads process.env.
 */
export class Environment {
  @IsOptional() @IsIn(['production', 'development', 'test'])
  NODE_ENV?: 'production' | 'development' | 'test';

  @IsOptional() @Transform(toInteger) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  /** Public base URL of the console, used in e-mailed links. */
  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL?: string;

  /** Connection of the application role (least privilege). */
  @IsOptional() @Transform(emptyToUndefined) @IsUrl(postgresUrl)
  DATABASE_URL?: string;

  /** Connection of the migration owner; defaults to DATABASE_URL. */
  @IsOptional() @Transform(emptyToUndefined) @IsUrl(postgresUrl)
  MIGRATION_DATABASE_URL?: string;

  /** A read replica (application role) for the platform dashboards' read-only queries; unset, they read the primary. */
  @IsOptional() @Transform(emptyToUndefined) @IsUrl(postgresUrl)
  DATABASE_READ_URL?: string;

  /** Migrate at start (default). False where a one-shot migration runs first: the API then needs no owner credentials and refuses a schema that lacks its migrations. */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  MIGRATE_ON_START?: boolean;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE?: number;

  /** The PostgreSQL schema of the job queue (pg-boss); every replica of one deployment uses the same. */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'JOB_SCHEMA must be a lower-case PostgreSQL identifier (letters, digits, _)' })
  JOB_SCHEMA?: string;

  /** Redis for state every replica must share (login rate limits); in-process when unset. */
  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  /** Where demo mode keeps its embedded database and generated keys. */
  @IsOptional() @IsString()
  KEEL_DATA_DIR?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  @IsOptional() @IsString() @MinLength(3)
  MAIL_FROM?: string;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(0) @Max(100)
  MAIL_RETRY_LIMIT?: number;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(3600)
  MAIL_RETRY_DELAY_SECONDS?: number;

  /** PEM of the EC P-256 private key that signs access tokens (ES256). */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/-----BEGIN (EC )?PRIVATE KEY-----/, { message: 'JWT_PRIVATE_KEY must be a PEM-encoded EC P-256 private key' })
  JWT_PRIVATE_KEY?: string;

  /**
   * PEM public keys (one or more `-----BEGIN PUBLIC KEY-----` blocks) of earlier signing keys: tokens
   * they signed still verify until they expire, and the JWKS publishes them (key rotation).
   */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/-----BEGIN [A-Z ]*KEY-----/, { message: 'JWT_PREVIOUS_PUBLIC_KEYS must hold one or more PEM-encoded EC P-256 public keys' })
  JWT_PREVIOUS_PUBLIC_KEYS?: string;

  @IsOptional() @IsString() @MinLength(1)
  JWT_ISSUER?: string;

  /** PEM of the Ed25519 private key that signs the hourly audit checkpoints (`openssl genpkey -algorithm ed25519`). */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/-----BEGIN PRIVATE KEY-----/, { message: 'AUDIT_SIGNING_KEY must be a PEM-encoded Ed25519 private key' })
  AUDIT_SIGNING_KEY?: string;

  /** PEM public keys of earlier audit signing keys: checkpoints they signed still verify, and /.well-known/keel-audit-keys.json publishes them. */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/-----BEGIN [A-Z ]*KEY-----/, { message: 'AUDIT_PREVIOUS_PUBLIC_KEYS must hold one or more PEM-encoded Ed25519 public keys' })
  AUDIT_PREVIOUS_PUBLIC_KEYS?: string;

  /** 32 random bytes, base64: encrypts TOTP secrets at rest. */
  @IsOptional() @Transform(emptyToUndefined) @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'DATA_ENCRYPTION_KEY must be 32 bytes encoded as base64 (44 characters)' })
  DATA_ENCRYPTION_KEY?: string;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(60) @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS?: number;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(365)
  SESSION_TTL_DAYS?: number;

  /** How long a session check is reused by one replica (0 = check every request); at most 2 s, the revocation delay promised across replicas. */
  @IsOptional() @Transform(toInteger) @IsInt() @Min(0) @Max(2000)
  SESSION_CHECK_CACHE_MILLISECONDS?: number;

  @IsOptional() @Transform(toBoolean) @IsBoolean()
  STAFF_REQUIRE_2FA?: boolean;

  /** Tenant health (SPEC §5): calls in 24 h below which nothing is concluded. */
  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(1_000_000)
  HEALTH_MIN_CALLS?: number;

  /** Error rate (percent) from which a tenant is critical. */
  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(100)
  HEALTH_CRITICAL_ERROR_RATE?: number;

  /** Error rate (percent) from which a tenant is in warning. */
  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(100)
  HEALTH_WARNING_ERROR_RATE?: number;

  /** Counts tenant API calls per org and hour (the tenant-health signals); `false` switches metering off. */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  METERING_ENABLED?: boolean;

  /** Cron (UTC) of the scheduled sync of every cloud account. */
  @IsOptional() @Matches(/^\S+( \S+){4}$/, { message: 'SYNC_SCHEDULE must be a five-field cron expression' })
  SYNC_SCHEDULE?: string;

  /** Cron (UTC) of the scheduled re-verification of every audit hash chain (default every 30 minutes). */
  @IsOptional() @Matches(/^\S+( \S+){4}$/, { message: 'AUDIT_VERIFY_SCHEDULE must be a five-field cron expression' })
  AUDIT_VERIFY_SCHEDULE?: string;

  /** Shared secret of the telemetry ingest (X-Ingest-Key); ingest is refused while unset (generated in demo mode). */
  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(16)
  TELEMETRY_INGEST_KEY?: string;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(3650)
  AUDIT_PLATFORM_RETENTION_DAYS?: number;

  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(3650)
  AUDIT_ORG_RETENTION_DAYS?: number;

  @IsOptional() @Transform(emptyToUndefined) @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(12)
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** First retry of a failed webhook delivery after this many seconds, doubling up to an hour (SPEC §11). */
  @IsOptional() @Transform(toInteger) @IsInt() @Min(1) @Max(3600)
  WEBHOOK_RETRY_BASE_SECONDS?: number;

  /** Lets webhooks reach private and loopback addresses (never link-local or cloud metadata). */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE?: boolean;

  /** Comma-separated origins (`https://app.example.com`) allowed to call the API from a browser; none when unset. */
  @IsOptional() @IsString()
  CORS_ORIGINS?: string;

  /** Take the client IP from X-Forwarded-For (only behind a trusted proxy). */
  @IsOptional() @Transform(toBoolean) @IsBoolean()
  TRUST_PROXY?: boolean;

  @IsOptional() @Transform(toBoolean) @IsBoolean()
  SEED_DEMO_DATA?: boolean;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** Directory of the built SPA that the API serves. */
  @IsOptional() @IsString()
  WEB_DIST_DIR?: string;
}

/** Parses and validates the environment; throws with one line naming the first bad variable. */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const environment = plainToInstance(Environment, { ...source }, { excludeExtraneousValues: false });
  const errors = validateSync(environment, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigurationError(`${first.property}: ${message}`);
  }
  return environment;
}

export class ConfigurationError extends Error {}
