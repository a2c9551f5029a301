/**
 * The YAML model is built straight from the yaml library's syntax tree, and a document that builder does not handle
 * with certainty is composed by the library as before. These tests compare the two on every YAML file of the repo and
 * the shared corpus, and on thousands of generated and mutated inputs: wherever the syntax-tree builder keeps a
 * document, the model (nodes, spans, values, which nodes are shared through aliases) and the problems must be exactly
 * what the composer path gives. They also count how often the builder leaves a valid document to the composer: it
 * should not, for what specs are made of.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Lexer, Parser, type CST } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ClusterDocument, DEFAULT_LIMITS, SourceText } from '@acklint/core';
import { composeYaml, parseYaml } from '../src/parse/yaml.js';
import type { ParseLimits } from '../src/parse/problems.js';
import { buildFromCst, CstBuilder } from '../src/parse/yaml-cst.js';
import { generate, loadSeeds, Rng } from '../../../scripts/fuzz/generate.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

function yamlFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (e === 'node_modules' || e.startsWith('.')) continue;
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e)) out.push(p);
  }
  return out;
}

/**
 * A value as one string, exact where a deep comparison would be slow or loose: every object numbered on its first
 * visit (a later visit is a reference, so shared nodes, entries and spans must be shared alike), prototypes, key sets
 * with undefined members, sparse arrays, -0 and NaN all spelled out.
 */
function canon(root: unknown): string {
  const ids = new Map<object, number>();
  const enc = (v: unknown): unknown => {
    if (typeof v === 'number') return ['n', Object.is(v, -0) ? '-0' : String(v)];
    if (typeof v === 'symbol') return ['s', v.description];
    if (v === undefined) return ['u'];
    if (v === null || typeof v !== 'object') return v;
    const known = ids.get(v);
    if (known !== undefined) return { ref: known };
    ids.set(v, ids.size);
    if (v instanceof Map) return { map: [...v].map(([k, x]) => [k, enc(x)]) };
    if (Array.isArray(v)) return { arr: Array.from({ length: v.length }, (_, i) => (i in v ? enc(v[i]) : ['hole'])) };
    const o = v as Record<string, unknown>;
    return { [Object.getPrototypeOf(v) === null ? 'bare' : 'obj']: Object.keys(o).sort().map((k) => [k, enc(o[k])]) };
  };
  return JSON.stringify(enc(root));
}

/** Where two strings first differ, with some context. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 300);
  return `\nbuilt:    …${a.slice(from, i + 300)}\ncomposed: …${b.slice(from, i + 300)}`;
}

interface Tally {
  inputs: number;
  /** Documents the syntax-tree builder kept. */
  built: number;
  /** Documents (or whole streams) left to the composer, by reason. */
  composed: Map<string, number>;
  /** The same, in inputs where the composer finds no syntax error. */
  composedValid: Map<string, number>;
  mismatches: string[];
}

function tally(): Tally {
  return { inputs: 0, built: 0, composed: new Map(), composedValid: new Map(), mismatches: [] };
}

/** Parses `text` both ways and records any difference. */
function compare(name: string, text: string, t: Tally, limits: ParseLimits = DEFAULT_LIMITS): void {
  const source = new SourceText(text);
  const reasons: string[] = [];
  const fast = parseYaml(source, limits, { onComposed: (r) => reasons.push(r) });
  // The same with finished parts of each document taken out of the syntax tree after every token (as on a large text).
  const streamed = parseYaml(source, limits, { consumeEvery: 1, batch: 1 });
  const reference = composeYaml(new Parser().parse(source.text), source.text, limits);
  t.inputs++;
  const valid = limits === DEFAULT_LIMITS && !reference.problems.some((p) => p.code === 'syntax' || p.code === 'too-deep');
  for (const r of reasons) {
    t.composed.set(r, (t.composed.get(r) ?? 0) + 1);
    if (valid) t.composedValid.set(r, (t.composedValid.get(r) ?? 0) + 1);
    if (valid && process.env.SHOW_COMPOSED === r) console.log(`${r}: ${name}\n${text}`);
  }
  t.built += Math.max(0, fast.documents.length - reasons.length);
  const model = (p: typeof fast) =>
    canon({ problems: p.problems, documents: p.documents, values: p.documents.map((d, i) => new ClusterDocument(source, 'yaml', i, d.root, d.span).value) });
  const b = model(reference);
  for (const [how, a] of [['syntax tree', model(fast)], ['syntax tree taken in while parsing', model(streamed)]] as const) {
    if (a !== b) t.mismatches.push(t.mismatches.length < 3 ? `${name}, ${how}: ${firstDifference(a, b)}\n--- input ---\n${text.slice(0, 600)}` : name);
  }
}

