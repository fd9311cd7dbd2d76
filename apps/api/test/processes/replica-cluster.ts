import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../src/database/embedded-postgres';
import { SmtpCapture } from '../support/smtp-capture';
import { testEnvironment } from '../support/test-environment';

export const REDIS_SERVER = '/usr/bin/redis-server';
const API_ENTRY = resolve(__dirname, '../../../../dist/apps/api/apps/api/src/main.js');
const START_TIMEOUT_MILLISECONDS = 90_000;
const STOP_TIMEOUT_MILLISECONDS = 15_000;

/** The bootstrap super_admin both replicas create (once, under the bootstrap lock) on the empty database. */
export const BOOTSTRAP_ADMIN = { email: 'admin@replicas.test', password: 'replica suite admin passphrase' } as const;

export interface Replica {
  name: 'A' | 'B';
  /** Base URL, for supertest's request(). */
  url: string;
}

export interface ReplicaCluster {
  replicas: [Replica, Replica];
  smtp: SmtpCapture;
  stop(): Promise<void>;
}

interface RunningProcess {
  child: ChildProcess;
  logFile: string;
}

/**
 * Keel as it runs behind a load balancer: two processes of the BUILT API on one PostgreSQL (the
 * test database of globalSetup) and one real Redis, sending mail to an in-process SMTP server.
 * Both replicas start at once, so migrations and bootstrap also run concurrently (SPEC §10).
 */
export async function startReplicaCluster(): Promise<ReplicaCluster> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`The replica tests need Redis and ${REDIS_SERVER} was not found: install it with \`sudo apt-get update && sudo apt-get install -y redis-server\` (Debian/Ubuntu).`);
  }
  if (!existsSync(API_ENTRY)) throw new Error(`The replica tests run the built API (${API_ENTRY} is missing): run \`npx nx run api:build\` first.`);

  const directory = mkdtempSync(join(tmpdir(), 'keel-replicas-'));
  chmodSync(directory, 0o755);
  const processes: RunningProcess[] = [];
  const smtp = await SmtpCapture.onFreePort();
  const stop = async () => {
    await Promise.all(processes.map(stopProcess));
    await smtp.stop();
    rmSync(directory, { recursive: true, force: true });
  };

  try {
    await smtp.start();
    const redisPort = await findFreePort();
    const redis = startProcess(REDIS_SERVER, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory], join(directory, 'redis.log'));
    processes.push(redis);
    await waitFor(() => readFileSync(redis.logFile, 'utf8').includes('Ready to accept connections'), redis, 'Redis');

    const replicas = await Promise.all(
      (['A', 'B'] as const).map(async (name) => {
        const port = await findFreePort();
        const environment = testEnvironment({
          // As in production: the sealer and the job workers run as they would there, mail goes over SMTP.
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          REDIS_URL: `redis://127.0.0.1:${redisPort}`,
          SMTP_URL: smtp.url,
          BOOTSTRAP_ADMIN_EMAIL: BOOTSTRAP_ADMIN.email,
          BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP_ADMIN.password,
          STAFF_REQUIRE_2FA: 'true',
          LOG_LEVEL: 'warn',
        });
        const api = startProcess(process.execPath, ['--enable-source-maps', API_ENTRY], join(directory, `replica-${name}.log`), environment);
        processes.push(api);
        const url = `http://127.0.0.1:${port}`;
        await waitFor(async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.ok === true, api, `Replica ${name}`);
        return { name, url };
      }),
    );
    return { replicas: replicas as [Replica, Replica], smtp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startProcess(command: string, args: string[], logFile: string, environment?: Record<string, string | undefined>): RunningProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { env: environment, stdio: ['ignore', log, log] });
  return { child, logFile };
}

async function waitFor(ready: () => boolean | Promise<boolean>, running: RunningProcess, name: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MILLISECONDS;
  while (!(await ready())) {
    if (running.child.exitCode !== null || Date.now() > deadline) {
      const reason = running.child.exitCode !== null ? `exited with ${running.child.exitCode}` : `was not ready within ${START_TIMEOUT_MILLISECONDS} ms`;
      throw new Error(`${name} ${reason}; its log ends with:\n${readFileSync(running.logFile, 'utf8').slice(-4_000)}`);
    }
    await new Promise((wake) => setTimeout(wake, 200));
  }
}

// SIGTERM lets the API finish its requests and stop its job workers; a process that hangs is killed.
async function stopProcess({ child }: RunningProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MILLISECONDS);
  await exited;
  clearTimeout(timer);
}
