/**
 * For the tests that compare two ways of reading YAML: the repository's YAML files, an exact comparison of models, and
 * mutations at YAML's syntax.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from '../../../../scripts/fuzz/generate.js';
import { PlainObject } from '../../src/model.js';

export const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');

export function yamlFiles(dir: string, out: string[] = []): string[] {
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
export function canon(root: unknown): string {
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
    const proto = Object.getPrototypeOf(v);
    return { [proto === null ? 'bare' : proto === PlainObject.prototype ? 'plain' : 'obj']: Object.keys(o).sort().map((k) => [k, enc(o[k])]) };
  };
  return JSON.stringify(enc(root));
}

/** Where two strings first differ, with some context. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 300);
  return `\nbuilt:    …${a.slice(from, i + 300)}\ncomposed: …${b.slice(from, i + 300)}`;
}

/** Every YAML file of the repository (rules, examples, test fixtures, packages) and of the shared corpus, and the fuzz finds, which keep YAML under other extensions too. */
export function repositoryYaml(): string[] {
  const files = [
    ...yamlFiles(join(repoRoot, 'rules')),
    ...yamlFiles(join(repoRoot, 'examples')),
    ...yamlFiles(join(repoRoot, 'test', 'fixtures')),
    ...yamlFiles(join(repoRoot, 'packages')),
    ...yamlFiles(join(repoRoot, '..', 'shared', 'corpus')),
  ];
  const fuzz = join(repoRoot, 'test', 'fixtures', 'fuzz');
  for (const f of readdirSync(fuzz).sort()) if (!/\.(ya?ml|txt|md)$/.test(f)) files.push(join(fuzz, f));
  return files;
}

/** Edits at YAML's syntax: indicators, quotes, brackets, anchors, tabs, indentation, line ends. */
const PIECES = [' ', '  ', '\t', ':', ': ', '-', '- ', '#', ' #c', '&a ', '*a', '<<: *a', '"', "'", '[', ']', '{', '}', ',', '\n', '|', '>-', '---\n', '...\n', '? ', '!!str ', '~', '\r\n', 'é', '\u00a0'];

export function mutate(text: string, rng: Rng): string {
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


/** YAML as specs are written, with the YAML features people use in them. */
export const ORDINARY_YAML = [
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

