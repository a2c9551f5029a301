/**
 * An editor's re-parse of JSON after characters inside one value were replaced reuses the previous model (see
 * json-edit.ts); whatever the edit, the parse and the lint equal a fresh parse and lint of the same text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import { LintSession, lintSync, parseFileSync, type Node, type ParsedFile } from '@acklint/core';
import { Rng } from '../scripts/fuzz/generate.js';

const repoRoot = new URL('..', import.meta.url).pathname;

/** The fuzzer's seeded generator (mulberry32), as a function, so that a failing sequence can be replayed. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/** A spec with several node pools, a password, escapes, a non-ASCII string, a duplicate key and numbers of every form. */
function spec(): string {
  const base = JSON.parse(readFileSync(`${repoRoot}examples/valid.json`, 'utf8'));
  const pool = base.nodepools[0];
  base.nodepools = Array.from({ length: 6 }, (_, i) => ({ ...structuredClone(pool), nodepool_info: { name: `pool-${i}` }, scaling_group: { ...pool.scaling_group, desired_size: i, login_password: `Secr3t!${i}` } }));
  base.tags = [{ key: 'team', value: 'équipe \\"a\\" \\u00e9' }, { key: 'n', value: '-1.5e3' }];
  base.timeout_mins = 60;
  base.login_password = 'Hunter2Hunter2!';
  const text = JSON.stringify(base, null, 2);
  // A duplicate key: the first `name` is overridden by the second.
  return text.replace('{\n', '{\n  "name": "first-name",\n') + '\n';
}

const CHARS = ['0', '1', '9', '-', '.', 'e', 'E', '+', 'a', 'x', '"', '\\', 'u', ' ', ',', '}', ']', '{', ':', 'é', '\n', 't', 'n'];

/** Every scalar node of a model. */
function scalars(node: Node | undefined, out: Node[] = []): Node[] {
  if (!node) return out;
  if (node.kind === 'object') for (const e of node.entries) scalars(e.value, out);
  else if (node.kind === 'array') for (const n of node.items) scalars(n, out);
  else out.push(node);
  return out;
}

/** Characters replaced one for one, mostly inside a value (as an editor changes a digit), sometimes anywhere. */
function edit(text: string, file: ParsedFile, rnd: () => number): string {
  const values = scalars(file.documents[0]?.root);
  const inValue = values.length > 0 && rnd() < 0.85;
  const target = inValue ? values[Math.floor(rnd() * values.length)]! : { start: 0, end: text.length };
  // Inside a string's quotes, mostly.
  const quoted = 'kind' in target && target.kind === 'string' && target.end - target.start > 2 && rnd() < 0.9;
  const [from, to] = quoted ? [target.start + 1, target.end - 1] : [target.start, Math.max(target.start + 1, target.end)];
  const at = from + Math.floor(rnd() * (to - from));
  const len = Math.min(text.length - at, Math.max(1, Math.min(to - at, 1 + Math.floor(rnd() * 2))));
  // Mostly what fits the value (a digit in a number, a letter in a string), so the text stays plain JSON for a while.
  const fits = inValue && rnd() < 0.7 ? ('value' in target && typeof target.value === 'number' ? '0123456789' : 'abcdefxyz-0123') : undefined;
  let insert = '';
  for (let i = 0; i < len; i++) insert += fits ? fits[Math.floor(rnd() * fits.length)]! : CHARS[Math.floor(rnd() * CHARS.length)]!;
  return text.slice(0, at) + insert + text.slice(at + len);
}

/** Whether `now` was built from `before` (its model shares the node pools' nodes). */
function reused(before: ParsedFile, now: ParsedFile): boolean {
  const a = before.documents[0]?.root;
  const b = now.documents[0]?.root;
  return a !== undefined && b !== undefined && a !== b && a.kind === 'object' && b.kind === 'object' && a.entries.some((e, i) => e.value === b.entries[i]?.value);
}

const now = new Date('2026-11-01T00:00:00Z');

describe('re-parse of JSON after an edit inside a value', () => {
  it.each(['spec.json', 'spec.jsonc'])('equals a fresh parse and lint after each of a random sequence of edits: %s', (fileName) => {
    let shortcuts = 0;
    for (const seed of [1, 2, 3, 4]) {
      const rnd = random(seed);
      const session = new LintSession({ fileName, rules: builtinRules, now });
      let text = spec();
      let previous = parseFileSync(text, { fileName });
      session.update(text);
      for (let i = 0; i < 60; i++) {
        // Back to the start now and then, so that a broken text does not end the sequence.
        text = rnd() < (previous.problems.some((p) => p.code !== 'duplicate-key') ? 0.3 : 0.05) ? spec() : edit(text, previous, rnd);
        const fresh = parseFileSync(text, { fileName });
        const next = parseFileSync(text, { fileName }, { previous });
        const where = `seed ${seed}, edit ${i}`;
        expect(next.documents.map((d) => [d.kind, d.root, d.value, d.span, d.index, d.format]), where).toEqual(fresh.documents.map((d) => [d.kind, d.root, d.value, d.span, d.index, d.format]));
        expect(next.problems, where).toEqual(fresh.problems);
        expect(next.format, where).toBe(fresh.format);
        if (reused(previous, next)) shortcuts++;
        previous = next;
        expect(session.update(text), where).toEqual(lintSync(text, { fileName, rules: builtinRules, now }));
      }
    }
    // The edits inside values that keep the text plain JSON (most of them) took the shortcut.
    expect(shortcuts).toBeGreaterThan(40);
  });

  it('reuses the model for a changed digit and leaves the previous parse as it was', () => {
    const text = spec();
    const before = parseFileSync(text, { fileName: 'a.json' });
    const beforeValue = structuredClone(before.documents[0]!.value);
    const at = text.indexOf('"desired_size": 3') + '"desired_size": '.length;
    const edited = `${text.slice(0, at)}7${text.slice(at + 1)}`;
    const after = parseFileSync(edited, { fileName: 'a.json' }, { previous: before });
    expect(reused(before, after)).toBe(true);
    expect((after.documents[0]!.value as { nodepools: Array<{ scaling_group: { desired_size: number } }> }).nodepools[3]!.scaling_group.desired_size).toBe(7);
    expect(before.documents[0]!.value).toEqual(beforeValue);
    // A key, or a value that grows, is parsed afresh.
    const key = text.replace('"desired_size": 3', '"desired_sizf": 3');
    expect(reused(before, parseFileSync(key, { fileName: 'a.json' }, { previous: before }))).toBe(false);
    const longer = text.replace('"desired_size": 3', '"desired_size": 33');
    expect(reused(before, parseFileSync(longer, { fileName: 'a.json' }, { previous: before }))).toBe(false);
  });
});
