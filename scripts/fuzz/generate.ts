/**
 * Structure-aware input generator for the fuzzer: mutations of real specs (the shared corpus, the examples and the
 * rule fixtures) at the value level (type swaps at random paths, odd CIDRs, passwords in many forms, many node pools,
 * deep nesting) and at the text level (byte flips, truncation, splices, odd Unicode and line ends, YAML tags,
 * anchors, aliases and merge keys, duplicate keys, multi-document streams). Deterministic for a given seed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parseAllDocuments } from 'yaml';

/** xorshift128+-style PRNG (mulberry32 seeds four lanes): fast, deterministic, good enough for fuzzing. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

export type SeedFormat = 'json' | 'jsonc' | 'yaml';

export interface Seed {
  name: string;
  text: string;
  format: SeedFormat;
  /** The parsed value of each document (undefined when the seed does not parse). */
  values: unknown[] | undefined;
}

export interface FuzzInput {
  /** File name the input is linted under (its extension picks the parser). */
  fileName: string;
  text: string;
  /** Give the linter UTF-8 bytes rather than a string (exercises decoding). */
  asBytes: boolean;
  /** What was done to the seed, for the failure report. */
  steps: string[];
}

const SPEC = /\.(json|jsonc|ya?ml)$/;

function formatOf(name: string): SeedFormat {
  if (name.endsWith('.jsonc')) return 'jsonc';
  if (name.endsWith('.json')) return 'json';
  return 'yaml';
}

function listFiles(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) listFiles(p, out);
    else if (SPEC.test(e) && !/\.inventory(\.[^.]+)?\.json$/.test(e)) out.push(p);
  }
}

/** The seeds: ../shared/corpus, examples/ and rules/fixtures/ (in a fixed order, so runs are reproducible). */
export function loadSeeds(repoRoot: string): Seed[] {
  const files: string[] = [];
  for (const d of [join(repoRoot, '..', 'shared', 'corpus'), join(repoRoot, 'examples'), join(repoRoot, 'rules', 'fixtures')]) listFiles(d, files);
  return files.map((f) => {
    const text = readFileSync(f, 'utf8');
    const format = formatOf(f);
    return { name: relative(repoRoot, f), text, format, values: parseValues(text, format) };
  });
}

function parseValues(text: string, format: SeedFormat): unknown[] | undefined {
  try {
    if (format === 'yaml') {
      const docs = parseAllDocuments(text, { merge: true });
      if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) return undefined;
      return docs.map((d) => d.toJS({ maxAliasCount: 1000 }) as unknown);
    }
    const errors: unknown[] = [];
    const v = parseJsonc(text, errors as never, { allowTrailingComma: true });
    return errors.length ? undefined : [v];
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Value-level mutations

type Obj = Record<string, unknown>;
type Path = (string | number)[];

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Every path in a value, breadth first, at most `max` of them. */
function paths(root: unknown, max = 2000): Path[] {
  const out: Path[] = [];
  const queue: Array<[unknown, Path]> = [[root, []]];
  while (queue.length && out.length < max) {
    const [v, p] = queue.shift()!;
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => queue.push([x, [...p, i]]));
    else if (isObj(v)) for (const k of Object.keys(v)) queue.push([v[k], [...p, k]]);
  }
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let cur = root as Obj;
  for (const seg of path.slice(0, -1)) cur = (cur as Record<string | number, unknown>)[seg] as Obj;
  (cur as Record<string | number, unknown>)[path[path.length - 1]!] = value;
  return root;
}

const ODD_VALUES: unknown[] = [
  null,
  {},
  [],
  { image_type: { nested: true } },
  [null],
  [{}],
  [[]],
  0,
  -1,
  1e21,
  -0.0,
  3.5,
  '',
  ' ',
  'true',
  '10',
  '${VAR}',
  '<your-value>',
  'x'.repeat(300),
  true,
  false,
  { toString: 'x', valueOf: 1, __proto__: 'p', constructor: {} },
  ['a', 1, null, {}, []],
  { '': null },
  'ＡＢＣ',
  '\u{1F600}\u{1F600}',
  '\uD800',
  'a\nb',
];

const ODD_CIDRS = [
  '10.0.0.0/33',
  '10.0.0.0/-1',
  '10.0.0.0/',
  '/8',
  '::/0',
  '::',
  'fd00::/8',
  '1.2.3.4',
  '10.0.0.0/8/8',
  '300.1.1.1/8',
  '0.0.0.0/0',
  '10.0.0.1/8',
  '10.0.0.0 /8',
  '１０.0.0.0/8',
  '10.0.0.0/8,172.16.0.0/12',
  '010.000.000.000/8',
  '10.0.0.0/08',
  '',
  '255.255.255.255/32',
  '192.168.0.0/16\n',
];

