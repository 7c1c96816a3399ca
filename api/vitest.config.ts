import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Each test file gets its own database (a copy of a migrated template).
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
