import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Each test file gets its own database (a copy of a migrated template).
    fileParallelism: true,
    // Two files at once even on two cores (vitest's default there is one): a test spends most of
    // its time waiting for PostgreSQL, a child process or a timer, so a second file overlaps that
    // wait. The suite took 771 s with one and 511 s with two on this 2-core machine.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
