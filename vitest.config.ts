import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'server/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // Starts a throwaway PostgreSQL for the server's second engine (or uses HUIFANG_PG_URL); see tests/rigs/postgres.
    globalSetup: ['tests/rigs/postgres/global-setup.ts'],
  },
});
