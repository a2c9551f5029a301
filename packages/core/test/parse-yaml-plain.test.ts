/**
 * acklint reads plain YAML (what specs are made of) with a reader of its own, and leaves everything else to the yaml
 * library. Wherever the reader takes a text, its model (nodes, spans, values) and problems must be exactly what the
 * library's path gives: these tests compare the two on every YAML file of the repository and the corpus, on
 * thousands of generated plain documents (comments at every indentation, blank lines, flow collections, quoted and
 * odd plain scalars, duplicate keys, lists at their key's indentation), and on mutations of them. They also check
 * that the reader takes what specs are made of, and declines what it must.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterDocument, DEFAULT_LIMITS, parseFileSync, SourceText } from '@acklint/core';
import { parseYaml } from '../src/parse/yaml.js';
import type { ParseLimits } from '../src/parse/problems.js';
import { readPlainYaml } from '../src/parse/yaml-plain.js';
import { generate, loadSeeds, Rng } from '../../../scripts/fuzz/generate.js';
import { canon, firstDifference, mutate, ORDINARY_YAML, repoRoot, repositoryYaml } from './support/yaml-compare.js';

interface Tally {
  inputs: number;
  /** Texts the reader took. */
  read: number;
  /** Texts it declined although the library finds no problem in them. */
  declinedValid: number;
  mismatches: string[];
}

const tally = (): Tally => ({ inputs: 0, read: 0, declinedValid: 0, mismatches: [] });

/** Reads `text` both ways and records any difference; true when the reader took it. */
function compare(name: string, text: string, t: Tally, limits: ParseLimits = DEFAULT_LIMITS): boolean {
  const source = new SourceText(text);
  t.inputs++;
  const plain = readPlainYaml(source.text, limits);
  const reference = parseYaml(source, limits);
  if (!plain) {
    if (!reference.problems.length) t.declinedValid++;
    return false;
  }
  t.read++;
  // The reader builds each document's plain value along with its tree (but for documents with aliases or merge keys);
  // the library's path has it built from the tree.
  const a = canon({
    problems: plain.problems,
    documents: plain.documents.map(({ root, span }) => ({ root, span })),
    values: plain.documents.map((d, i) => d.value ?? new ClusterDocument(source, 'yaml', i, d.root, d.span).value),
  });
  const b = canon({ problems: reference.problems, documents: reference.documents, values: reference.documents.map((d, i) => new ClusterDocument(source, 'yaml', i, d.root, d.span).value) });
  if (a !== b) t.mismatches.push(t.mismatches.length < 3 ? `${name}: ${firstDifference(a, b)}\n--- input ---\n${text.slice(0, 800)}` : name);
  return true;
}

const SCALARS = [
  '1', 'two', '"three"', "'four'", 'yes', 'true', 'False', '~', 'null', 'NULL', '0x1F', '0o17', '1e3', '-1', '-.5', '.5', '+5', '-.inf', '.NaN',
  '1.50', 'a:b', 'x#y', 'http://a.b/c#frag', '"a: b # c"', "'it''s'", "''", '""', '" padded "', "'x'' '", 'v 1', '12:30:00', 'ecs.g7.xlarge',
  '172.20.0.0/16', 'a]b', 'a}b', 'a,b', 'a[0]', "it's", 'say "hi"', 'C:\\path', "'C:\\path'", 'é中文', '😀', '-edge01', '-x', '-_',
  '&a1 x', '*a1', '&a2 [1, *a1]', '*a2', '&a3 {k: v, <<: *a4}', '&a4 {j: 1}', '*a3', '*a4', '[*a3, *a4]', '&a1 "q"', '*nope',
  '"a\\"b"', '"tab\\tx"', '"\\u00e9\\x41"', '"\\\\"', '"\\/\\N\\_\\L\\P\\0\\a\\b\\v\\f\\r\\e\\ "', '"{\\"a\\": 1}"', '"\\ud83d\\ude00"',
];
const FLOWS = [
  '[a, b]', '[]', '{}', '{a: 1, b: [x, "y"]}', '[ 1 , two ]', '{"k": v, \'q\': [1]}', '[[1, 2], [3]]', '{a: {b: {c: d}}}', '[a b, "c, d"]', '{x: 1, x: 2}',
  '{Ref: ALIYUN::Region}', '[a:b, c::d]', '{a:b: c}', '{"a":1}', '{"a":[1],\'b\':x}', '[-x, -1, "\\u00e9"]',
];
/** Values the reader must leave to the library (most of them only now and then, so that documents stay readable). */
const ODD = ['&', '*', '&a&b x', '*a x', '&a *b', '&a, x', '!t x', '|', '>-', '"esc\\q"', '"\\x4"', '"\\U0001F600"', '"a\\', '- x', 'a: b', '[a,', '[a, ]', '{a}', '{a: }', 'a:', '@x', '`x', '%x', '? x', '[a #c]', 'x\t', '-#', '- ', '"x\\"', '[a:]', '{a: b:}', '[a: b]', '-/x'];
const KEYS = ['<<', '<<', 'a', 'b', 'name', 'k1', '"q k"', "'s k'", '1', 'true', 'null', '~', 'x y', 'a#b', '-1', 'dup', 'dup', '0x10', '1.0', '"a: b"', 'é'];

