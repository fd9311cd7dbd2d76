#!/usr/bin/env node
// `npm run bench:web`: the JavaScript a browser must download before the sign-in page can run —
// the entry script of dist/apps/web/index.html and every chunk it modulepreloads — gzipped,
// against the budget. Builds the console first when there is no build (or with --build).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KILOBYTES = 250;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webDist = join(root, 'dist/apps/web');
const indexHtml = join(webDist, 'index.html');

if (process.argv.includes('--build') || !existsSync(indexHtml)) {
  const build = spawnSync('npx', ['nx', 'run', 'web:build', '--outputStyle=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const html = readFileSync(indexHtml, 'utf8');
// Every route of the SPA is served this same index.html: what it loads up front is what the sign-in page loads.
const entryScripts = [...html.matchAll(/<script\b[^>]*type="module"[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
const preloads = [...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]);
const files = [...new Set([...entryScripts, ...preloads])];
if (entryScripts.length === 0) {
  console.error(`No module entry script in ${indexHtml}`);
  process.exit(1);
}

const kilobytes = (bytes) => bytes / 1024;
const rows = files.map((file) => {
  const content = readFileSync(join(webDist, file.replace(/^\//, '')));
  return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
});
const total = rows.reduce((sum, row) => sum + row.gzip, 0);

console.log('Initial JavaScript of the sign-in page (dist/apps/web/index.html):');
for (const row of rows) console.log(`  ${row.file.padEnd(48)} ${kilobytes(row.raw).toFixed(1).padStart(8)} KB  ${kilobytes(row.gzip).toFixed(1).padStart(7)} KB gzip`);
const verdict = kilobytes(total) <= BUDGET_KILOBYTES ? 'PASS' : 'FAIL';
console.log(`${verdict}: ${kilobytes(total).toFixed(1)} KB gzip of ${BUDGET_KILOBYTES} KB budget`);
process.exit(verdict === 'PASS' ? 0 : 1);
