import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { applyRoutePrefix } from '../app.factory';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { DatabaseUrls } from '../database/database-urls';
import { buildOpenApiDocument } from '../openapi';

/**
 * Writes the OpenAPI document without a database: the application graph is built in preview mode,
 * which reads the routes and DTOs but instantiates no provider.
 */
async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? 'libs/api-client/openapi.json');
  const config = loadConfig({ NODE_ENV: 'development', KEEL_DATA_DIR: resolve('.keel/openapi'), LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.forRoot(config, new DatabaseUrls('postgres://preview@localhost/preview', 'postgres://preview@localhost/preview')), {
    preview: true,
    logger: false,
  });
  applyRoutePrefix(app);
  const document = buildOpenApiDocument(app);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`OpenAPI document written to ${output} (${Object.keys(document.paths).length} paths)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
