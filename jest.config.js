/** Jest runs TypeScript through ts-jest in CommonJS mode, transpiled only (tsconfig's isolatedModules): npm test's tsc step type-checks every test first. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // ESM-only transitive dependencies (langchain's) are shipped as .js/.mjs and must be transformed too.
    '^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true }, isolatedModules: true }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(p-retry|is-network-error|@langchain|langsmith|uuid|stemmer|mdast-util-.*|micromark.*|unist-util-.*|decode-named-character-reference|character-entities|devlop|ccount|markdown-table|zwitch|longest-streak|escape-string-regexp)/)',
  ],
  testTimeout: 30000,
  // Redis and Chromium are found, started or installed before any test runs; the addresses chosen reach the
  // tests as env vars (TEST_REDIS_URL, REDIS_SERVER_PATH, CHROMIUM_PATH). Whatever was started stops after.
  globalSetup: '<rootDir>/scripts/test-services.ts',
  globalTeardown: '<rootDir>/scripts/test-services-stop.ts',
  // Two workers share that Redis and Chromium and keep a 2-core machine responsive.
  maxWorkers: 2,
};
