// Settings both API jest projects share: TypeScript through ts-jest (transpile only; `npm run typecheck` checks types).
const path = require('node:path');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }] },
  // otplib's CommonJS build loads ESM-only @scure and @noble packages, which Jest must compile to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(@scure|@noble)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@keel/shared$': '<rootDir>/../../libs/shared/src/index.ts' },
};
