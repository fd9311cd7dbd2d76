import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SmtpCapture } from '../support/smtp-capture';
import { testEnvironment } from '../support/test-environment';
import { ApiProcess, startRedis, stopProcess, type RunningProcess } from './api-process';

/** The bootstrap super_admin both replicas create (once, under the bootstrap lock) on the empty database. */
export const BOOTSTRAP_ADMIN = { email: 'admin@replicas.test', password: 'replica suite admin passphrase' } as const;

export type Replica = ApiProcess;

export interface ReplicaCluster {
  replicas: [Replica, Replica];
  smtp: SmtpCapture;
  stop(): Promise<void>;
}

/**
 * Keel as it runs behind a load balancer: two processes of the BUILT API on one PostgreSQL (the
 * test database of globalSetup) and one real Redis, sending mail to an in-process SMTP server.
 * Both replicas start at once, so migrations and bootstrap also run concurrently (SPEC §10).
 */
export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const directory = mkdtempSync(join(tmpdir(), 'keel-replicas-'));
  chmodSync(directory, 0o755);
  const replicas: ApiProcess[] = [];
  let redis: RunningProcess | undefined;
  const smtp = await SmtpCapture.onFreePort();
  const stop = async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    if (redis) await stopProcess(redis);
    await smtp.stop();
    rmSync(directory, { recursive: true, force: true });
  };

  try {
    await smtp.start();
    const started = await startRedis(directory);
    redis = started.process;
    for (const name of ['A', 'B']) {
      const environment = testEnvironment({
        // As in production: the sealer and the job workers run as they would there, mail goes over SMTP.
        NODE_ENV: 'production',
        REDIS_URL: started.url,
        SMTP_URL: smtp.url,
        BOOTSTRAP_ADMIN_EMAIL: BOOTSTRAP_ADMIN.email,
        BOOTSTRAP_ADMIN_PASSWORD: BOOTSTRAP_ADMIN.password,
        STAFF_REQUIRE_2FA: 'true',
        LOG_LEVEL: 'warn',
      });
      replicas.push(await ApiProcess.onFreePort(name, environment, directory));
    }
    await Promise.all(replicas.map((replica) => replica.start()));
    return { replicas: replicas as [Replica, Replica], smtp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
