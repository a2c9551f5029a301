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

  it.each(['flannel.yaml', 'terway.json'])('shows the real output of `acklint plan examples/network/%s`', (example) => {
    const args = ['plan', `examples/network/${example}`, '--inventory', 'examples/network/vpcs.json', '--inventory', 'examples/network/vswitches.json', '--inventory', 'examples/network/clusters.json'];
    const marker = `Output of \`acklint ${args.join(' ')}\`:\n\n\`\`\`\n`;
    const start = readme.indexOf(marker);
    expect(start, `README plan sample for ${example}`).toBeGreaterThan(0);
    const body = readme.slice(start + marker.length, readme.indexOf('\n```', start + marker.length));
    const run = runCli(args, { cwd: repoRoot });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(example === 'flannel.yaml' ? 1 : 0);
    expect(run.stdout.trim()).toBe(body.trim());
  });

  it('lists every built-in rule with its default severity and a link to its docs', () => {
    for (const r of builtinRules) {
      expect(readme).toContain(`| [\`${r.meta.id}\`](rules/${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.category} |`);
    }
  });

  it('states how many rules there are', () => {
    expect(readme).toContain(`acklint has ${builtinRules.length} rules`);
  });

  it('shows the GitHub workflow users copy, examples/github/acklint.yml, as it is', () => {
    const file = readFileSync(join(repoRoot, 'examples', 'github', 'acklint.yml'), 'utf8');
    const body = file.replace(/^(#.*\n)+/, '');
    expect(readme).toContain(`\`\`\`yaml\n${body}\`\`\``);
    // It installs the package (the tarball of this version), uploads SARIF and runs the github format.
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string };
    expect(body).toContain(`npm install --no-save --no-audit --no-fund ./tools/acklint-${version}.tgz`);
    expect(body).toMatch(/acklint --format sarif --output acklint\.sarif/);
    expect(body).toContain('github/codeql-action/upload-sarif@v3');
    expect(body).toContain('acklint --format github');
  });

  it('shows .pre-commit-config.yaml lines for the hook the repository defines', () => {
    const hooks = readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
    const id = /^- id: (\S+)$/m.exec(hooks)![1]!;
    expect(id).toBe('acklint');
    expect(readme).toMatch(new RegExp(`repos:\\n  - repo: https://github.com/acklint/acklint\\n    rev: v[0-9.]+\\n    hooks:\\n      - id: ${id}\\n`));
  });

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npx acklint examples/');
    expect(readme).toContain('npm test');
  });
});