/** Edits at YAML's syntax: indicators, quotes, brackets, anchors, tabs, indentation, line ends. */
const PIECES = [' ', '  ', '\t', ':', ': ', '-', '- ', '#', ' #c', '&a ', '*a', '<<: *a', '"', "'", '[', ']', '{', '}', ',', '\n', '|', '>-', '---\n', '...\n', '? ', '!!str ', '~', '\r\n', 'é', '\u00a0'];

function mutate(text: string, rng: Rng): string {
  const n = 1 + rng.int(3);
  for (let k = 0; k < n; k++) {
    const at = rng.int(text.length + 1);
    switch (rng.int(4)) {
      case 0:
        text = text.slice(0, at) + rng.pick(PIECES) + text.slice(at);
        break;
      case 1:
        text = text.slice(0, at) + text.slice(at + 1 + rng.int(3));
        break;
      case 2: {
        const lines = text.split('\n');
        const i = rng.int(lines.length);
        lines[i] = rng.pick(['', ' ', '  ', '    ']) + lines[i]!.trimStart();
        text = lines.join('\n');
        break;
      }
      default: {
        const lines = text.split('\n');
        const i = rng.int(lines.length);
        lines.splice(rng.int(lines.length + 1), 0, lines[i]!);
        text = lines.join('\n');
      }
    }
  }
  return text;
}

/** What specs are made of: each of these must be built from the syntax tree, never left to the composer. */
const ORDINARY = [
  'a: 1\nb: two\nc: "three"\nd: \'four\'\n',
  'a: yes\nb: on\nc: true\nd: 0x1F\ne: ~\nf: "true"\ng: 0o17\nh: .inf\ni: -.Inf\nj: .nan\nk: 1e3\nl: 1.50\nm: null\nn: NULL\no: +12\np: -0\nq:\n',
  '# comment\nname: x # trailing\n\n# between\nlist:\n  - a\n  - b # c\n  -\n  - - nested\n    - more\n',
  'base: &b\n  x: 1\n  y: [1, 2]\nother: &o {z: 3}\nuse:\n  <<: [*b, *o]\n  x: 9\none:\n  <<: *b\nlist: *b\nitems: [*b, *o]\n',
  'script: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\n\n  more\nkeep: |+\n  kept\n\nlast: end\n',
  'a: "multi\n  line \\t escaped \\u00e9"\nb: \'it\'\'s\n  folded\'\nc: plain\n  continued\n',
  'flow: {a: 1, "b": [x, y, {c: d}], e: }\nseq: [ 1, two , "3", ]\nempty: {}\nnone: []\n',
  'a: 1\n---\nb: 2\n...\n---\n- x\n- y\n--- # comment\nc: 3\n',
  '---\nroot: &r\n  k: v\nalias: *r\n...\n',
  '- &x a\n- *x\n- &y\n  k: v\n- *y\n',
  'k: &e\nv: *e\n',
  '"quoted key": 1\n\'single\': 2\n1: one\ntrue: yes\n~: tilde\n0x10: hex\n',
  'cluster_type: ManagedKubernetes\nnodepools:\n- nodepool_info: {name: np}\n  scaling_group:\n    vswitch_ids:\n    - vsw-1\n    desired_size: 2\n',
  'a:\n  b:\n    c:\n      d: [1, [2, [3, {e: f}]]]\n',
  'text: "a: b # not a comment"\nurl: http://x.y/z#frag\ntime: 12:30:00\nver: 1.35.1-aliyun.1\n',
  'a: 1\r\nb:\r\n  - x\r\n  - "y\r\n    z"\r\n',
];

