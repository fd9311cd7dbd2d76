/** Medium tests: the real API (in-process) over HTTP with Supertest against a real PostgreSQL started by globalSetup. */
module.exports = {
  ...require('./jest.shared.cjs'),
  displayName: 'api',
  testMatch: ['<rootDir>/test/**/*.api-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
