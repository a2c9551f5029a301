import { beforeAll, describe, expect, it } from 'vitest';
import { INVALID, loadYamlParser, parseFileSync, type ParsedFile } from '@acklint/core';

beforeAll(async () => {
  await loadYamlParser();
});

const yaml = (text: string) => parseFileSync(text, { fileName: 'x.yaml' });
const summary = (p: ParsedFile) => p.problems.map((x) => [x.code, x.start, x.end]);

describe('YAML 1.2 core schema', () => {
  it('keeps yes/on as strings and reads true, 0x1F and ~ as boolean, number and null', () => {
    const parsed = yaml('a: yes\nb: on\nc: true\nd: 0x1F\ne: ~\nf: "true"\n');
    expect(parsed.problems).toEqual([]);
    const doc = parsed.documents[0]!;
    expect(doc.value).toEqual({ a: 'yes', b: 'on', c: true, d: 31, e: null, f: 'true' });
    expect(doc.node(['a'])).toMatchObject({ kind: 'string', value: 'yes', plain: true, start: 3, end: 6 });
    expect(doc.node(['c'])).toMatchObject({ kind: 'boolean', value: true });
    expect(doc.node(['d'])).toMatchObject({ kind: 'number', value: 31 });
    expect(doc.node(['e'])).toMatchObject({ kind: 'null', value: null });
    expect(doc.node(['f'])).toMatchObject({ kind: 'string', value: 'true', plain: false });
  });
});

describe('multi-document YAML', () => {
  it('gives each document its own index, and positions in the whole file', () => {
    // a0 :1 2 13 \n4 | -5 -6 -7 \n8 | b9 :10 11 2 12 \n13 | --- 14-16 \n17 | -18 19 x20 \n21
    const parsed = yaml('a: 1\n---\nb: 2\n---\n- x\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents.map((d) => [d.index, d.kind, d.span.start, d.span.end])).toEqual([
      [0, 'cluster', 0, 5],
      [1, 'cluster', 5, 14],
      [2, 'not-object', 14, 22],
    ]);
    const second = parsed.documents[1]!;
    expect(second.value).toEqual({ b: 2 });
    expect(second.entry(['b'])!.keySpan).toEqual({ start: 9, end: 10 });
    expect(parsed.source.positionAt(second.node(['b'])!.start)).toEqual({ line: 2, character: 3 });
    const third = parsed.documents[2]!;
    expect(third.node([0])).toMatchObject({ kind: 'string', value: 'x', start: 20, end: 21 });
    expect(parsed.source.positionAt(20)).toEqual({ line: 4, character: 2 });
  });
});

