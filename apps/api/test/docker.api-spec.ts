import { getMetadataStorage } from 'class-validator';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { NOT_SPA_PATHS } from '../src/app.factory';
import { loadConfig, loadMigrationUrls } from '../src/config/app-config';
import { Environment } from '../src/config/environment';
import express from 'express';
import { securityHeaders } from '../src/common/http/security-headers';
import type { AppConfig } from '../src/config/app-config';

// No Docker engine runs the deployment files here: these checks hold them to the code they deploy.

const ROOT = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Service {
  build?: { dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  deploy?: { replicas: number };
  restart?: string;
}
const COMPOSE_TEXT = read('docker/compose.yaml');
const SERVICES = (parse(COMPOSE_TEXT, { merge: true }) as { services: Record<string, Service> }).services;

const ENV_EXAMPLE = Object.fromEntries(
  read('docker/.env.example')
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, name, value]) => [name, value]),
);

// Compose's interpolation: ${VAR}, ${VAR:-default} and ${VAR:?error} (empty counts as unset, as in compose).
function interpolate(value: string, variables: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_match, name: string, operator?: string, argument?: string) => {
    const given = variables[name];
    if (given) return given;
    if (operator === '?') throw new Error(`${name}: ${argument}`);
    return operator === '-' ? (argument ?? '') : '';
  });
}

/** A service's environment as its container sees it, with .env.example filled in like an operator would. */
function containerEnvironment(service: Service): Record<string, string> {
  const filled = {
    ...ENV_EXAMPLE,
    KEEL_OWNER_DB_PASSWORD: 'owner-secret',
    KEEL_APP_DB_PASSWORD: 'app-secret',
    JWT_PRIVATE_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, interpolate(String(value), filled)]));
}

/** The instructions of a Dockerfile, one per entry, without comments and line continuations. */
function dockerfileInstructions(path: string): string[] {
  return read(path)
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

// The build's output for a source file: tsconfig.app.json compiles from the repository root into dist/apps/api.
function sourceOfBuiltFile(builtPath: string): string {
  return builtPath.replace(/^dist\/apps\/api\//, '').replace(/\.js$/, '.ts');
}

describe('docker/: the deployment files agree with the code', () => {
  it('documents in .env.example exactly the variables compose.yaml reads', () => {
    const referenced = new Set([...COMPOSE_TEXT.matchAll(/\$\{([A-Z0-9_]+)/g)].map(([, name]) => name));
    expect([...referenced].sort()).toEqual(Object.keys(ENV_EXAMPLE).sort());
  });

  it('sets on the API containers only variables the API reads', () => {
    const known = new Set(getMetadataStorage().getTargetValidationMetadatas(Environment, '', true, false).map((metadata) => metadata.propertyName));
    for (const name of ['migrate', 'api']) {
      const unknown = Object.keys(SERVICES[name].environment ?? {}).filter((variable) => !known.has(variable));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
  });

  it('starts the API replicas in production with the application role only, Redis and no migration at start', () => {
    const environment = containerEnvironment(SERVICES.api);
    const config = loadConfig(environment);
    expect(config).toMatchObject({ mode: 'production', migrateOnStart: false, trustProxy: true, redisUrl: 'redis://redis:6379' });
    expect(new URL(config.databaseUrl!).username).toBe('keel_app');
    expect(Object.values(environment).join('\n')).not.toContain('owner-secret');
    expect(SERVICES.api.deploy?.replicas).toBe(2);
  });

  it("runs the build's migration entry once, as the owner, on the database the replicas use", () => {
    const migrate = SERVICES.migrate;
    const entry = migrate.command!.find((part) => part.endsWith('.js'))!;
    expect(existsSync(join(ROOT, sourceOfBuiltFile(entry)))).toBe(true);
    expect(sourceOfBuiltFile(entry)).toBe('apps/api/src/bin/migrate.ts');
    expect(migrate.restart).toBe('no');

    const urls = loadMigrationUrls(containerEnvironment(migrate));
    expect(new URL(urls.ownerUrl).username).toBe('keel_owner');
    expect(urls.appUrl).toBe(loadConfig(containerEnvironment(SERVICES.api)).databaseUrl);
  });

  it("starts the API image's own entry point", () => {
    const command = JSON.parse(dockerfileInstructions('docker/api.Dockerfile').findLast((line) => line.startsWith('CMD '))!.slice(4)) as string[];
    expect(sourceOfBuiltFile(command.at(-1)!)).toBe('apps/api/src/main.ts');
  });

  it('starts the replicas after a successful migration and healthy Redis, and nginx after healthy replicas', () => {
    expect(SERVICES.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(SERVICES.api.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' }, redis: { condition: 'service_healthy' } });
    expect(SERVICES.web.depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });

  it('gives every long-running service a health check, in compose or in its image, and the one-shot migration none', () => {
    for (const [name, service] of Object.entries(SERVICES)) {
      if (service.restart === 'no') continue;
      const inCompose = service.healthcheck?.test !== undefined && !service.healthcheck.disable;
      const inImage = service.build !== undefined && dockerfileInstructions(service.build.dockerfile).some((line) => line.startsWith('HEALTHCHECK '));
      expect({ service: name, healthChecked: inCompose || inImage }).toEqual({ service: name, healthChecked: true });
    }
    expect(SERVICES.migrate.healthcheck).toEqual({ disable: true });
  });

  it('builds both images from the same build stages, which BuildKit then runs once', () => {
    // The instructions from `FROM … AS npm` to the stage after `build`.
    const buildStages = (path: string) => {
      const instructions = dockerfileInstructions(path);
      const start = instructions.findIndex((line) => line.endsWith(' AS npm'));
      const end = instructions.findIndex((line, index) => index > start && line.startsWith('FROM ') && !line.endsWith(' AS build'));
      return instructions.slice(start, end);
    };
    expect(buildStages('docker/api.Dockerfile')).toContain('RUN npx nx run-many -t build -p api web --outputStyle=static');
    expect(buildStages('docker/web.Dockerfile')).toEqual(buildStages('docker/api.Dockerfile'));
  });

  it('has nginx forward to the API exactly the paths the API keeps from the SPA', () => {
    const nginxPattern = NOT_SPA_PATHS.source.replace(/\\\//g, '/');
    expect(read('docker/nginx/default.conf.template')).toContain(`location ~ ${nginxPattern} {`);
  });

  it('has nginx serve the console with the security headers the API sends', async () => {
    const nginxHeaders = Object.fromEntries(
      [...read('docker/nginx/keel-security-headers.conf').matchAll(/^add_header (\S+) "(.*)" always;$/gm)].map(([, name, value]) => [name.toLowerCase(), value]),
    );
    // The middleware the API mounts (app.factory.ts), in production as nginx serves: no need to boot a whole app.
    const server = express();
    server.use(...securityHeaders({ mode: 'production' } as AppConfig));
    server.get('/', (_request, response) => response.send('ok'));
    const response = await request(server).get('/').expect(200);
    const notSecurityHeaders = ['x-powered-by', 'x-request-id', 'content-type', 'content-length', 'etag', 'date', 'connection', 'keep-alive'];
    const apiHeaders = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !notSecurityHeaders.includes(name)));
    expect(nginxHeaders).toEqual(apiHeaders);
  });
});
