/** Jest: TypeScript through ts-jest, tests beside the code and under test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 60000,
  // Coverage (`npm run coverage`) is over every source file, loaded by a test or not, and never over test helpers;
  // scripts/coverage-by-layer.cjs prints it per layer.
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.test.ts'],
  coverageReporters: ['json-summary', 'text-summary', 'lcov'],
};
