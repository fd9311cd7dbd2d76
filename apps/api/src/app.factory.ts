import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { corsOptions, securityHeaders } from './common/http/security-headers';
import { assertRoutesAreDeclared } from './common/routes/route-declarations';
import type { AppConfig } from './config/app-config';
import type { DatabaseUrls } from './database/database-urls';
import { buildOpenApiDocument } from './openapi';

export const API_PREFIX = 'api/v1';
export const UNPREFIXED_ROUTES = ['health/live', 'health/ready', 'metrics', '.well-known/jwks.json', '.well-known/keel-audit-keys.json'];
// Paths the API answers itself, never with the SPA; a proxy in front (docker/nginx) forwards exactly these.
export const NOT_SPA_PATHS = /^\/(api|health|metrics|\.well-known)(\/|$)/;

/**
 * Builds the configured application (not yet listening): used by main.ts and by the API tests alike.
 * The log goes to stdout unless `logDestination` is given (tests read it).
 */
export async function createApp(config: AppConfig, databaseUrls: DatabaseUrls, logDestination?: DestinationStream): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrls, logDestination), { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(...securityHeaders(config));
  const cors = corsOptions(config);
  if (cors) app.enableCors(cors);
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  // A request without a JSON body validates as an empty object: a DTO's required fields then name themselves.
  app.use((request: Request, _response: Response, next: NextFunction) => {
    request.body ??= {};
    next();
  });
  applyRoutePrefix(app);
  serveWebConsole(app, config);

  assertRoutesAreDeclared(app);
  // Registered before init(): Nest adds its not-found handler at init.
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'Keel API' });
  await app.init();
  return app;
}

/** `/api/v1` for every route but the operational ones (health, metrics, JWKS). */
export function applyRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
}

// The built SPA is served from the same origin; unknown non-API paths fall back to index.html (client-side routes).
function serveWebConsole(app: INestApplication, config: AppConfig): void {
  const indexFile = join(config.webDistDir, 'index.html');
  if (!existsSync(indexFile)) return;
  const staticFiles = express.static(config.webDistDir, {
    index: false,
    // Hashed assets never change; index.html must be revalidated so that a deploy takes effect.
    setHeaders: (response, path) => response.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
  });
  // API calls never look for a file on disk (a stat per request otherwise).
  app.use((request: Request, response: Response, next: NextFunction) => (NOT_SPA_PATHS.test(request.path) ? next() : staticFiles(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const readsPage = request.method === 'GET' || request.method === 'HEAD';
    if (!readsPage || NOT_SPA_PATHS.test(request.path) || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}