describe('anchors, aliases and merge keys', () => {
  it('resolves an alias to the anchored node (same spans)', () => {
    const parsed = yaml('a: &a\n  b: 1\nc: *a\nd: *a\n');
    expect(parsed.problems).toEqual([]);
    const doc = parsed.documents[0]!;
    expect(doc.value).toEqual({ a: { b: 1 }, c: { b: 1 }, d: { b: 1 } });
    expect(doc.node(['c'])).toBe(doc.node(['a']));
    expect(doc.node(['d', 'b'])).toMatchObject({ start: 11, end: 12 });
  });

  const mergeText = [
    'base: &b', //  0
    '  x: 1',
    '  y: 2',
    'other: &o',
    '  z: 3',
    '  x: 9',
    'single:',
    '  <<: *b',
    '  y: 5',
    'list:',
    '  <<: [*b, *o]',
    '  w: 0',
    'first:',
    '  x: 7',
    '  <<: *b',
    '',
  ].join('\n');

  it('merges a single mapping; explicit keys override merged ones without a duplicate-key problem', () => {
    const parsed = yaml(mergeText);
    expect(parsed.problems).toEqual([]);
    const doc = parsed.documents[0]!;
    expect(doc.get(['single'])).toEqual({ x: 1, y: 5 });
    expect(doc.get(['first'])).toEqual({ x: 7, y: 2 });
    const single = doc.node(['single']);
    expect(single?.kind === 'object' && single.entries.map((e) => [e.key, e.merged === true])).toEqual([
      ['y', false],
      ['x', true],
    ]);
    // A merged entry points at the anchor it came from.
    expect(doc.entry(['single', 'x'])!.keySpan).toEqual({ start: 11, end: 12 });
  });

  it('merges a list of mappings, earlier ones first', () => {
    const doc = yaml(mergeText).documents[0]!;
    expect(doc.get(['list'])).toEqual({ w: 0, x: 1, y: 2, z: 3 });
  });

  it('stops an alias bomb with one alias-limit problem, quickly', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const text = lines.join('\n') + '\n';
    const t0 = performance.now();
    const parsed = yaml(text);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(parsed.problems.map((p) => p.code)).toEqual(['alias-limit']);
    const p = parsed.problems[0]!;
    // a1..a4 expand to 90 + 819 + 7380 + 66429 = 74718 nodes; the first *a4 (66430 more) crosses 100,000.
    expect(text.slice(p.start, p.end)).toBe('*a4');
    expect(parsed.source.rangeOf(p)).toEqual({ start: { line: 5, character: 9 }, end: { line: 5, character: 12 } });
    expect(parsed.documents).toHaveLength(1);
    expect(parsed.documents[0]!.get(['a5', 0])).toBe(INVALID);
  });

  it('resolves each alias to the latest node with its anchor before it, as YAML says (an anchor may be redefined)', () => {
    const text = 'a: &x 1\nb: *x\nc: &x [2]\nd: *x\ne: [&y 3, *y, &y 4, *y]\n';
    const parsed = yaml(text);
    expect(parsed.problems).toEqual([]);
    const doc = parsed.documents[0]!;
    expect(doc.value).toEqual({ a: 1, b: 1, c: [2], d: [2], e: [3, 3, 4, 4] });
    expect(doc.node(['d'])).toBe(doc.node(['c']));
    expect(doc.node(['e', 3])).toBe(doc.node(['e', 2]));
  });

  it('gives an alias before its anchor, or to an anchor of another document, no value', () => {
    const parsed = yaml('a: *x\nb: &x 1\n---\nc: *x\n');
    expect(parsed.documents[0]!.get(['a'])).toBe(INVALID);
    expect(parsed.documents[1]!.get(['c'])).toBe(INVALID);
  });

  it('reports a recursive alias instead of looping', () => {
    const parsed = yaml('a: &a [1, *a]\n');
    expect(summary(parsed)).toEqual([['syntax', 10, 12]]);
    expect(parsed.documents[0]!.value).toEqual({ a: [1, INVALID] });
  });
});

describe('YAML syntax and positions', () => {
  it('reports a tab used as indentation', () => {
    const parsed = yaml('a:\n\tb: 1\n');
    expect(summary(parsed)).toEqual([['syntax', 3, 4]]);
    expect(parsed.problems[0]!.message).toBe('A tab is used for indentation here, and YAML allows only spaces there. Replace the tab with spaces.');
    expect(parsed.source.rangeOf(parsed.problems[0]!)).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
  });

  it('reports duplicate keys with the first as related, last value winning, at exact CRLF positions', () => {
    // line 0 "a: 1" 0-4 | line 1 "b:" 6-8 | line 2 "  c: x" 10-16 | line 3 "  c: y" 18-24
    const parsed = yaml('a: 1\r\nb:\r\n  c: x\r\n  c: y\r\n');
    expect(summary(parsed)).toEqual([['duplicate-key', 20, 21]]);
    const p = parsed.problems[0]!;
    expect(parsed.source.rangeOf(p)).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 3 } });
    expect(p.related).toEqual([{ span: { start: 12, end: 13 }, message: '"c" first given here' }]);
    expect(parsed.source.rangeOf(p.related![0]!.span)).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 3 } });
    const doc = parsed.documents[0]!;
    expect(doc.get(['b', 'c'])).toBe('y');
    expect(parsed.source.rangeOf(doc.spanOf(['b', 'c']))).toEqual({ start: { line: 3, character: 5 }, end: { line: 3, character: 6 } });
    // A block mapping's span ends at its last visible character, not after the CRLF.
    expect(doc.node(['b'])).toMatchObject({ start: 12, end: 24 });
  });

  it('reports duplicate keys in plain LF YAML', () => {
    const parsed = yaml('a: 1\nb: 2\na: 3\n');
    expect(summary(parsed)).toEqual([['duplicate-key', 10, 11]]);
    expect(parsed.problems[0]!.related).toEqual([{ span: { start: 0, end: 1 }, message: '"a" first given here' }]);
    expect(parsed.documents[0]!.value).toEqual({ a: 3, b: 2 });
  });
});
