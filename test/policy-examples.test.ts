/**
 * The policy library in examples/policies: every policy of acklint-policies.yaml has a folder named after it with a
 * spec that passes every policy of the library (valid.yaml) and specs that break it (invalid.yaml, invalid.json),
 * whose findings, ranges included, are listed in `<file>.expected`. Only the policy of the folder may report on them.
 * `UPDATE_FIXTURES=1 npx vitest run test/policy-examples.test.ts` rewrites the .expected files (review the diff!).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import { lint, loadConfigFile, parseFile, type Rule } from '@acklint/core';
import { FIXTURE_NOW, renderDiagnostics } from './support/fixtures.js';
import { repoRoot } from './support/cli.js';

const LIBRARY = join(repoRoot, 'examples', 'policies');
const update = process.env.UPDATE_FIXTURES === '1';
const folders = readdirSync(LIBRARY, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

let policies: Rule[];
beforeAll(async () => {
  const config = await loadConfigFile(join(LIBRARY, 'acklint-policies.yaml'), new Set(builtinRules.map((r) => r.meta.id)));
  policies = config.policies ?? [];
});

async function lintWithPolicies(file: string) {
  const bytes = readFileSync(file);
  const parsed = await parseFile(bytes, { fileName: file });
  expect(parsed.problems.map((p) => p.message), `${file} is well-formed`).toEqual([]);
  return lint(bytes, { fileName: file, rules: policies, now: FIXTURE_NOW });
}

describe('the policy library', () => {
  it('has a dozen policies or more, each with a folder of its name, and no folder without a policy', () => {
    expect(policies.length).toBeGreaterThanOrEqual(12);
    expect(policies.map((p) => p.meta.id.replace(/^policy\//, '')).sort()).toEqual(folders);
  });

  describe.each(folders)('policy/%s', (name) => {
    const dir = join(LIBRARY, name);

    it('valid.yaml passes every policy of the library', async () => {
      const result = await lintWithPolicies(join(dir, 'valid.yaml'));
      expect(renderDiagnostics(result.diagnostics, result.source.text)).toBe('');
    });

    it.each(['invalid.yaml', 'invalid.json'])('%s breaks only this policy, exactly as .expected lists', async (file) => {
      const path = join(dir, file);
      const result = await lintWithPolicies(path);
      const actual = renderDiagnostics(result.diagnostics, result.source.text);
      if (update) writeFileSync(`${path}.expected`, actual);
      expect(existsSync(`${path}.expected`), `${path}.expected`).toBe(true);
      expect(result.diagnostics.length).toBeGreaterThan(0);
      expect(new Set(result.diagnostics.map((d) => d.ruleId))).toEqual(new Set([`policy/${name}`]));
      expect(actual).toBe(readFileSync(`${path}.expected`, 'utf8'));
    });
  });
});
