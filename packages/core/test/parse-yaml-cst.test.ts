/**
 * The YAML model is built straight from the yaml library's syntax tree, and a document that builder does not handle
 * with certainty is composed by the library as before. These tests compare the two on every YAML file of the repo and
 * the shared corpus, and on thousands of generated and mutated inputs: wherever the syntax-tree builder keeps a
 * document, the model (nodes, spans, values, which nodes are shared through aliases) and the problems must be exactly
 * what the composer path gives. They also count how often the builder leaves a valid document to the composer: it
 * should not, for what specs are made of.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Lexer, Parser, type CST } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ClusterDocument, DEFAULT_LIMITS, SourceText } from '@acklint/core';
import { composeYaml, parseYaml } from '../src/parse/yaml.js';
import type { ParseLimits } from '../src/parse/problems.js';
import { buildFromCst, CstBuilder } from '../src/parse/yaml-cst.js';
import { generate, loadSeeds, Rng } from '../../../scripts/fuzz/generate.js';
import { canon, firstDifference, mutate, ORDINARY_YAML, repoRoot, repositoryYaml } from './support/yaml-compare.js';

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

/** What specs are made of: each of these must be built from the syntax tree, never left to the composer. */
const ORDINARY = ORDINARY_YAML;

describe('YAML model from the syntax tree', () => {
  it('builds ordinary YAML from the syntax tree, the same as the composer path', () => {
    const t = tally();
    ORDINARY.forEach((text, i) => compare(`ordinary ${i}`, text, t));
    expect(t.mismatches).toEqual([]);
    expect(Object.fromEntries(t.composed)).toEqual({});
    expect(t.built).toBeGreaterThan(ORDINARY.length);
  });

  it('gives the same model and problems on every YAML file of the repo and the corpus', () => {
    const files = repositoryYaml();
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
