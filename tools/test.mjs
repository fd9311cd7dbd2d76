#!/usr/bin/env node
// `npm test`: every check Keel has, in the order a failure is cheapest to find, then one closing line
// with the number of tests passed and failed across all runners.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, 'tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: process.env.CI ? '0' : '1' };
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const redisServer = '/usr/bin/redis-server';

const totals = { passed: 0, failed: 0 };
const failedSteps = [];

function run(title, command, args, options = {}) {
  console.log(`\n━━ ${title}\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...options.env }, stdio: 'inherit' });
  if (options.report) count(options.report);
  if (result.status !== 0) {
    failedSteps.push(title);
    if (!options.report) totals.failed += 1;
  }
  return result.status === 0;
}

// Jest, Vitest and Playwright each leave a JSON report; their counts make the closing line, and the names of
// what failed are repeated at the very end, where a CI log's tail shows them.
const failures = [];
function count(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (report.stats) {
    totals.passed += report.stats.expected ?? 0;
    totals.failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
  } else {
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
  }
  failures.push(...failedNames(report));
}

/** The first line of a failure that says something (Jest heads a suite's failure with "● Test suite failed to run"). */
const firstLine = (text) =>
  (String(text ?? '')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('●')) ?? '').slice(0, 300);

/** What failed in one report: Jest/Vitest tests and suites, Playwright tests, soak checks. */
function failedNames(report) {
  if (report.checks) return report.checks.filter((check) => !check.pass).map((check) => `soak: ${check.name}: ${check.detail}`);
  if (report.suites) {
    const names = [];
    const walk = (suite, path) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          if (test.status === 'unexpected' || test.status === 'flaky') names.push(`${[...path, spec.title].join(' › ')}: ${firstLine(test.results?.at(-1)?.error?.message)}`);
        }
      }
      for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
    };
    for (const suite of report.suites) walk(suite, [suite.title]);
    return names;
  }
  return (report.testResults ?? []).flatMap((suite) => {
    const tests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed').map((test) => `${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    return tests.length || suite.status !== 'failed' ? tests : [`${suite.name}: ${firstLine(suite.message)}`];
  });
}

if (!existsSync(chromium)) {
  console.error(
    `Chromium is needed for the browser tests and was not found at ${chromium}.\n` +
      'Install it with `sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}
if (!existsSync(redisServer)) {
  console.error(
    `Redis is needed for the replica tests (two API processes sharing rate limits) and was not found at ${redisServer}.\n` +
      'Install it with `sudo apt-get update && sudo apt-get install -y redis-server` (Debian/Ubuntu).',
  );
  process.exit(1);
}

run('Type check', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--outputStyle=static']);
run('Unit tests (API)', 'npx', ['jest', '-c', 'apps/api/jest.unit.config.cjs', '--json', `--outputFile=${join(reports, 'api-unit.json')}`], { report: join(reports, 'api-unit.json') });
run('Unit tests (web)', 'npx', ['vitest', 'run', '--config', 'apps/web/vite.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'web.json')}`], { report: join(reports, 'web.json') });
run('API tests (real PostgreSQL, real SMTP)', 'npx', ['jest', '-c', 'apps/api/jest.api.config.cjs', '--json', `--outputFile=${join(reports, 'api.json')}`], { report: join(reports, 'api.json') });
run('Build', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);
run('Process tests (built API processes: two replicas on real Redis; faults: PostgreSQL/SMTP down, SIGKILL, SIGTERM)', 'npx', ['jest', '-c', 'apps/api/jest.processes.config.cjs', '--json', `--outputFile=${join(reports, 'processes.json')}`], {
  report: join(reports, 'processes.json'),
});
// A short soak: the built API on its own throw-away database, 45 s of mixed traffic, the same checks as `npm run soak`.
run('Soak (45 s of mixed traffic: statuses, memory, audit chains, counters)', 'node', ['soak/soak.mjs', '--seconds', '45', '--warm-up', '25', `--report=${join(reports, 'soak.json')}`], {
  report: join(reports, 'soak.json'),
});
run('Contract: the committed OpenAPI document and client match the API', 'node', ['tools/check-contract.mjs']);
run('Browser tests (Chromium)', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
  env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'e2e.json'), CHROMIUM_PATH: chromium },
  report: join(reports, 'e2e.json'),
});

if (failures.length) console.log(`\nFailed:\n${failures.slice(0, 20).map((name) => `  - ${name}`).join('\n')}${failures.length > 20 ? `\n  … and ${failures.length - 20} more` : ''}`);
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join('; ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
