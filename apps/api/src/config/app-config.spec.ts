import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, loadMigrationUrls } from './app-config';
import { ConfigurationError } from './environment';

const JWT_PRIVATE_KEY = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64');
const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://keel:secret@db.internal:5432/keel',
  SMTP_URL: 'smtp://mail.internal:587',
  JWT_PRIVATE_KEY,
  DATA_ENCRYPTION_KEY,
  AUDIT_SIGNING_KEY,
};

/** The error loadConfig throws for `env`, or a failure if it throws none or another kind. */
function configurationErrorFor(env: Record<string, string | undefined>): ConfigurationError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(Object.keys(env))}`);
}

describe('loadConfig', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'keel-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs in demo mode by default, seeding demo data on port 3000', () => {
    const config = loadConfig({ KEEL_DATA_DIR: dataDir });
    expect(config.mode).toBe('demo');
    expect(config.seedDemoData).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.usesOutbox).toBe(true);
  });

  it('keeps demo mode with SMTP_URL set, but sends real mail then', () => {
    const config = loadConfig({ KEEL_DATA_DIR: dataDir, SMTP_URL: 'smtp://localhost:2525' });
    expect(config.mode).toBe('demo');
    expect(config.usesOutbox).toBe(false);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://keel@localhost/keel'],
    ['DATABASE_URL', 'not a url'],
    ['SMTP_URL', 'http://mail.example.com'],
    ['DATA_ENCRYPTION_KEY', 'too-short'],
    ['DATA_ENCRYPTION_KEY', 'AAAAAAAAAAAAAAAAAAAAAA=='], // 16 bytes, not 32
    ['JWT_PRIVATE_KEY', 'not a pem'],
    ['AUDIT_SIGNING_KEY', 'not a pem'],
    ['AUDIT_SIGNING_KEY', JWT_PRIVATE_KEY], // an EC key, not Ed25519
    ['AUDIT_PREVIOUS_PUBLIC_KEYS', AUDIT_SIGNING_KEY], // a private key where only public halves belong
    ['STAFF_REQUIRE_2FA', 'maybe'],
    ['MIGRATE_ON_START', 'sometimes'],
    ['NODE_ENV', 'staging'],
  ])('refuses %s=%s with an error that names the variable first', (name, value) => {
    const error = configurationErrorFor({ KEEL_DATA_DIR: dataDir, JWT_PRIVATE_KEY, DATA_ENCRYPTION_KEY, [name]: value });
    expect(error.message.startsWith(`${name}:`)).toBe(true);
  });

  it('accepts postgres and postgresql URLs, and smtp and smtps URLs', () => {
    const config = loadConfig({ ...PRODUCTION, DATABASE_URL: 'postgresql://keel@db/keel', SMTP_URL: 'smtps://user:pass@mail.example.com:465' });
    expect(config.databaseUrl).toBe('postgresql://keel@db/keel');
    expect(config.smtpUrl).toBe('smtps://user:pass@mail.example.com:465');
  });

  it.each(['DATABASE_URL', 'SMTP_URL', 'JWT_PRIVATE_KEY', 'DATA_ENCRYPTION_KEY', 'AUDIT_SIGNING_KEY'] as const)('refuses production without %s, naming it', (missing) => {
    const error = configurationErrorFor({ ...PRODUCTION, KEEL_DATA_DIR: dataDir, [missing]: undefined });
    expect(error.message.startsWith(`${missing}:`)).toBe(true);
    // Production never falls back to generated demo keys.
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('starts production with everything set, seeding nothing even when asked', () => {
    const config = loadConfig({ ...PRODUCTION, SEED_DEMO_DATA: 'true' });
    expect(config.mode).toBe('production');
    expect(config.seedDemoData).toBe(false);
    expect(config.usesOutbox).toBe(false);
    expect(config.dataEncryptionKey).toEqual(Buffer.from(DATA_ENCRYPTION_KEY, 'base64'));
  });

  it('refuses production with only one of BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD', () => {
    expect(configurationErrorFor({ ...PRODUCTION, BOOTSTRAP_ADMIN_EMAIL: 'root@example.com' }).message).toMatch(/^BOOTSTRAP_ADMIN_/);
  });

  it('meters tenant API calls unless METERING_ENABLED=false, and refuses anything but a boolean', () => {
    expect(loadConfig({ KEEL_DATA_DIR: dataDir }).meteringEnabled).toBe(true);
    expect(loadConfig({ KEEL_DATA_DIR: dataDir, METERING_ENABLED: 'false' }).meteringEnabled).toBe(false);
    expect(configurationErrorFor({ KEEL_DATA_DIR: dataDir, METERING_ENABLED: 'sometimes' }).message).toMatch(/^METERING_ENABLED/);
  });

  it('requires staff 2FA by default and accepts STAFF_REQUIRE_2FA=false', () => {
    expect(loadConfig({ KEEL_DATA_DIR: dataDir }).staffRequire2fa).toBe(true);
    expect(loadConfig({ KEEL_DATA_DIR: dataDir, STAFF_REQUIRE_2FA: 'true' }).staffRequire2fa).toBe(true);
    expect(loadConfig({ KEEL_DATA_DIR: dataDir, STAFF_REQUIRE_2FA: 'false' }).staffRequire2fa).toBe(false);
  });

  it('migrates at start by default, in demo mode and in production', () => {
    expect(loadConfig({ KEEL_DATA_DIR: dataDir }).migrateOnStart).toBe(true);
    expect(loadConfig(PRODUCTION).migrateOnStart).toBe(true);
  });

  it('starts production without migrating and without owner credentials when MIGRATE_ON_START=false', () => {
    const config = loadConfig({ ...PRODUCTION, MIGRATE_ON_START: 'false' });
    expect(config.migrateOnStart).toBe(false);
    expect(config.databaseUrl).toBe(PRODUCTION.DATABASE_URL);
  });

  it('refuses MIGRATE_ON_START=false on the embedded database, which nothing else would migrate', () => {
    expect(configurationErrorFor({ KEEL_DATA_DIR: dataDir, MIGRATE_ON_START: 'false' }).message).toMatch(/^MIGRATE_ON_START: .*DATABASE_URL/);
  });

  it('gives the one-shot migration both connections, without the keys and SMTP that production needs to serve', () => {
    const ownerUrl = 'postgres://keel_owner:secret@db.internal:5432/keel';
    const urls = loadMigrationUrls({ NODE_ENV: 'production', DATABASE_URL: PRODUCTION.DATABASE_URL, MIGRATION_DATABASE_URL: ownerUrl });
    expect(urls).toEqual({ appUrl: PRODUCTION.DATABASE_URL, ownerUrl, jobSchema: 'pgboss' });
  });

  it('puts the job queue in JOB_SCHEMA, for the API and its migration alike, and refuses a name that is not a plain identifier', () => {
    expect(loadConfig({ KEEL_DATA_DIR: dataDir, JOB_SCHEMA: 'keel_jobs' }).jobSchema).toBe('keel_jobs');
    expect(loadMigrationUrls({ DATABASE_URL: PRODUCTION.DATABASE_URL, JOB_SCHEMA: 'keel_jobs' }).jobSchema).toBe('keel_jobs');
    for (const unsafe of ['pgboss; DROP TABLE users', 'Jobs', '1jobs']) {
      expect(configurationErrorFor({ KEEL_DATA_DIR: dataDir, JOB_SCHEMA: unsafe }).message).toMatch(/^JOB_SCHEMA: .*identifier/);
    }
  });

  it('migrates as the application role when no MIGRATION_DATABASE_URL is given', () => {
    expect(loadMigrationUrls({ DATABASE_URL: PRODUCTION.DATABASE_URL }).ownerUrl).toBe(PRODUCTION.DATABASE_URL);
  });

  it('refuses to migrate without DATABASE_URL, or with a malformed owner URL, naming the variable', () => {
    const missing = () => loadMigrationUrls({ MIGRATION_DATABASE_URL: PRODUCTION.DATABASE_URL });
    expect(missing).toThrow(ConfigurationError);
    expect(missing).toThrow(/^DATABASE_URL: /);
    expect(() => loadMigrationUrls({ DATABASE_URL: PRODUCTION.DATABASE_URL, MIGRATION_DATABASE_URL: 'mysql://root@db/keel' })).toThrow(/^MIGRATION_DATABASE_URL: /);
  });

  it('generates demo keys once into KEEL_DATA_DIR/secrets.json (mode 0600) and reuses them on the next start', () => {
    const first = loadConfig({ KEEL_DATA_DIR: dataDir });
    const file = join(dataDir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.jwtPrivateKeyPem).toMatch(/-----BEGIN PRIVATE KEY-----/);
    expect(first.dataEncryptionKey).toHaveLength(32);

    const second = loadConfig({ KEEL_DATA_DIR: dataDir });
    expect(second.jwtPrivateKeyPem).toBe(first.jwtPrivateKeyPem);
    expect(first.auditSigningKey.asymmetricKeyType).toBe('ed25519');
    expect(second.auditSigningKey.export({ format: 'pem', type: 'pkcs8' })).toBe(first.auditSigningKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(second.dataEncryptionKey.equals(first.dataEncryptionKey)).toBe(true);

    // Another data directory is another installation, with keys of its own.
    const elsewhere = mkdtempSync(join(tmpdir(), 'keel-config-'));
    try {
      expect(loadConfig({ KEEL_DATA_DIR: elsewhere }).jwtPrivateKeyPem).not.toBe(first.jwtPrivateKeyPem);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  describe('CORS_ORIGINS', () => {
    it('allows no cross-origin caller when unset or empty', () => {
      expect(loadConfig({ KEEL_DATA_DIR: dataDir }).corsOrigins).toEqual([]);
      expect(loadConfig({ KEEL_DATA_DIR: dataDir, CORS_ORIGINS: ' ' }).corsOrigins).toEqual([]);
    });

    it('reads a comma-separated list of exact origins, as browsers spell them', () => {
      const config = loadConfig({ KEEL_DATA_DIR: dataDir, CORS_ORIGINS: 'https://console.example.com, http://localhost:5173,https://Admin.Example.com' });
      expect(config.corsOrigins).toEqual(['https://console.example.com', 'http://localhost:5173', 'https://admin.example.com']);
    });

    it.each([
      ['https://console.example.com/', /did you mean https:\/\/console\.example\.com\?/],
      ['https://console.example.com/app', /did you mean https:\/\/console\.example\.com\?/],
      ['https://console.example.com?x=1', /no path/],
      ['https://console.example.com:443', /did you mean https:\/\/console\.example\.com\?/],
      ['*', /is not an http\(s\) origin/],
      ['console.example.com', /is not an http\(s\) origin/],
      ['ftp://files.example.com', /is not an http\(s\) origin/],
      ['null', /is not an http\(s\) origin/],
    ])('refuses %s at boot, naming CORS_ORIGINS', (value, explanation) => {
      const error = configurationErrorFor({ KEEL_DATA_DIR: dataDir, CORS_ORIGINS: `https://ok.example.com,${value}` });
      expect(error.message.startsWith('CORS_ORIGINS:')).toBe(true);
      expect(error.message).toMatch(explanation);
    });
  });

  describe('JWT_PREVIOUS_PUBLIC_KEYS', () => {
    const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicPem = (pair: ReturnType<typeof keyPair>) => pair.publicKey.export({ format: 'pem', type: 'spki' }).toString();

    it('reads one or more PEM public keys, in demo mode and in production', () => {
      const first = keyPair();
      const second = keyPair();
      const demo = loadConfig({ KEEL_DATA_DIR: dataDir, JWT_PREVIOUS_PUBLIC_KEYS: publicPem(first) });
      expect(demo.jwtPreviousPublicKeys.map((key) => key.export({ format: 'jwk' }))).toEqual([first.publicKey.export({ format: 'jwk' })]);
      const production = loadConfig({ ...PRODUCTION, JWT_PREVIOUS_PUBLIC_KEYS: `${publicPem(first)}\n${publicPem(second)}` });
      expect(production.jwtPreviousPublicKeys).toHaveLength(2);
      expect(production.jwtPreviousPublicKeys[1].export({ format: 'jwk' })).toEqual(second.publicKey.export({ format: 'jwk' }));
      expect(loadConfig({ ...PRODUCTION }).jwtPreviousPublicKeys).toEqual([]);
    });

    it.each([
      ['a private key', () => JWT_PRIVATE_KEY, /private key; give its public half/],
      ['an RSA key', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' }).toString(), /key 1 is not an EC P-256 public key/],
      ['another curve', () => generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'pem', type: 'spki' }).toString(), /key 1 is not an EC P-256 public key/],
      ['a damaged key', () => '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', /key 1 is not an EC P-256 public key/],
      ['text beside the key', () => `${publicPem(keyPair())}\nand more`, /text outside/],
      ['no PEM at all', () => 'not a key', /PEM-encoded/],
    ])('refuses %s at boot, naming the variable', (_case, value, explanation) => {
      const error = configurationErrorFor({ ...PRODUCTION, JWT_PREVIOUS_PUBLIC_KEYS: value() });
      expect(error.message.startsWith('JWT_PREVIOUS_PUBLIC_KEYS:')).toBe(true);
      expect(error.message).toMatch(explanation);
    });
  });

  it('writes no secrets file in demo mode when all three keys are given', () => {
    const config = loadConfig({ KEEL_DATA_DIR: dataDir, JWT_PRIVATE_KEY, DATA_ENCRYPTION_KEY, AUDIT_SIGNING_KEY });
    expect(config.jwtPrivateKeyPem).toBe(JWT_PRIVATE_KEY);
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
  });
});
