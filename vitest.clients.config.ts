import { defineConfig } from 'vitest/config';

/**
 * The real-client tests: real programs driving acklint from outside (Neovim as an LSP client, `pre-commit`, VS Code in
 * code-server with Chromium, `npm install` of the packed tarball). Slower than the unit suite, so `npm test` leaves
 * them to `npm run test:clients`, which `.ci/run` runs after it. Each test fails, never skips, when CI=true and the
 * program it needs is missing.
 */
export default defineConfig({
  test: {
    include: ['test/clients/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['./test/support/temp-root.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
