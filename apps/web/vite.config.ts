import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// The SPA calls the API on its own origin, so the dev server proxies to it (`npm run dev` sets KEEL_API_URL).
const apiTarget = process.env.KEEL_API_URL ?? 'http://localhost:3000';

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
    // Whole-page tests type into several fields; a busy 2-core CI machine needs more than the default 5 s.
    testTimeout: 15_000,
    unstubGlobals: true,
  },
});
