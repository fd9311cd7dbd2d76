import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { generateSync } from '../support/totp';

export const sleep = (milliseconds: number) => new Promise((wake) => setTimeout(wake, Math.max(0, milliseconds)));

/** Polls `check` every 200 ms until it returns a value (or fails after `timeoutMilliseconds`). */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMilliseconds = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMilliseconds;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** Runs the tasks with at most `limit` in flight; results in task order. */
export async function inParallel<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

export interface ReceivedEvent {
  id: string;
  type: string;
  data: { id?: string; created_at?: string; organization?: { id: string } };
}

/**
 * A loopback webhook receiver that keeps every event it is sent and answers 200. While `hold(true)`,
 * it reads requests and never answers them, as a receiver that hangs would; their events go to `held`.
 */
export async function startWebhookReceiver() {
  const events: ReceivedEvent[] = [];
  const held: ReceivedEvent[] = [];
  let holding = false;
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedEvent;
      if (holding) {
        held.push(event);
        return;
      }
      events.push(event);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keel-events`,
    events,
    held,
    hold: (on: boolean) => {
      holding = on;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Staff sign-in with TOTP enrollment (STAFF_REQUIRE_2FA); the session has just passed MFA, so minting needs no further code. */
export async function signInStaff(url: string, email: string, password: string, clientIp: string): Promise<string> {
  const login = await request(url).post('/api/v1/platform/auth/login').set('X-Forwarded-For', clientIp).send({ email, password }).expect(200);
  expect(login.body.mfa_enrollment_required).toBe(true);
  const enrollment = await request(url).post('/api/v1/platform/auth/mfa/enroll').send({ mfa_token: login.body.mfa_token }).expect(200);
  const code = generateSync({ secret: enrollment.body.secret, epoch: Math.floor(Date.now() / 1000) });
  const verified = await request(url).post('/api/v1/platform/auth/mfa/verify').send({ mfa_token: login.body.mfa_token, code }).expect(200);
  return verified.body.access_token;
}