/** Generated plain YAML: block mappings and lists with comments at every indentation, block scalars, sometimes several documents. */
function plainDocument(rng: Rng): string {
  const lines: string[] = [];
  const noise = (col: number) => {
    while (rng.chance(0.25)) {
      if (rng.chance(0.35)) lines.push(rng.pick(['', ' ', '   ']));
      else lines.push(`${' '.repeat(rng.int(col + 6))}# c${rng.int(100)}${rng.chance(0.2) ? '  ' : ''}`);
    }
  };
  const scalar = () => (rng.chance(0.03) ? rng.pick(ODD) : rng.chance(0.15) ? rng.pick(FLOWS) : rng.pick(SCALARS));
  const tail = () => (rng.chance(0.2) ? `${rng.pick([' ', '  '])}# t` : rng.chance(0.05) ? '   ' : '');
  /** A block scalar's header (on the line so far) and its content lines, indented deeper than `col`. */
  const block = (line: string, col: number) => {
    lines.push(`${line}${rng.chance(0.9) ? rng.pick(['|', '|-', '>', '>-', '| # c', '>- # c']) : rng.pick(['|+', '|2', '|x', '|#c'])}`);
    const indent = col + 1 + rng.int(3);
    const n = rng.chance(0.05) ? 0 : 1 + rng.int(4);
    for (let i = 0; i < n; i++) {
      const r = rng.int(10);
      lines.push(r === 0 ? '' : r === 1 ? ' '.repeat(rng.int(indent + 2)) : `${' '.repeat(indent + (r === 2 ? 1 + rng.int(2) : 0))}${rng.pick(['text', 'a: b', '# not a comment', '{"k": 1}', 'x  ', '- item'])}`);
    }
  };
  const mapping = (col: number, depth: number, first: string | undefined) => {
    const n = 1 + rng.int(4);
    for (let i = 0; i < n; i++) {
      const lead = i === 0 && first !== undefined ? first : ' '.repeat(col);
      const key = rng.pick(KEYS);
      const sep = rng.chance(0.05) ? ' :' : ':';
      const kind = depth > 4 ? 0 : rng.int(6);
      if (kind <= 2) {
        if (rng.chance(0.1)) block(`${lead}${key}${sep} `, col);
        else lines.push(`${lead}${key}${sep} ${scalar()}${tail()}`);
      } else {
        lines.push(`${lead}${key}${sep}${rng.chance(0.2) ? ` &b${rng.int(3)}` : ''}${tail()}`);
        noise(col);
        if (kind === 3) mapping(col + 1 + rng.int(3), depth + 1, undefined);
        else list(rng.chance(0.4) ? col : col + 1 + rng.int(3), depth + 1);
      }
      noise(col);
    }
  };
  const list = (col: number, depth: number) => {
    const n = 1 + rng.int(4);
    for (let i = 0; i < n; i++) {
      const dash = `${' '.repeat(col)}-${' '.repeat(1 + (rng.chance(0.15) ? rng.int(3) : 0))}`;
      const kind = depth > 4 ? 0 : rng.int(5);
      if (kind <= 1) {
        if (rng.chance(0.1)) block(dash, col);
        else lines.push(`${dash}${scalar()}${tail()}`);
      }
      else if (kind <= 3) mapping(dash.length, depth + 1, dash);
      else {
        lines.push(`${' '.repeat(col)}-${rng.chance(0.2) ? ` &b${rng.int(3)}` : ''}${tail()}`);
        noise(col);
        if (rng.chance(0.5)) mapping(col + 1 + rng.int(3), depth + 1, undefined);
        else list(col + 1 + rng.int(3), depth + 1);
      }
      noise(col);
    }
  };
  noise(0);
  const documents = rng.chance(0.2) ? 2 + rng.int(3) : 1;
  for (let d = 0; d < documents; d++) {
    if (d > 0 || rng.chance(0.1)) lines.push(rng.pick(['---', '--- # doc', '---  ']));
    noise(0);
    if (rng.chance(0.1)) list(0, 0);
    else mapping(0, 0, undefined);
  }
  const text = lines.join('\n');
  return rng.chance(0.8) ? `${text}\n` : text;
}

