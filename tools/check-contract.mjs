#!/usr/bin/env node
// Regenerates the OpenAPI document and the typed client from the built API and fails when they differ
// from what is committed: the client in libs/api-client must always describe the API as it is.
import { spawnSync } from 'node:child_process';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;

if (!run('npx', ['nx', 'run', 'api-client:generate', '--outputStyle=static', '--skip-nx-cache'])) process.exit(1);
const diff = spawnSync('git', ['status', '--porcelain', '--', 'libs/api-client'], { encoding: 'utf8' });
if (diff.stdout.trim()) {
  console.error(`The generated client differs from the committed one:\n${diff.stdout}\nRun \`npm run generate:client\` and commit libs/api-client.`);
  spawnSync('git', ['--no-pager', 'diff', '--stat', '--', 'libs/api-client'], { stdio: 'inherit' });
  process.exit(1);
}
console.log('libs/api-client matches the API.');
