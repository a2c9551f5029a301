/**
 * docs/rules.md is generated from the rules' metadata (`npm run docs`); this test fails when it is out of date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import { renderRulesDoc } from '../scripts/rules-doc.js';
import { repoRoot } from './support/cli.js';

describe('docs/rules.md', () => {
  it('is what `npm run docs` generates from the rule metadata (run it after adding or changing a rule)', () => {
    const actual = readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8');
    expect(actual, 'docs/rules.md is out of date: run `npm run docs`').toBe(renderRulesDoc(builtinRules));
  });

  it('lists every rule once, with a link to its docs page', () => {
    const doc = renderRulesDoc(builtinRules);
    for (const r of builtinRules) expect(doc.split(`| [\`${r.meta.id}\`](../rules/${r.meta.id}.md) |`).length, r.meta.id).toBe(2);
  });
});