describe('YAML model from the syntax tree', () => {
  it('builds ordinary YAML from the syntax tree, the same as the composer path', () => {
    const t = tally();
    ORDINARY.forEach((text, i) => compare(`ordinary ${i}`, text, t));
    expect(t.mismatches).toEqual([]);
    expect(Object.fromEntries(t.composed)).toEqual({});
    expect(t.built).toBeGreaterThan(ORDINARY.length);
  });

  it('gives the same model and problems on every YAML file of the repo and the corpus', () => {
    const files = [
      ...yamlFiles(join(repoRoot, 'rules')),
      ...yamlFiles(join(repoRoot, 'examples')),
      ...yamlFiles(join(repoRoot, 'test', 'fixtures')),
      ...yamlFiles(join(repoRoot, 'packages')),
      ...yamlFiles(join(repoRoot, '..', 'shared', 'corpus')),
    ];
    // The fuzz fixtures keep YAML inputs under other extensions too.
    const fuzz = join(repoRoot, 'test', 'fixtures', 'fuzz');
    for (const f of readdirSync(fuzz).sort()) if (!/\.(ya?ml|txt|md)$/.test(f)) files.push(join(fuzz, f));
    expect(files.length).toBeGreaterThan(100);
    const t = tally();
    for (const f of files) compare(relative(repoRoot, f), readFileSync(f, 'utf8'), t);
    expect(t.mismatches).toEqual([]);
    console.log(`repo files: ${t.inputs} inputs, ${t.built} documents built from the syntax tree, composed: ${JSON.stringify(Object.fromEntries(t.composed))}; of those, without syntax errors: ${JSON.stringify(Object.fromEntries(t.composedValid))}`);
  });

  it('gives the same model and problems on thousands of generated and mutated inputs', () => {
    const seeds = loadSeeds(repoRoot);
    const yamlSeeds = seeds.filter((s) => s.format === 'yaml');
    const rng = new Rng(7);
    const t = tally();
    const small: ParseLimits = { ...DEFAULT_LIMITS, maxDepth: 4, maxExpandedNodes: 40 };
    for (let i = 0; i < 1500; i++) {
      const input = generate(seeds, rng, 'Marker-Pw-1');
      if (/\.ya?ml$/.test(input.fileName)) compare(`generated ${i} (${input.steps.join(' | ')})`, input.text, t, i % 5 === 0 ? small : DEFAULT_LIMITS);
    }
    for (let i = 0; i < 1500; i++) {
      const seed = rng.pick(yamlSeeds);
      compare(`mutated ${i} (${seed.name})`, mutate(seed.text, rng), t, i % 5 === 0 ? small : DEFAULT_LIMITS);
    }
    ORDINARY.forEach((text, i) => {
      for (let k = 0; k < 40; k++) compare(`ordinary ${i} mutated ${k}`, mutate(text, rng), t, k % 4 === 0 ? small : DEFAULT_LIMITS);
    });
    expect(t.mismatches).toEqual([]);
    expect(t.inputs).toBeGreaterThan(2500);
    console.log(`generated: ${t.inputs} inputs, ${t.built} documents built from the syntax tree, composed: ${JSON.stringify(Object.fromEntries(t.composed))}; of those, without syntax errors: ${JSON.stringify(Object.fromEntries(t.composedValid))}`);
  }, 180_000);

  it('takes finished items out of the syntax tree while the parser goes, and builds the same model', () => {
    const pools = Array.from({ length: 300 }, (_, i) => `  - name: pool-${i}\n    sizes: [1, 2]\n    disks:\n      - category: cloud_essd\n        size: ${i}\n`).join('');
    const text = `cluster_type: ManagedKubernetes\nbase: &b {x: 1}\nnodepools:\n${pools}tail:\n  <<: *b\n`;
    const parser = new Parser();
    const builder = new CstBuilder(text, DEFAULT_LIMITS, []);
    let most = 0;
    let doc: CST.Document | undefined;
    for (const lexeme of new Lexer().lex(text)) {
      for (const token of parser.next(lexeme)) if (token.type === 'document') doc = token;
      builder.consume(parser.stack, 4);
      for (const t of parser.stack) if (t.type === 'block-seq' || t.type === 'block-map') most = Math.max(most, t.items.length);
    }
    for (const token of parser.end()) if (token.type === 'document') doc = token;
    expect(builder.consumed).toBe(true);
    // Never more than the batch, the two items the parser may still change, and one being added.
    expect(most).toBeLessThanOrEqual(7);
    const built = buildFromCst(doc!, text, DEFAULT_LIMITS, builder);
    const reference = composeYaml(new Parser().parse(text), text, DEFAULT_LIMITS);
    expect(built.document).toBeDefined();
    expect(canon([built.document])).toBe(canon(reference.documents));
    expect(reference.documents[0]!.root).toMatchObject({ kind: 'object' });
  });
});
