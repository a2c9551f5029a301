/**
 * The README shows real output and lists the rules; these tests keep both true as the code changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import { repoRoot, runCli } from './support/cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('README', () => {
  it('shows the real output of `npx acklint examples/`', () => {
    const m = /Output for `npx acklint examples\/`:\n\n```\n([\s\S]*?)\n```/.exec(readme);
    expect(m, 'README output sample').not.toBeNull();
    const run = runCli(['examples/'], { cwd: repoRoot });
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe(m![1]!.trim());
  });

  it('lists every built-in rule with its default severity and a link to its docs', () => {
    for (const r of builtinRules) {
      expect(readme).toContain(`| [\`${r.meta.id}\`](rules/${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.category} |`);
    }
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npx acklint examples/');
    expect(readme).toContain('npm test');
  });
});
