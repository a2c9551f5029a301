/**
 * Fixture-driven rule tests. For every rule in `rules/index.ts`:
 * - `rules/fixtures/<id>/valid/*`: the rule reports nothing (and the file parses cleanly, unless it is an input rule);
 * - `rules/fixtures/<id>/invalid/*`: the rule reports exactly what `<file>.expected` (e.g. `name-space.json.expected`) lists, ranges included.
 * Every rule must have at least one of each, and a docs page `rules/<id>.md`.
 * `UPDATE_FIXTURES=1 npx vitest run test/rules.test.ts` rewrites the .expected files (review the diff!).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import { parseFile } from '@acklint/core';
import { lintWithRule, listFixtures, renderDiagnostics } from './support/fixtures.js';

const RULES_DIR = join(import.meta.dirname, '..', 'rules');
const update = process.env.UPDATE_FIXTURES === '1';

describe.each(builtinRules.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  const base = join(RULES_DIR, 'fixtures', id);
  const valid = listFixtures(join(base, 'valid'));
  const invalid = listFixtures(join(base, 'invalid'));

  it('has a docs page, valid fixtures and invalid fixtures', () => {
    expect(existsSync(join(RULES_DIR, `${id}.md`)), `rules/${id}.md`).toBe(true);
    expect(valid.length, `rules/fixtures/${id}/valid/`).toBeGreaterThan(0);
    expect(invalid.length, `rules/fixtures/${id}/invalid/`).toBeGreaterThan(0);
  });

  /** Fixtures of non-input rules must be well-formed, so that a typo in a fixture cannot hide behind a parse error. */
  const expectWellFormed = async (file: string) => {
    if (rule.meta.category === 'input') return;
    const parsed = await parseFile(readFileSync(file), { fileName: file });
    expect(parsed.problems.map((p) => p.message)).toEqual([]);
  };

  it.each(valid.map((f) => [f.slice(base.length + 1), f]))('%s reports nothing', async (_name, file) => {
    await expectWellFormed(file);
    const result = await lintWithRule(rule, file);
    expect(renderDiagnostics(result.diagnostics, result.source.text)).toBe('');
  });

  it.each(invalid.map((f) => [f.slice(base.length + 1), f]))('%s reports what .expected lists', async (_name, file) => {
    await expectWellFormed(file);
    const result = await lintWithRule(rule, file);
    const actual = renderDiagnostics(result.diagnostics, result.source.text);
    const expectedFile = `${file}.expected`;
    if (update) writeFileSync(expectedFile, actual);
    expect(existsSync(expectedFile), expectedFile).toBe(true);
    expect(actual).not.toBe('');
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
