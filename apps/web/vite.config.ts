import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The API listens on 3000 in development; the SPA calls it on the same origin, so the dev server proxies.
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  root: fromHere('.'),
  // Keep Vite's and Vitest's caches with the workspace's node_modules, not in apps/web.
  cacheDir: fromHere('../../node_modules/.vite/web'),
  plugins: [react()],
  resolve: {
    alias: {
      '@keel/api-client': fromHere('../../libs/api-client/src/index.ts'),
      '@keel/shared': fromHere('../../libs/shared/src/index.ts'),
    },
  },
  server: {
    port: 4200,
    proxy: { '/api': apiTarget, '/health': apiTarget, '/.well-known': apiTarget },
  },
  build: {
    outDir: fromHere('../../dist/apps/web'),
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