const CIDR_KEYS = ['container_cidr', 'service_cidr', 'pod_cidr', 'cidr_block', 'vpc_cidr', 'node_cidr_mask', 'pod_vswitch_cidr', 'security_ip'];

/** Where login passwords can go. */
const PASSWORD_HOMES: Path[] = [[], ['nodepools', 0, 'scaling_group'], ['worker_data_disks'], ['nodepools', 0, 'kubernetes_config'], ['control_plane_config']];

/** The password the fuzzer writes into `login_password` fields; no output may ever contain it. */
export const MARKER = 'Pw9MarkerQz7Secret';

function ensureObjAt(root: Obj, path: Path): Obj {
  let cur: unknown = root;
  for (const seg of path) {
    const next: unknown = (cur as Record<string | number, unknown>)[seg];
    if (typeof seg === 'number') {
      if (!Array.isArray(next) && !isObj(next)) return root;
    }
    if (!isObj(next) && !Array.isArray(next)) (cur as Record<string | number, unknown>)[seg] = {};
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return isObj(cur) ? cur : root;
}

function mutateValue(root: unknown, rng: Rng, marker: string, steps: string[]): unknown {
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) {
    const op = rng.int(9);
    if (op <= 2) {
      const ps = paths(root);
      const p = rng.pick(ps);
      const v = clone(rng.pick(ODD_VALUES));
      steps.push(`type-swap ${JSON.stringify(p)}`);
      root = setAt(root, p, v);
    } else if (op === 3) {
      if (!isObj(root)) continue;
      const ps = paths(root).filter((p) => CIDR_KEYS.includes(String(p[p.length - 1])));
      const cidr = rng.pick(ODD_CIDRS);
      if (ps.length && rng.chance(0.7)) root = setAt(root, rng.pick(ps), cidr);
      else root[rng.pick(CIDR_KEYS)] = rng.chance(0.3) ? [cidr, rng.pick(ODD_CIDRS)] : cidr;
      steps.push('odd-cidr');
    } else if (op === 4) {
      if (!isObj(root)) continue;
      const home = ensureObjAt(root, rng.pick(PASSWORD_HOMES));
      home['login_password'] = rng.pick<unknown>([marker, marker, [marker], { [marker]: 1 }, { value: marker }, `${marker} with tail`]);
      steps.push('password-value');
    } else if (op === 5) {
      if (!isObj(root)) continue;
      const addons = Array.isArray(root['addons']) ? root['addons'] : (root['addons'] = []);
      const config = rng.pick([
        JSON.stringify({ login_password: marker, x: 1 }),
        `{"login_password": "${marker}", "bad": }`,
        `{"nested": {"password": "${marker}"}, "x": [1,}`,
        `{"login_password": "${marker}"`,
        `login_password=${marker}`,
        JSON.stringify({ login_password: marker }).replace(/"/g, "'"),
      ]);
      (addons as unknown[]).push({ name: rng.pick(['logtail-ds', 'terway-eniip', 'nginx-ingress-controller', 'unknown-addon-x']), config });
      steps.push('password-in-addon-config');
    } else if (op === 6) {
      // Many node pools: exercises per-pool cost.
      if (!isObj(root)) continue;
      const pools = Array.isArray(root['nodepools']) && root['nodepools'].length ? (root['nodepools'] as unknown[]) : [{ nodepool_info: { name: 'np' }, scaling_group: { vswitch_ids: ['vsw-1'], instance_types: ['ecs.g7.large'] } }];
      const count = rng.pick([20, 100, 400]);
      const out: unknown[] = [];
      for (let k = 0; k < count; k++) {
        const p = clone(pools[k % pools.length]);
        if (isObj(p) && isObj(p['nodepool_info'])) p['nodepool_info']['name'] = `np-${k}`;
        out.push(p);
      }
      root['nodepools'] = out;
      steps.push(`node-pools x${count}`);
    } else if (op === 7) {
      const ps = paths(root);
      const p = rng.pick(ps);
      let v: unknown = 'deep';
      const depth = rng.pick([10, 60, 255, 256, 300]);
      for (let k = 0; k < depth; k++) v = rng.chance(0.5) ? [v] : { k: v };
      steps.push(`deep-nesting ${depth}`);
      root = setAt(root, p, v);
    } else {
      // Copy a sibling value to another key (same shape in an unexpected place).
      const ps = paths(root).filter((p) => p.length > 0);
      if (ps.length < 2) continue;
      const from = rng.pick(ps);
      const to = rng.pick(ps);
      const v = clone(getAt(root, from));
      steps.push(`move ${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
      root = setAt(root, to, v);
    }
  }
  return root;
}

function getAt(root: unknown, path: Path): unknown {
  let cur = root;
  for (const seg of path) cur = (cur as Record<string | number, unknown>)?.[seg];
  return cur;
}

// ---------------------------------------------------------------------------------------------------------------
// Serialisers with odd but valid (or nearly valid) styles

interface EmitStyle {
  rng: Rng;
  marker: string;
  /** Duplicate some keys. */
  dupKeys: boolean;
  /** Anchors defined so far (for aliases). */
  anchors: string[];
  yamlTricks: boolean;
}

function emitJson(v: unknown, style: EmitStyle, indent: string, jsonc: boolean): string {
  const { rng } = style;
  const nl = indent === '' && rng.chance(0.2) ? '' : '\n';
  const inner = nl ? indent + '  ' : '';
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    const items = v.map((x) => inner + emitJson(x, style, inner, jsonc));
    return `[${nl}${items.join(`,${nl}`)}${jsonc && rng.chance(0.1) ? ',' : ''}${nl}${nl ? indent : ''}]`;
  }
  if (isObj(v)) {
    const keys = Object.keys(v);
    if (!keys.length) return '{}';
    const entries: string[] = [];
    for (const k of keys) {
      let key = JSON.stringify(k);
      if (k === 'login_password' && rng.chance(0.1)) key = '"login\\u005fpassword"';
      entries.push(`${inner}${key}: ${emitJson(v[k], style, inner, jsonc)}`);
      if (style.dupKeys && rng.chance(0.05)) entries.push(`${inner}${key}: ${emitJson(rng.pick(ODD_VALUES), style, inner, jsonc)}`);
      if (jsonc && rng.chance(0.03)) entries.push(`${inner}// comment ${k}`.replace(/,$/, ''));
    }
    // Comments must not be followed by a comma: join carefully.
    let out = '';
    entries.forEach((e, i) => {
      const isComment = e.trimStart().startsWith('//');
      const last = entries.slice(i + 1).every((x) => x.trimStart().startsWith('//'));
      out += e + (isComment || last ? '' : ',') + nl;
    });
    if (!nl) out = out.replace(/\/\/[^\n]*/g, '');
    return `{${nl}${out}${nl ? indent : ''}}`;
  }
  if (typeof v === 'string' && v.includes(style.marker) && rng.chance(0.3)) {
    // An escaped form of the password.
    return JSON.stringify(v).replace(/[A-Za-z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return JSON.stringify(v) ?? 'null';
}

const PLAIN_SAFE = /^[A-Za-z_./][A-Za-z0-9_./@+ -]*$/;
const TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq', '!custom', '!!binary', '!!timestamp', '!<tag:yaml.org,2002:str>', '!!set', '!!omap'];

function yamlScalar(v: unknown, style: EmitStyle, indent: string): string {
  const { rng } = style;
  if (typeof v === 'string') {
    if (v.includes(style.marker)) {
      const forms = [
        () => v,
        () => JSON.stringify(v),
        () => `'${v.replace(/'/g, "''")}'`,
        () => `|-\n${indent}  ${v}`,
        () => `|\n${indent}  ${v}\n`,
        () => `>-\n${indent}  ${v}`,
        () => `!!str ${v}`,
        () => JSON.stringify(v).replace(/[A-Za-z]/, (c) => `\\x${c.charCodeAt(0).toString(16)}`),
      ];
      return rng.pick(forms)();
    }
    if (PLAIN_SAFE.test(v) && !/ $/.test(v) && !/^(true|false|null|yes|no|on|off|~|y|n)$/i.test(v) && rng.chance(0.7)) return v;
    return rng.chance(0.5) ? JSON.stringify(v) : `'${v.replace(/'/g, "''")}'`;
  }
  if (v === null) return rng.pick(['null', '~', '', 'Null']);
  return String(v);
}

function emitYaml(v: unknown, style: EmitStyle, indent: string, flow: boolean): string {
  const { rng } = style;
  let prefix = '';
  if (style.yamlTricks && rng.chance(0.03)) prefix += `${rng.pick(TAGS)} `;
  if (style.yamlTricks && (isObj(v) || Array.isArray(v) || typeof v === 'string') && rng.chance(0.06)) {
    const name = `a${style.anchors.length}`;
    style.anchors.push(name);
    prefix += `&${name} `;
  } else if (style.yamlTricks && style.anchors.length && rng.chance(0.04)) {
    return `*${rng.pick(style.anchors)}`;
  }
  if (Array.isArray(v)) {
    if (!v.length) return `${prefix}[]`;
    if (flow || rng.chance(0.05)) return `${prefix}[${v.map((x) => emitYaml(x, style, indent, true)).join(', ')}]`;
    const lines = v.map((x) => `${indent}- ${emitYaml(x, style, indent + '  ', false).replace(/^\n\s*/, '')}`);
    return `${prefix.trimEnd()}\n${lines.join('\n')}`;
  }
  if (isObj(v)) {
    const keys = Object.keys(v);
    if (!keys.length) return `${prefix}{}`;
    if (flow || rng.chance(0.03)) {
      return `${prefix}{${keys.map((k) => `${JSON.stringify(k)}: ${emitYaml(v[k], style, indent, true)}`).join(', ')}}`;
    }
    const lines: string[] = [];
    for (const k of keys) {
      const key = PLAIN_SAFE.test(k) ? k : JSON.stringify(k);
      const val = emitYaml(v[k], style, indent + '  ', false);
      lines.push(`${indent}${key}:${val.startsWith('\n') ? '' : ' '}${val}`);
      if (style.dupKeys && rng.chance(0.04)) lines.push(`${indent}${key}: ${yamlScalar(rng.pick(['x', 1, null, 'dup']), style, indent)}`);
      if (style.yamlTricks && style.anchors.length && rng.chance(0.03)) lines.push(`${indent}<<: ${rng.chance(0.7) ? `*${rng.pick(style.anchors)}` : `[*${rng.pick(style.anchors)}, *${rng.pick(style.anchors)}]`}`);
    }
    return `${prefix.trimEnd()}\n${lines.join('\n')}`;
  }
  return prefix + yamlScalar(v, style, indent);
}

// ---------------------------------------------------------------------------------------------------------------
// Text-level mutations

const ODD_UNICODE = ['\u{1F600}', '\uD800', '\uDC00', '\u200B', '\uFEFF', '\u2028', '\u2029', '\u0085', '\u00A0', 'é', 'e\u0301', '\u202E', '\t', '\u0000', '\u{10FFFF}', '𝒜', '\r', '\x7f', '\u3000'];
const SYNTAX_CHARS = ['"', "'", '{', '}', '[', ']', ':', ',', '-', '#', '&', '*', '!', '|', '>', '%', '@', '`', '? ', '<<: ', '\\', '\n', '  ', '---\n', '...\n'];

function mutateText(text: string, seeds: readonly Seed[], rng: Rng, steps: string[], marker: string): string {
  const n = rng.int(4);
  for (let k = 0; k < n; k++) {
    const op = rng.int(12);
    // Any index, so that edits can split a surrogate pair.
    const at = rng.int(text.length + 1);
    switch (op) {
      case 0: {
        // Byte flip (as a character).
        if (!text.length) break;
        const i = rng.int(text.length);
        text = text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << rng.int(7))) + text.slice(i + 1);
        steps.push(`flip @${i}`);
        break;
      }
      case 1:
        text = text.slice(0, at);
        steps.push(`truncate @${at}`);
        break;
      case 2: {
        const other = rng.pick(seeds).text;
        const s = rng.int(other.length + 1);
        const len = rng.int(Math.min(400, other.length - s) + 1);
        text = text.slice(0, at) + other.slice(s, s + len) + text.slice(at);
        steps.push(`splice @${at} +${len}`);
        break;
      }
      case 3: {
        const len = rng.int(60);
        text = text.slice(0, at) + text.slice(at + len);
        steps.push(`delete @${at} -${len}`);
        break;
      }
      case 4: {
        const u = rng.pick(ODD_UNICODE);
        const times = rng.chance(0.2) ? 1 + rng.int(50) : 1;
        text = text.slice(0, at) + u.repeat(times) + text.slice(at);
        steps.push(`unicode @${at}`);
        break;
      }
      case 5: {
        const eol = rng.pick(['\r\n', '\r', '\u2028', '\n\r', '\r\r\n']);
        text = rng.chance(0.5) ? text.replace(/\r?\n/g, eol) : text.replace(/\r?\n/g, (m) => (rng.chance(0.3) ? eol : m));
        steps.push(`line-ends ${JSON.stringify(eol)}`);
        break;
      }
      case 6: {
        const c = rng.pick(SYNTAX_CHARS);
        text = text.slice(0, at) + c + text.slice(at);
        steps.push(`insert ${JSON.stringify(c)} @${at}`);
        break;
      }
      case 7: {
        // Re-indent a line.
        const lines = text.split('\n');
        const i = rng.int(lines.length);
        lines[i] = rng.pick(['', ' ', '   ', '\t', '    ']) + lines[i]!.replace(/^\s{0,2}/, rng.chance(0.5) ? '' : '   ');
        text = lines.join('\n');
        steps.push(`indent line ${i}`);
        break;
      }
      case 8: {
        // Duplicate a line (duplicate keys).
        const lines = text.split('\n');
        const i = rng.int(lines.length);
        lines.splice(i, 0, lines[i]!);
        text = lines.join('\n');
        steps.push(`dup line ${i}`);
        break;
      }
      case 9: {
        // Multi-document stream.
        const other = rng.pick(seeds).text;
        const docs = rng.chance(0.2) ? 20 + rng.int(200) : 1 + rng.int(3);
        const sep = rng.pick(['\n---\n', '\n...\n---\n', '\n--- \n', '\n---', '\n--- # c\n']);
        let extra = '';
        for (let d = 0; d < docs; d++) extra += sep + (d % 2 ? other : `login_password: ${marker}\ncluster_type: ManagedKubernetes\n`);
        text = (rng.chance(0.2) ? '%YAML 1.2\n---\n' : '') + text + extra;
        steps.push(`multi-doc x${docs}`);
        break;
      }
      case 10: {
        // Anchor, alias, merge key or tag on a random line.
        const lines = text.split('\n');
        const i = rng.int(lines.length);
        const trick = rng.pick(['&x ', '*x', '<<: *x', '<<: [*x, *y]', '!!str ', '!!map ', '!bad!tag ', '&y ', '<<: 5', '? ', '*undefined']);
        lines[i] = lines[i]!.replace(/: /, `: ${trick} `);
        if (!lines[i]!.includes(trick)) lines.splice(i, 0, `${lines[i]!.match(/^\s*/)![0]}${trick}`);
        text = lines.join('\n');
        steps.push(`yaml-trick ${JSON.stringify(trick)} line ${i}`);
        break;
      }
      default: {
        // A password line in an odd form, on its own line.
        const lines = text.split('\n');
        const i = rng.int(lines.length + 1);
        const indentOf = (lines[i] ?? lines[i - 1] ?? '').match(/^\s*/)![0];
        const form = rng.pick([
          `login_password: ${marker}`,
          `"login_password": "${marker}",`,
          `login_password: "${marker}`,
          `login_password: '${marker}`,
          `login_password: ${marker}: x`,
          `login_password: [${marker}`,
          `login_password: {${marker}}`,
          `login_password: &pw ${marker}\nname: *pw`,
          `? login_password\n: ${marker}`,
          `login_password: |\n  ${marker}`,
          `login_password:\n  - ${marker}`,
          `login_password: ${marker} # comment`,
          `"login_password":"${marker}"}`,
          `login_password:    ${marker}\t`,
          `login_password: !!binary ${marker}`,
        ]);
        lines.splice(i, 0, ...form.split('\n').map((l) => indentOf + l));
        text = lines.join('\n');
        steps.push(`password-line ${i}`);
      }
    }
  }
  return text;
}

/** One fuzz input, derived from a seed chosen by `rng`. */
export function generate(seeds: readonly Seed[], rng: Rng, marker: string): FuzzInput {
  const seed = rng.pick(seeds);
  const steps = [`seed ${seed.name}`];
  let text = seed.text;
  let format: SeedFormat = seed.format;
  if (seed.values && rng.chance(0.75)) {
    // Structure-aware: mutate the value, then write it out in a (possibly different) syntax.
    format = rng.pick<SeedFormat>(['json', 'jsonc', 'yaml', 'yaml', seed.format]);
    const style: EmitStyle = { rng, marker, dupKeys: rng.chance(0.3), anchors: [], yamlTricks: rng.chance(0.4) };
    const docs = seed.values.map((v) => mutateValue(clone(v), rng, marker, steps));
    if (format === 'yaml') text = docs.map((d) => emitYaml(d, style, '', false).replace(/^\n/, '')).join('\n---\n') + '\n';
    else text = emitJson(docs[0], style, '', format === 'jsonc') + '\n';
    steps.push(`emit ${format}${style.dupKeys ? ' dup-keys' : ''}${style.yamlTricks ? ' yaml-tricks' : ''}`);
  }
  text = mutateText(text, seeds, rng, steps, marker);
  const ext = format === 'yaml' ? rng.pick(['yaml', 'yml']) : format;
  return { fileName: `input.${ext}`, text, asBytes: rng.chance(0.15), steps };
}