describe('plain YAML reader', () => {
  it('reads what specs are made of, the same as the library', () => {
    const t = tally();
    const specs = [
      readFileSync(`${repoRoot}/examples/broken.yaml`, 'utf8'),
      'cluster_type: ManagedKubernetes\nnodepools:\n- nodepool_info: {name: np}\n  scaling_group:\n    vswitch_ids:\n    - vsw-1\n    desired_size: 2\n',
      'a:\n  b:\n    c:\n      d: [1, [2, [3, {e: f}]]]\n',
      "# head\nname: x # trailing\n\n# between\nlist:\n  - a\n  - b # c\n    # glued to b\n  # ends the list\n'q': \"v\"\n# tail\n",
      '# head\n---\na: 1\n  # c\n--- # second\n- x\n---\nb:\n  c: 2\n  # stays\n',
      'base: &b\n  x: 1\n  y: [1, 2]\nother: &o {z: 3}\nuse:\n  <<: [*b, *o]\n  x: 9\none:\n  <<: *b\nlist: *b\nitems: [*b, *o, *missing]\nlast: &s x\n',
      'addons:\n  - name: ingress\n    config: |\n      {"IngressDashboardEnabled": "true"}\n  - name: logtail\n    config: >-\n      folded\n      text\nname: x\n',
    ];
    specs.forEach((text, i) => expect(compare(`spec ${i}`, text, t), `spec ${i} read`).toBe(true));
    expect(t.mismatches).toEqual([]);
  });

  it('declines what needs the library', () => {
    const t = tally();
    const declined = [
      'a: !!str 1\n', 'a: |+\n  text\n', 'a: |2\n  text\n', 'a: >\n  x\n\n  y\n', 'a: |\nb: 1\n', 'a: "multi\n  line"\n', 'a: plain\n  continued\n', 'a:\nb: 1\n', 'a: 1\n---\n', '--- a: 1\n',
      'a: 1\n...\n', 'a: 1\n---\n---\nb: 2\n', '---\n# empty\n',
      'a: 1\r\n', 'a:\t1\n', '%YAML 1.2\n---\na: 1\n', 'a: "esc\\q"\n', 'a: [1,\n  2]\n', '? a\n: 1\n', 'a: b: c\n', '  a: 1\n',
      'a: 1\n  b: 2\n', '- - x\n', 'a: [1, ]\n', '# only a comment\n', '', 'scalar\n', 'a: 1 # c\nb\n', 'a: "x"y\n', 'a:\n  - x\n  y: 1\n',
    ];
    for (const text of declined) expect(compare(JSON.stringify(text), text, t), JSON.stringify(text)).toBe(false);
    expect(t.mismatches).toEqual([]);
  });

  it('gives the same model and problems on every YAML file of the repository and the corpus', () => {
    const files = repositoryYaml();
    expect(files.length).toBeGreaterThan(100);
    const t = tally();
    for (const f of files) compare(relative(repoRoot, f), readFileSync(f, 'utf8'), t);
    expect(t.mismatches).toEqual([]);
    // Most specs are plain YAML; the fixtures hold many broken and unusual ones on purpose.
    expect(t.read).toBeGreaterThan(t.inputs * 0.4);
    console.log(`repository YAML: ${t.inputs} files, ${t.read} read without the library, ${t.declinedValid} valid ones declined`);
  });

  it('gives the same model and problems on thousands of generated plain documents and their mutations', () => {
    const rng = new Rng(11);
    const t = tally();
    const small: ParseLimits = { ...DEFAULT_LIMITS, maxDepth: 3 };
    for (let i = 0; i < 4000; i++) {
      const text = plainDocument(rng);
      compare(`plain ${i}`, text, t, i % 10 === 0 ? small : DEFAULT_LIMITS);
      if (i % 2 === 0) compare(`plain ${i} mutated`, mutate(text, rng), t);
    }
    const seeds = loadSeeds(repoRoot);
    const yamlSeeds = seeds.filter((s) => s.format === 'yaml');
    for (let i = 0; i < 800; i++) {
      const input = generate(seeds, rng, 'Marker-Pw-1');
      if (/\.ya?ml$/.test(input.fileName)) compare(`generated ${i} (${input.steps.join(' | ')})`, input.text, t);
      compare(`seed mutated ${i}`, mutate(rng.pick(yamlSeeds).text, rng), t);
    }
    ORDINARY_YAML.forEach((text, i) => {
      compare(`ordinary ${i}`, text, t);
      for (let k = 0; k < 30; k++) compare(`ordinary ${i} mutated ${k}`, mutate(text, rng), t);
    });
    expect(t.mismatches).toEqual([]);
    // The generator writes plain YAML: most of it must be read without the library.
    expect(t.read).toBeGreaterThan(2000);
    console.log(`generated: ${t.inputs} inputs, ${t.read} read without the library, ${t.declinedValid} valid ones declined`);
  }, 120_000);

  it('is what parseFileSync uses for YAML, without the library loaded', async () => {
    const text = readFileSync(`${repoRoot}/examples/broken.yaml`, 'utf8');
    const parsed = parseFileSync(text, { format: 'yaml' });
    expect(parsed.documents[0]!.kind).toBe('cluster');
    expect(parsed.documents[0]!.value).toMatchObject({ name: 'prod hangzhou 1', period: 5 });
  });
});
