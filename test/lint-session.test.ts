/**
 * A lint session (one per open document in the language server) keeps what it can between edits; whatever it keeps,
 * its results equal a fresh lintSync of the same text with the same options.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import { LintSession, lintSync, loadYamlParser, type LintOptions } from '@acklint/core';
import { Rng } from '../scripts/fuzz/generate.js';

const repoRoot = new URL('..', import.meta.url).pathname;
const read = (name: string) => readFileSync(`${repoRoot}examples/${name}`, 'utf8');

/** The fuzzer's seeded generator (mulberry32), as a function, so that a failing sequence can be replayed. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const PIECES = ['1', '0', ' ', '"', ':', '\n', '- ', 'x', '{', '}', ',', '#', '---\n', 'cluster_type', '10.0.0.0/8', 'é', '😀'];

/** One random edit: insert, delete or replace a few characters, or leave the text as it is. */
function edit(text: string, rnd: () => number): string {
  const kind = Math.floor(rnd() * 4);
  if (kind === 3) return text;
  const at = Math.floor(rnd() * (text.length + 1));
  const len = kind === 0 ? 0 : Math.min(text.length - at, 1 + Math.floor(rnd() * 4));
  const insert = kind === 1 ? '' : PIECES[Math.floor(rnd() * PIECES.length)]!;
  return text.slice(0, at) + insert + text.slice(at + len);
}

const now = new Date('2026-11-01T00:00:00Z');

describe('LintSession', () => {
  beforeAll(async () => {
    await loadYamlParser();
  });

  const cases: Array<[string, string, string]> = [
    ['a JSON spec', 'valid.json', read('valid.json')],
    ['a YAML spec', 'broken.yaml', read('broken.yaml')],
    ['a multi-document YAML file', 'multi.yaml', `${read('broken.yaml')}\n---\n${read('broken.yaml')}`],
  ];

  it.each(cases)('gives the results of a fresh lintSync after each of a random sequence of edits: %s', (_what, fileName, start) => {
    for (const seed of [1, 2, 3]) {
      const rnd = random(seed);
      const options: LintOptions = { fileName, rules: builtinRules, now };
      const session = new LintSession(options);
      let text = start;
      for (let i = 0; i < 40; i++) {
        text = edit(text, rnd);
        // Options rebuilt per edit, as the language server does; sometimes with other rule levels.
        const severities: LintOptions['severities'] = rnd() < 0.2 ? { 'cluster-name-format': 'off' } : {};
        const each: LintOptions = { fileName, rules: builtinRules, now: new Date(now.getTime() + i * 1000), severities };
        expect(session.update(text, each), `seed ${seed}, edit ${i}`).toEqual(lintSync(text, each));
      }
    }
  });

  it('gives back the same result for unchanged text and options, and lints again when they change', () => {
    const text = read('broken.yaml');
    const session = new LintSession({ fileName: 'a.yaml', rules: builtinRules, now });
    const first = session.update(text);
    expect(session.update(text)).toBe(first);
    expect(session.update(text, { fileName: 'a.yaml', rules: builtinRules, now: new Date(now.getTime() + 60_000) })).toBe(first);
    const ids = first.diagnostics.map((d) => d.ruleId);
    const off = ids[0]!;
    const fewer = session.update(text, { fileName: 'a.yaml', rules: builtinRules, now, severities: { [off]: 'off' } });
    expect(fewer.diagnostics.map((d) => d.ruleId)).not.toContain(off);
    // Another day is another lint (rules compare versions with the day of the check).
    const later = session.update(text, { fileName: 'a.yaml', rules: builtinRules, now: new Date('2031-01-01T00:00:00Z') });
    expect(later).not.toBe(first);
    expect(later).toEqual(lintSync(text, { fileName: 'a.yaml', rules: builtinRules, now: new Date('2031-01-01T00:00:00Z') }));
  });
});
