import { Controller, Get, Module, Post, type INestApplication, type Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { PlatformAccess, Public } from '../src/common/decorators/access.decorator';
import { Audit, NoAudit } from '../src/common/decorators/audit.decorator';
import { assertRoutesAreDeclared, listRouteDeclarations } from '../src/common/routes/route-declarations';
import { startTestApp, type TestApp } from './support/test-app';

describe('route permissions', () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp();
  });
  afterAll(() => test.close());

  // Any change of who may call a route, or of what it audits, shows up in review as a change of this snapshot.
  // After an intended change: npx jest -c apps/api/jest.api.config.cjs apps/api/test/route-permissions.api-spec.ts -u
  it('matches the reviewed list of every route with its access rule and audit action', () => {
    // One line per route, so that a diff names the route whose rule changed.
    const routes = listRouteDeclarations(test.app).map(
      ({ method, path, access, audit, auditOptOut, supportSession, noApiKeys, noIdempotency }) =>
        `${method} ${path} | access: ${access} | audit: ${audit ?? '-'} | auditOptOut: ${auditOptOut ?? '-'}` +
        `${supportSession ? ` | support session: ${supportSession}` : ''}${noApiKeys ? ' | api keys: never' : ''}${noIdempotency && method === 'POST' ? ' | idempotency key: refused' : ''}`,
    );
    expect(routes).toMatchSnapshot();
  });
});

describe('the boot check of route declarations', () => {
  // A tiny application with only the given controllers; `@nestjs/testing` is not a dependency, and NestFactory builds the same container.
  async function tinyApp(...controllers: Type<unknown>[]): Promise<INestApplication> {
    @Module({ imports: [DiscoveryModule], controllers })
    class TinyModule {}
    return NestFactory.create(TinyModule, { logger: false });
  }

  @Controller('tiny/declared')
  class DeclaredController {
    @Get()
    @PlatformAccess('super_admin')
    list(): string[] {
      return [];
    }

    @Post()
    @PlatformAccess('super_admin')
    @Audit('tiny.created')
    create(): void {}

    @Post('ping')
    @Public()
    @NoAudit('changes nothing')
    ping(): void {}
  }

  @Controller('tiny/unaudited')
  class UnauditedController {
    @Post()
    @PlatformAccess('super_admin')
    create(): void {}
  }

  @Controller('tiny/unguarded')
  class UnguardedController {
    @Get(':id')
    read(): string {
      return 'open to anyone?';
    }
  }

  it('accepts routes that say who may call them and what mutations audit', async () => {
    const app = await tinyApp(DeclaredController);
    try {
      expect(() => assertRoutesAreDeclared(app)).not.toThrow();
    } finally {
      await app.close();
    }
  });

  it('names a POST route without @Audit or @NoAudit', async () => {
    const app = await tinyApp(DeclaredController, UnauditedController);
    try {
      expect(() => assertRoutesAreDeclared(app)).toThrow('POST /tiny/unaudited (UnauditedController.create) lacks @Audit(...) or @NoAudit(reason)');
    } finally {
      await app.close();
    }
  });

  it('names a route with neither @Public() nor a realm access decorator', async () => {
    const app = await tinyApp(DeclaredController, UnguardedController);
    try {
      expect(() => assertRoutesAreDeclared(app)).toThrow('GET /tiny/unguarded/:id (UnguardedController.read) has neither @Public() nor a realm access decorator');
    } finally {
      await app.close();
    }
  });

  it('names every undeclared route at once', async () => {
    const app = await tinyApp(UnauditedController, UnguardedController);
    try {
      let message = '';
      try {
        assertRoutesAreDeclared(app);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('POST /tiny/unaudited');
      expect(message).toContain('GET /tiny/unguarded/:id');
    } finally {
      await app.close();
    }
  });
});
