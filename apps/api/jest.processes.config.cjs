/**
 * Large tests with real processes: the BUILT API (`npx nx run api:build` first) started as one or more
 * processes, with real Redis (Debian's redis-server), PostgreSQL and SMTP, killed and restarted at will.
 * PostgreSQL: the API tests' shared one, and one that the fault tests stop and start (see global-setup.ts).
 */
module.exports = {
  ...require('./jest.shared.cjs'),
  displayName: 'processes',
  testMatch: ['<rootDir>/test/processes/**/*.process-spec.ts'],
  globalSetup: '<rootDir>/test/processes/global-setup.ts',
  globalTeardown: '<rootDir>/test/processes/global-teardown.ts',
  testTimeout: 60_000,
};
