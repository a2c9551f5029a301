import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The programs the real-client tests drive are installed by `.ci/run`; in CI their absence is a failure. */
describe('real-client toolchain', () => {
  for (const [program, args] of [
    ['nvim', ['--version']],
    ['pre-commit', ['--version']],
    ['chromium', ['--version']],
  ] as const) {
    it(`${program} runs`, () => {
      let out = '';
      try {
        out = execFileSync(program, [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        if (process.env.CI === 'true') throw new Error(`${program} is not installed (.ci/run installs it)`);
        console.warn(`${program} is not installed; the tests that drive it cannot run here`);
        return;
      }
      expect(out.length).toBeGreaterThan(0);
    });
  }
});
