import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVALID, parseFileSync, type ParsedFile } from '@acklint/core';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const referenceFile = join(repoRoot, '..', 'shared', 'reference', 'CreateCluster-API-reference.txt');

const summary = (p: ParsedFile) => p.problems.map((x) => [x.code, x.start, x.end]);

describe('strict JSON and JSONC', () => {
  //            0 1 2345678 9 1111111111222222 2 22233333333334444
  //                        0 1234567890123456 7 89012345678901234
  const text = '{\n  // c\n  "a": 1, /* b */\n  "b": [1,2,],\n}\n';

  it('reports comments and trailing commas in .json, once each', () => {
    const parsed = parseFileSync(text, { fileName: 'x.json' });
    expect(parsed.format).toBe('json');
    expect(summary(parsed)).toEqual([
      ['comment', 4, 8],
      ['comment', 19, 26],
      ['trailing-comma', 38, 39],
      ['trailing-comma', 40, 41],
    ]);
    expect(text.slice(4, 8)).toBe('// c');
    expect(text.slice(19, 26)).toBe('/* b */');
    expect(parsed.source.rangeOf(parsed.problems[3]!)).toEqual({ start: { line: 3, character: 13 }, end: { line: 3, character: 14 } });
    // The tree is still built.
    expect(parsed.documents[0]!.value).toEqual({ a: 1, b: [1, 2] });
  });

  it('accepts the same text as .jsonc', () => {
    const parsed = parseFileSync(text, { fileName: 'x.jsonc' });
    expect(parsed.format).toBe('jsonc');
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents[0]!.value).toEqual({ a: 1, b: [1, 2] });
  });

  it('reports one trailing comma for `{"a": 1,}`', () => {
    expect(summary(parseFileSync('{"a": 1,}', { fileName: 'x.json' }))).toEqual([['trailing-comma', 7, 8]]);
  });
});

describe('an unquoted value', () => {
  const text = '{\n  "a": 1,\n  "load_balancer_spec":slb.s2.small,\n  "b": "x"\n}\n';

  it.each(['x.json', 'x.jsonc'])('in %s is exactly one syntax problem at the token, and the rest of the tree survives', (fileName) => {
    const parsed = parseFileSync(text, { fileName });
    expect(summary(parsed)).toEqual([['syntax', 35, 47]]);
    expect(text.slice(35, 47)).toBe('slb.s2.small');
    expect(parsed.source.rangeOf(parsed.problems[0]!)).toEqual({ start: { line: 2, character: 23 }, end: { line: 2, character: 35 } });
    expect(parsed.problems[0]!.message).toBe('Unquoted text where a value belongs: JSON strings must be in double quotes. Quote the value.');

    const doc = parsed.documents[0]!;
    expect(doc.get(['a'])).toBe(1);
    expect(doc.get(['b'])).toBe('x');
    expect(doc.has(['load_balancer_spec'])).toBe(true);
    expect(doc.get(['load_balancer_spec'])).toBe(INVALID);
    expect(doc.node(['load_balancer_spec'])!.kind).toBe('invalid');
    expect(doc.entry(['load_balancer_spec'])!.keySpan).toEqual({ start: 14, end: 34 });
    expect(doc.node(['b'])).toMatchObject({ kind: 'string', start: 56, end: 59 });
    expect(Object.keys(doc.value as object)).toEqual(['a', 'load_balancer_spec', 'b']);
  });
});

describe('the sample request of the CreateCluster API reference', () => {
  const lines = readFileSync(referenceFile, 'utf8').split(/\r?\n/);
  const samples = lines.findIndex((l) => l.trim() === 'Sample requests');
  const from = lines.findIndex((l, i) => i > samples && l.trim() === '<Common request headers>');
  const to = lines.findIndex((l, i) => i > from && l.trim() === 'Sample success responses');
  const sample = lines.slice(from + 1, to).join('\n');

  it('is found in the reference', () => {
    expect(samples).toBeGreaterThan(0);
    expect(from).toBeGreaterThan(samples);
    expect(to).toBeGreaterThan(from);
    expect(sample.trimStart().startsWith('{')).toBe(true);
  });

  it('parses as JSONC with exactly one problem, on the slb.s2.small line', () => {
    const parsed = parseFileSync(sample, { fileName: 'sample.jsonc' });
    expect(parsed.problems.map((p) => p.code)).toEqual(['syntax']);
    const range = parsed.source.rangeOf(parsed.problems[0]!);
    expect(range).toEqual({ start: { line: 21, character: 25 }, end: { line: 21, character: 37 } });
    expect(parsed.source.lineText(21).trimEnd()).toBe('    "load_balancer_spec":slb.s2.small,');

    const doc = parsed.documents[0]!;
    expect(doc.kind).toBe('cluster');
    expect(doc.get(['nodepools', 0, 'scaling_group', 'key_pair'])).toBe('np-key-name');
    expect(doc.get(['load_balancer_spec'])).toBe(INVALID);
    expect(doc.get(['timezone'])).toBe('Asia/Shanghai');
    expect(doc.get(['addons', 5, 'disabled'])).toBe(true);
  });
});

describe('duplicate keys in JSON', () => {
  it('are reported at the later key with the first as related, and the last value wins', () => {
    const parsed = parseFileSync('{"a": 1, "a": 2}', { fileName: 'x.json' });
    expect(parsed.problems).toHaveLength(1);
    const p = parsed.problems[0]!;
    expect([p.code, p.start, p.end]).toEqual(['duplicate-key', 9, 12]);
    expect(p.related).toEqual([{ span: { start: 1, end: 4 }, message: '"a" first given here' }]);
    const doc = parsed.documents[0]!;
    expect(doc.get(['a'])).toBe(2);
    expect(doc.node(['a'])).toMatchObject({ start: 14, end: 15 });
    expect(doc.root?.kind === 'object' && doc.root.entries.length).toBe(2);
  });
});
