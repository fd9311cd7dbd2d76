/** Small tests: pure logic beside the code, no database. */
module.exports = {
  ...require('./jest.shared.cjs'),
  displayName: 'api-unit',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
