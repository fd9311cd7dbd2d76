/**
 * Large tests of several replicas: two processes of the BUILT API (`npx nx run api:build` first) on one
 * PostgreSQL (started by the API tests' globalSetup) and one real Redis (Debian's redis-server).
 */
module.exports = {
  ...require('./jest.shared.cjs'),
  displayName: 'replicas',
  testMatch: ['<rootDir>/test/replicas/**/*.replica-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
};
