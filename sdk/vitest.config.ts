import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The API's own setup: one PostgreSQL server per run and a migrated template; each test file
    // copies it, then runs the real API on a port (test/helpers/live-api.ts).
    globalSetup: ['../api/test/helpers/global-setup.ts'],
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
