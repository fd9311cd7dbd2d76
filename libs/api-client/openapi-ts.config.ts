import { defineConfig } from '@hey-api/openapi-ts';

// Paths are relative to this file so the generator gives the same output from any working directory.
const here = (path: string): string => new URL(path, import.meta.url).pathname;

export default defineConfig({
  input: here('./openapi.json'),
  output: {
    path: here('./src'),
    // The web bundler resolves extension-less imports; the library's own tsconfig says so.
    tsConfigPath: here('./tsconfig.json'),
  },
  logs: { file: false },
  plugins: [
    // Re-exported from the entry file so the web app imports everything from `@keel/api-client`.
    { name: '@hey-api/client-fetch', includeInEntry: true },
    '@hey-api/typescript',
    '@hey-api/sdk',
    { name: '@tanstack/react-query', includeInEntry: true },
  ],
});
