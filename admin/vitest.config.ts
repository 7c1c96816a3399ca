import { defineConfig } from 'vitest/config';

// The console's pure modules (routes, dates, calendar layout, money): no browser needed. The
// components are tested end to end in Chromium (test/e2e/console-*.spec.ts).
export default defineConfig({ test: { include: ['src/**/*.test.ts'], environment: 'node' } });
