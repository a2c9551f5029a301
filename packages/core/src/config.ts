import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { SeveritySetting } from './diagnostic.js';
import { DEFAULT_LIMITS } from './parse/problems.js';
import { formatFromName, loadYamlParser, parseFileSync } from './parse/index.js';
import type { JsonPath, JsonValue } from './model.js';
import type { Rule } from './rule.js';
import { POLICY_GUIDE_URL } from './meta.js';
import { formats } from './schema/formats.js';

/** The names looked for, in this order, in each directory from the linted file up to the filesystem root. */
export const CONFIG_FILE_NAMES = ['.acklint.yaml', '.acklint.yml', '.acklint.json'] as const;

export interface AcklintConfig {
  /** Where the config was read from (undefined for the built-in defaults). */
  path?: string;
  rules: Record<string, SeveritySetting>;
  /** Globs relative to the config file's directory. */
  files: string[];
  maxFileSize: number;
  /** Inventory files (absolute paths, resolved against the config file's directory). */
  inventory: string[];
  /** The team's policies (`policies:`), compiled into rules with `policy/…` ids; absent when the config has none. */
  policies?: Rule[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function defaultConfig(): AcklintConfig {
  return { rules: {}, files: [], maxFileSize: DEFAULT_LIMITS.maxFileSize, inventory: [] };
}

/** The nearest config file at or above `dir`, or undefined. */
export function findConfigFile(dir: string): string | undefined {
  let cur = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(cur, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(cur);
    if (parent === cur) return undefined;
    cur = parent;
  }
}

/**
 * Read and validate a config file. Throws {@link ConfigError} with a one-line, file:line:col message for anything
 * wrong (syntax, unknown keys, unknown rule ids, bad severities).
 */
export async function loadConfigFile(path: string, knownRuleIds?: ReadonlySet<string>): Promise<AcklintConfig> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const format = formatFromName(path) === 'yaml' ? 'yaml' : 'jsonc';
  if (format === 'yaml') await loadYamlParser();
  const parsed = parseFileSync(bytes, { fileName: path, format });
  const first = parsed.problems[0];
  if (first) {
    const p = parsed.source.positionAt(first.start);
    throw new ConfigError(`${path}:${p.line + 1}:${p.character + 1}: ${first.message}`);
  }
  const doc = parsed.documents[0];
  const value: JsonValue | undefined = doc?.value ?? undefined;
  if (value === undefined || value === null) return { ...defaultConfig(), path };

  // Generated at build time (scripts/build.mjs); loaded only when a config file exists.
  const { default: validateConfigShape } = await import('./generated/config-validator.js');
  if (!validateConfigShape(value)) {
    const e = validateConfigShape.errors?.[0];
    const where: (string | number)[] = e?.instancePath ? e.instancePath.slice(1).split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : [];
    // ajv-errors wraps the original error: point at the unknown key itself, and at the value for a bad value.
    const original = e?.keyword === 'errorMessage' ? (e.params as { errors?: { keyword: string; params: Record<string, unknown> }[] }).errors?.[0] : e;
    const unknownKey = original?.keyword === 'additionalProperties' ? String(original.params['additionalProperty']) : undefined;
    const span = doc!.spanOf(unknownKey === undefined ? where : [...where, unknownKey], unknownKey === undefined ? 'value' : 'key');
    const p = parsed.source.positionAt(span.start);
    const field = where.length ? where.join('.') : 'the config';
    const message = unknownKey === undefined ? e?.message : e?.message?.replace('an unknown key', `an unknown key "${unknownKey}"`);
    throw new ConfigError(`${path}:${p.line + 1}:${p.character + 1}: ${field} ${message ?? 'is not valid'}`);
  }
  const v = value as { rules?: Record<string, SeveritySetting>; files?: string[]; maxFileSize?: number | string; inventory?: string[]; policies?: unknown[] };
  const at = (where: JsonPath, on: 'key' | 'value' = 'value'): string => {
    const p = parsed.source.positionAt(doc!.spanOf(where, on).start);
    return `${path}:${p.line + 1}:${p.character + 1}`;
  };
  // ajv and the policy compiler are loaded only for a config that has policies.
  const policies = v.policies?.length ? await loadPolicyList(v.policies, path, at, knownRuleIds) : undefined;
  const rules: Record<string, SeveritySetting> = { ...(v.rules ?? {}) };
  if (knownRuleIds) {
    const known = policies ? new Set([...knownRuleIds, ...policies.map((r) => r.meta.id)]) : knownRuleIds;
    for (const id of Object.keys(rules)) {
      if (!known.has(id)) throw new ConfigError(`${at(['rules', id], 'key')}: unknown rule "${id}"${suggest(id, known)}`);
    }
  }
  return {
    path,
    rules,
    files: v.files ?? [],
    maxFileSize: v.maxFileSize === undefined ? DEFAULT_LIMITS.maxFileSize : parseSize(v.maxFileSize),
    inventory: (v.inventory ?? []).map((p) => resolve(dirname(path), p)),
    ...(policies ? { policies } : {}),
  };
}

/** `path` relative to the working directory when it is inside it (so that SARIF uploads carry no home directories). */
function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

async function loadPolicyList(list: unknown[], path: string, at: (where: JsonPath, on?: 'key' | 'value') => string, builtinIds?: ReadonlySet<string>): Promise<Rule[]> {
  const { loadPolicies } = await import('./policies/load.js');
  return loadPolicies(list as Parameters<typeof loadPolicies>[0], {
    configName: displayName(path),
    at,
    error: (message) => new ConfigError(message),
    ...(builtinIds ? { builtinIds } : {}),
    formats,
    suggest,
    guideUrl: POLICY_GUIDE_URL,
  });
}

const UNITS: Record<string, number> = { B: 1, KB: 1000, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** `10MiB`, `512 KiB`, `1000000` → bytes. */
export function parseSize(size: number | string): number {
  if (typeof size === 'number') return size;
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)$/.exec(size.trim());
  const unit = m?.[2] || 'B';
  if (!m || !(unit in UNITS)) throw new ConfigError(`invalid size "${size}" (use bytes or a size such as 10MiB)`);
  return Math.floor(Number(m[1]) * UNITS[unit]!);
}

/** " (did you mean "x"?)" for the closest known id, or "". */
export function suggest(word: string, candidates: Iterable<string>): string {
  const best = closest(word, candidates, Math.max(2, Math.floor(word.length / 3)));
  return best !== undefined ? ` (did you mean "${best}"?)` : '';
}

/** The candidate nearest to `word` by edit distance, if it is at most `maxDistance` away (the first of equals). */
export function closest(word: string, candidates: Iterable<string>, maxDistance: number, key: (s: string) => string = (s) => s): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const w = key(word);
  for (const c of candidates) {
    const d = editDistance(w, key(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/** Levenshtein distance (two rows). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * Finds and caches the config for each directory, so that linting thousands of files reads each config once.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<AcklintConfig>>();
  private readonly byPath = new Map<string, Promise<AcklintConfig>>();

  constructor(private readonly knownRuleIds?: ReadonlySet<string>) {}

  forFile(filePath: string): Promise<AcklintConfig> {
    return this.forDirectory(dirname(resolve(filePath)));
  }

  forDirectory(dir: string): Promise<AcklintConfig> {
    const abs = resolve(dir);
    let p = this.byDir.get(abs);
    if (!p) {
      const path = findConfigFile(abs);
      p = path ? this.load(path) : Promise.resolve(defaultConfig());
      this.byDir.set(abs, p);
    }
    return p;
  }

  load(path: string): Promise<AcklintConfig> {
    const abs = resolve(path);
    let p = this.byPath.get(abs);
    if (!p) {
      p = loadConfigFile(abs, this.knownRuleIds);
      this.byPath.set(abs, p);
    }
    return p;
  }
}
