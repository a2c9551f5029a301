/**
 * The JSON parser reads plain JSON with a reader of its own and everything else (comments, trailing commas, errors)
 * straight from jsonc-parser's visitor into the document model. These tests compare both with the way the model was
 * built before (jsonc-parser's `parseTree`, then a conversion of that tree, then the plain value
 * from the model) on every JSON fixture, the corpus, and thousands of broken variants of them: the same nodes, ranges,
 * values and problems.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, type Node as JNode, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { ClusterDocument, INVALID, parseFileSync, SourceText, type Entry, type JsonValue, type Node } from '@acklint/core';
import { Rng } from '../../../scripts/fuzz/generate.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

/** The conversion the one-pass builder replaced, kept here as the reference. */
function convert(n: JNode, dups: Array<[string, number, number]>): Node {
  const start = n.offset;
  const end = n.offset + n.length;
  switch (n.type) {
    case 'object': {
      const node: Node = { kind: 'object', start, end, entries: [], byKey: new Map() };
      for (const prop of n.children ?? []) {
        const keyNode = prop.children?.[0];
        if (!keyNode || keyNode.type !== 'string') continue;
        const key = String(keyNode.value);
        const keySpan = { start: keyNode.offset, end: keyNode.offset + keyNode.length };
        const valueNode = prop.children?.[1];
        let value: Node;
        if (valueNode) value = convert(valueNode, dups);
        else {
          const vs = prop.colonOffset !== undefined ? prop.colonOffset + 1 : keySpan.end;
          value = { kind: 'invalid', start: vs, end: Math.max(vs, prop.offset + prop.length) };
        }
        const entry: Entry = { key, keySpan, value };
        if (node.byKey.has(key)) dups.push([key, keySpan.start, keySpan.end]);
        node.entries.push(entry);
        node.byKey.set(key, entry);
      }
      return node;
    }
    case 'array':
      return { kind: 'array', start, end, items: (n.children ?? []).map((c) => convert(c, dups)) };
    case 'string':
      return { kind: 'string', start, end, value: String(n.value) };
    case 'number':
      return { kind: 'number', start, end, value: Number(n.value) };
    case 'boolean':
      return { kind: 'boolean', start, end, value: Boolean(n.value) };
    case 'null':
      return { kind: 'null', start, end, value: null };
    default:
      return { kind: 'invalid', start, end };
  }
}

function reference(text: string, strict: boolean) {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: strict, allowTrailingComma: !strict, allowEmptyContent: true });
  const dups: Array<[string, number, number]> = [];
  const root = tree ? convert(tree, dups) : undefined;
  const doc = new ClusterDocument(new SourceText(text), strict ? 'json' : 'jsonc', 0, root, { start: 0, end: text.length });
  return { root, value: doc.value, dups };
}

function compare(text: string, strict: boolean): void {
  const parsed = parseFileSync(text, { format: strict ? 'json' : 'jsonc' });
  if (parsed.problems.some((p) => p.code === 'too-deep')) return;
  const doc = parsed.documents[0]!;
  const want = reference(text, strict);
  expect(doc.root, text).toEqual(want.root);
  expect(doc.value, text).toEqual(want.value);
  const dups = parsed.problems.filter((p) => p.code === 'duplicate-key').map((p) => [/"(.*)" is given/.exec(p.message)?.[1] ?? p.message, p.start, p.end]);
  expect(dups, text).toEqual(want.dups.map(([k, s, e]) => [k, s, e]));
}

function jsonFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) jsonFiles(join(dir, e.name), out);
    else if (/\.jsonc?$/.test(e.name)) out.push(join(dir, e.name));
  }
  return out;
}

const files = [...jsonFiles(join(repoRoot, 'rules/fixtures')), ...jsonFiles(join(repoRoot, '..', 'shared', 'corpus')), join(repoRoot, 'examples/valid.json')];

/** The fuzzer's seeded generator (mulberry32), as a function, so that a failing sequence can be replayed. */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const NOISE = ['{', '}', '[', ']', ',', ':', '"', '\n', '/*', '//', '*/', 'a', '1', ' ', '\\', 'tru', '-', '.', '\u0000'];

/** `text` with a few random edits: characters deleted, noise inserted, slices repeated. */
function mutate(text: string, next: () => number): string {
  let t = text;
  const edits = 1 + Math.floor(next() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (t.length + 1));
    const what = next();
    if (what < 0.4) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(next() * 3));
    else if (what < 0.8) t = t.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + t.slice(at);
    else {
      const len = Math.floor(next() * 40);
      t = t.slice(0, at) + t.slice(at, at + len) + t.slice(at);
    }
  }
  return t;
}

describe('JSON straight into the model', () => {
  it('builds what the tree conversion built, for every JSON fixture and corpus file', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      compare(text, true);
      compare(text, false);
    }
  });

  it('builds what the tree conversion built for broken variants of them (error recovery)', () => {
    const next = random(20261130);
    let n = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (let i = 0; i < 6; i++) {
        const broken = mutate(text, next);
        compare(broken, true);
        compare(broken, false);
        n++;
      }
    }
    expect(n).toBeGreaterThan(600);
  });

  it.each([
    '',
    '{',
    '{"a"',
    '{"a":',
    '{"a": }',
    '{"a" 1, "b": 2}',
    '{"a": 1 "b": 2}',
    '{"a": [1, "c": 2}',
    '{"a": {"b": 1, "b": 2}, "a": 3}',
    '[1,,2]',
    '{,}',
    '"x" "y"',
    '{"__proto__": 1, "constructor": {}}',
    '{"a": tru}',
    '{"a": 1.2.3}',
    // Plain JSON of every kind (the plain reader), and near misses that the recovering parser reads.
    ' \t\r\n{"a" :\r\n[ ] , "b":{ } }\n\n',
    '[-0, 0, 1e5, 1E+2, 2e-2, 0.5, -1.25e-3, 123456789012345678901234567890, 1e999]',
    '["\\u00e9\\n\\"x\\"\\\\\\/\\b\\f\\r\\t", "\\ud83d\\ude00", "\\ud800", "a\u2028b", "", "\\u00E9"]',
    '[true, false, null, "true"]',
    'true',
    '"only a string"',
    '{"a": "tab\there"}',
    '{"a": "\\x"}',
    '{"a": "\\u12G4"}',
    '{"a": "\\u12"}',
    '{"a": "unterminated}',
    '[01]',
    '[1.]',
    '[.5]',
    '[+1]',
    '[-]',
    '[1e]',
    '[1e+]',
    '[truex]',
    '[nul]',
    '[1 2]',
    '{"a": 1}}',
    '{"a": 1} x',
    '{"a": 1,}',
    '[1,]',
    '{"a": 1 /* c */}',
    '{"a"\u00a0: 1}',
    '   ',
  ])('and for %j', (text) => {
    compare(text, true);
    compare(text, false);
  });

  it('marks an unreadable value as INVALID in the plain value', () => {
    const parsed = parseFileSync('{"a": , "b": 1}', { format: 'json' });
    const value = parsed.documents[0]!.value as Record<string, JsonValue>;
    expect(value['a']).toBe(INVALID);
    expect(value['b']).toBe(1);
  });
});
