import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Real-client tests run in their own, slower project (vitest.clients.config.ts, npm run test:clients).
    exclude: ['test/clients/**', '**/node_modules/**'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['./test/support/temp-root.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
