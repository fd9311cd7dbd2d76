import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../src/database/embedded-postgres';

export const REDIS_SERVER = '/usr/bin/redis-server';
const API_ENTRY = resolve(__dirname, '../../../../dist/apps/api/apps/api/src/main.js');
const START_TIMEOUT_MILLISECONDS = 90_000;
const STOP_TIMEOUT_MILLISECONDS = 15_000;

export interface RunningProcess {
  child: ChildProcess;
  logFile: string;
}

/**
 * One process of the BUILT API (`npx nx run api:build` first) on a fixed port, which can be killed and
 * started again on the same port with the same settings, as an orchestrator restarts a container.
 */
export class ApiProcess {
  private running?: RunningProcess;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly environment: Record<string, string | undefined>,
    private readonly logFile: string,
  ) {}

  /** `environment` is the whole environment of the process (see testEnvironment); PORT and HOST are set here. */
  static async onFreePort(name: string, environment: Record<string, string | undefined>, directory: string): Promise<ApiProcess> {
    if (!existsSync(API_ENTRY)) throw new Error(`The process tests run the built API (${API_ENTRY} is missing): run \`npx nx run api:build\` first.`);
    const port = await findFreePort();
    return new ApiProcess(name, port, { ...environment, HOST: '127.0.0.1', PORT: String(port) }, join(directory, `api-${name}.log`));
  }

  /** Base URL, for supertest's request(). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until it answers ready. */
  async start(): Promise<void> {
    this.running = startProcess(process.execPath, ['--enable-source-maps', API_ENTRY], this.logFile, this.environment);
    await waitFor(async () => (await fetch(`${this.url}/health/ready`).catch(() => undefined))?.ok === true, this.running, `API ${this.name}`);
  }

  /** Sends `signal` and resolves with the exit code once the process has exited (null when a signal ended it). */
  async kill(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.running?.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }

  /** The process's log so far (for failure messages). */
  log(): string {
    return readFileSync(this.logFile, 'utf8');
  }

  stop(): Promise<void> {
    return this.running ? stopProcess(this.running) : Promise.resolve();
  }
}

/** A throw-away Redis (Debian's redis-server) on a free port, keeping nothing on disk. */
export async function startRedis(directory: string): Promise<{ url: string; process: RunningProcess }> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`These tests need Redis and ${REDIS_SERVER} was not found: install it with \`sudo apt-get update && sudo apt-get install -y redis-server\` (Debian/Ubuntu).`);
  }
  const port = await findFreePort();
  const redis = startProcess(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', directory], join(directory, 'redis.log'));
  await waitFor(() => readFileSync(redis.logFile, 'utf8').includes('Ready to accept connections'), redis, 'Redis');
  return { url: `redis://127.0.0.1:${port}`, process: redis };
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

// SIGTERM lets the process finish its work; one that hangs is killed.
export async function stopProcess({ child }: RunningProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MILLISECONDS);
  await exited;
  clearTimeout(timer);
}
