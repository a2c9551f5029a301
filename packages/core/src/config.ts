import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { SeveritySetting } from './diagnostic.js';
import { DEFAULT_LIMITS } from './parse/problems.js';
import { formatFromName, parseFile } from './parse/index.js';
import type { JsonPath, JsonValue } from './model.js';
import type { Rule } from './rule.js';
import { POLICY_GUIDE_URL } from './meta.js';
import { formats } from './schema/formats.js';
import { mergePolicies } from './policies/merge.js';

/** The names looked for, in this order, in each directory from the linted file up to the filesystem root. */
export const CONFIG_FILE_NAMES = ['.acklint.yaml', '.acklint.yml', '.acklint.json'] as const;

export interface AcklintConfig {
  /** Where the config was read from (undefined for the built-in defaults). */
  path?: string;
  rules: Record<string, SeveritySetting>;
  /** Globs relative to the config file's directory (this file's own list; see {@link AcklintConfig.fileSets}). */
  files: string[];
  maxFileSize: number;
  /** Inventory files (absolute paths, resolved against the config file's directory). */
  inventory: string[];
  /** The directory cascade stops here: configs of parent directories are not read. */
  root: boolean;
  /** Every config file that went into this one, outermost first (parent directories, then `extends`, then this file). */
  sources: string[];
  /** The `files` globs of every config of the chain, each with the directory they are relative to. */
  fileSets: FileSet[];
  /** Rule levels for some files (and, with `glob#/json/pointer`, for some places in them), in order: later wins. */
  overrides: ConfigOverride[];
  suppressions: SuppressionSettings;
  /**
   * The team's policies (`policies:` of every config of the chain, merged: a later policy with the id of an earlier one
   * replaces it), compiled into rules with `policy/…` ids; absent when no config of the chain has any.
   */
  policies?: Rule[];
  /**
   * Policy ids that `rules:` (and overrides) of the chain set a level for, with their place in their config: checked
   * against {@link AcklintConfig.policies} once the chain is complete (a config may set the level of a policy that
   * a parent directory's config or an extended one defines).
   */
  policyLevels?: PolicyLevel[];
}

export interface PolicyLevel {
  id: string;
  /** `file:line:col` of the id in its config. */
  at: string;
}

export interface FileSet {
  /** Absolute directory the globs are relative to (the config file's). */
  base: string;
  globs: string[];
}

export interface ConfigOverride {
  /** Absolute directory the globs are relative to (the config file's). */
  base: string;
  /** Globs, each optionally followed by `#/json/pointer` to narrow it to a place in the file. */
  files: string[];
  rules: Record<string, SeveritySetting>;
  /** Why: shown as the justification of findings an override turns off at a JSON pointer. */
  reason?: string;
}

/** How inline `acklint-disable` comments are handled (unset keys: the defaults, or what a parent config says). */
export interface SuppressionSettings {
  /** Honour `acklint-disable…` comments (false: findings they name are reported anyway). Default true. */
  inline?: boolean;
  /** A comment directive without `-- reason` suppresses nothing and is reported. Default false. */
  requireReason?: boolean;
  /** Level of the finding for a directive that suppressed nothing; undefined: the front end decides (CLI: warning in CI). */
  reportUnused?: SeveritySetting;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function defaultConfig(): AcklintConfig {
  return {
    rules: {},
    files: [],
    maxFileSize: DEFAULT_LIMITS.maxFileSize,
    inventory: [],
    root: false,
    sources: [],
    fileSets: [],
    overrides: [],
    suppressions: {},
  };
}

/** What the built-in presets need to know of a rule. */
export interface PresetRule {
  id: string;
  category: string;
}

/** Names `extends:` accepts besides config file paths. */
export const PRESETS = ['acklint:recommended', 'acklint:strict'] as const;

/**
 * The rule levels of a built-in preset. `acklint:recommended` is every rule at its default level; `acklint:strict`
 * turns every rule into an error, except the security rules (hardening advice whose trade-offs a team may accept),
 * which become warnings.
 */
export function presetRules(name: string, rules: readonly PresetRule[]): Record<string, SeveritySetting> {
  if (name === 'acklint:recommended') return {};
  if (name === 'acklint:strict') return Object.fromEntries(rules.map((r) => [r.id, r.category === 'security' ? 'warning' : 'error']));
  throw new ConfigError(`unknown preset "${name}"${suggest(name, PRESETS)}; use one of ${PRESETS.join(', ')} or a config file path`);
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

/** One config file as written, before `extends` and the directory cascade are applied. */
interface RawConfig {
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, SeveritySetting>;
  files?: string[];
  maxFileSize?: number | string;
  inventory?: string[];
  overrides?: Array<{ files: string[]; rules?: Record<string, SeveritySetting>; reason?: string }>;
  suppressions?: Partial<SuppressionSettings>;
  policies?: unknown[];
}

interface ConfigFileText {
  path: string;
  value: RawConfig | undefined;
  /** file:line:col of a place in the config, for error messages. */
  where(path: (string | number)[], on: 'key' | 'value'): string;
  /** This file's own policies, compiled. */
  policies?: Rule[];
  policyLevels?: PolicyLevel[];
}

/** Read, parse and validate the shape of one config file. */
async function readConfigFile(path: string, knownRuleIds?: ReadonlySet<string>): Promise<ConfigFileText> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ConfigError(`cannot read config ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const format = formatFromName(path) === 'yaml' ? 'yaml' : 'jsonc';
  const parsed = await parseFile(bytes, { fileName: path, format });
  const first = parsed.problems[0];
  if (first) {
    const p = parsed.source.positionAt(first.start);
    throw new ConfigError(`${path}:${p.line + 1}:${p.character + 1}: ${first.message}`);
  }
  const doc = parsed.documents[0];
  const at = (where: (string | number)[], on: 'key' | 'value') => {
    const p = parsed.source.positionAt(doc!.spanOf(where, on).start);
    return `${path}:${p.line + 1}:${p.character + 1}`;
  };
  const value: JsonValue | undefined = doc?.value ?? undefined;
  if (value === undefined || value === null) return { path, value: undefined, where: at };

  // Generated at build time (scripts/build.mjs); loaded only when a config file exists.
  const { default: validateConfigShape } = await import('./generated/config-validator.js');
  if (!validateConfigShape(value)) {
    const e = validateConfigShape.errors?.[0];
    const where: (string | number)[] = e?.instancePath ? e.instancePath.slice(1).split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : [];
    // ajv-errors wraps the original error: point at the unknown key itself, and at the value for a bad value.
    const original = e?.keyword === 'errorMessage' ? (e.params as { errors?: { keyword: string; params: Record<string, unknown> }[] }).errors?.[0] : e;
    const unknownKey = original?.keyword === 'additionalProperties' ? String(original.params['additionalProperty']) : undefined;
    const field = where.length ? where.join('.') : 'the config';
    const message = unknownKey === undefined ? e?.message : e?.message?.replace('an unknown key', `an unknown key "${unknownKey}"`);
    throw new ConfigError(`${at(unknownKey === undefined ? where : [...where, unknownKey], unknownKey === undefined ? 'value' : 'key')}: ${field} ${message ?? 'is not valid'}`);
  }
  const v = value as RawConfig;
  // ajv and the policy compiler are loaded only for a config that has policies.
  const policies = v.policies?.length ? await loadPolicyList(v.policies, path, at, knownRuleIds) : undefined;
  const policyLevels: PolicyLevel[] = [];
  const check = (rules: Record<string, SeveritySetting> | undefined, prefix: (string | number)[]) => {
    for (const id of Object.keys(rules ?? {})) {
      // Policy ids are checked once the chain is complete (checkPolicyLevels).
      if (id.startsWith('policy/')) policyLevels.push({ id, at: at([...prefix, 'rules', id], 'key') });
      else if (knownRuleIds && !knownRuleIds.has(id)) throw new ConfigError(`${at([...prefix, 'rules', id], 'key')}: unknown rule "${id}"${suggest(id, knownRuleIds)}`);
    }
  };
  check(v.rules, []);
  v.overrides?.forEach((o, i) => check(o.rules, ['overrides', i]));
  return { path, value: v, where: at, ...(policies ? { policies } : {}), ...(policyLevels.length ? { policyLevels } : {}) };
}

/** `path` relative to the working directory when it is inside it (so that SARIF uploads carry no home directories). */
function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

async function loadPolicyList(list: unknown[], path: string, at: (where: (string | number)[], on: 'key' | 'value') => string, builtinIds?: ReadonlySet<string>): Promise<Rule[]> {
  const { loadPolicies } = await import('./policies/load.js');
  return loadPolicies(list as Parameters<typeof loadPolicies>[0], {
    configName: displayName(path),
    at: (where: JsonPath, on = 'value') => at([...where], on),
    error: (message) => new ConfigError(message),
    ...(builtinIds ? { builtinIds } : {}),
    formats,
    suggest,
    guideUrl: POLICY_GUIDE_URL,
  });
}

/**
 * A complete chain of configs (extends and cascade applied): every policy id that `rules:` sets a level for must be
 * a policy of the chain. Returns the config itself.
 */
export function checkPolicyLevels(config: AcklintConfig): AcklintConfig {
  const ids = new Set((config.policies ?? []).map((p) => p.meta.id));
  for (const { id, at } of config.policyLevels ?? []) {
    if (!ids.has(id)) throw new ConfigError(`${at}: unknown rule "${id}"${suggest(id, ids)}`);
  }
  return config;
}

/** One config file on its own (no `extends`, no cascade), as a layer to merge. */
function layerOf(file: ConfigFileText): AcklintConfig {
  const v = file.value ?? {};
  const base = dirname(file.path);
  const c = defaultConfig();
  c.path = file.path;
  c.root = v.root === true;
  c.sources = [file.path];
  c.rules = { ...(v.rules ?? {}) };
  c.files = v.files ?? [];
  c.fileSets = c.files.length ? [{ base, globs: c.files }] : [];
  if (v.maxFileSize !== undefined) c.maxFileSize = parseSize(v.maxFileSize);
  c.inventory = (v.inventory ?? []).map((p) => resolve(base, p));
  c.overrides = (v.overrides ?? []).map((o) => ({ base, files: o.files, rules: { ...(o.rules ?? {}) }, ...(o.reason ? { reason: o.reason } : {}) }));
  c.suppressions = { ...(v.suppressions ?? {}) };
  if (file.policies) c.policies = file.policies;
  if (file.policyLevels) c.policyLevels = file.policyLevels;
  return c;
}

/** Whether a layer sets maxFileSize itself (so that an unset size does not reset what an earlier layer set). */
function setsSize(file: ConfigFileText): boolean {
  return file.value?.maxFileSize !== undefined;
}

/**
 * `later` applied over `earlier`: rule levels and suppression settings are overridden key by key, lists (files,
 * inventory, overrides) are concatenated, a size is taken when the later layer sets one. The result keeps the later
 * layer's `path` and `root`.
 */
export function mergeConfigs(earlier: AcklintConfig, later: AcklintConfig, laterSetsSize = later.maxFileSize !== DEFAULT_LIMITS.maxFileSize): AcklintConfig {
  return {
    ...(later.path !== undefined ? { path: later.path } : earlier.path !== undefined ? { path: earlier.path } : {}),
    root: later.root,
    sources: [...earlier.sources, ...later.sources.filter((s) => !earlier.sources.includes(s))],
    rules: { ...earlier.rules, ...later.rules },
    files: later.files,
    fileSets: [...earlier.fileSets, ...later.fileSets],
    maxFileSize: laterSetsSize ? later.maxFileSize : earlier.maxFileSize,
    inventory: [...new Set([...earlier.inventory, ...later.inventory])],
    overrides: [...earlier.overrides, ...later.overrides],
    suppressions: { ...earlier.suppressions, ...later.suppressions },
    ...(earlier.policies || later.policies ? { policies: mergePolicies(earlier.policies, later.policies) } : {}),
    ...(earlier.policyLevels || later.policyLevels ? { policyLevels: [...(earlier.policyLevels ?? []), ...(later.policyLevels ?? [])] } : {}),
  };
}

/**
 * Read and validate a config file with what it `extends` (presets and other files, relative to it), but not the
 * configs of parent directories (see {@link ConfigResolver}). Throws {@link ConfigError} with a one-line,
 * file:line:col message for anything wrong (syntax, unknown keys, unknown rule ids, bad severities, unknown presets,
 * an `extends` cycle, a policy that is not safe or does not compile).
 */
export async function loadConfigFile(path: string, knownRules?: ReadonlySet<string> | readonly PresetRule[]): Promise<AcklintConfig> {
  return checkPolicyLevels(await loadWithExtends(path, knownRules));
}

/** {@link loadConfigFile} without the check of policy levels (which waits for the cascade). */
async function loadWithExtends(path: string, knownRules?: ReadonlySet<string> | readonly PresetRule[], chain: string[] = []): Promise<AcklintConfig> {
  const { ids, rules } = ruleSets(knownRules);
  if (chain.includes(path)) throw new ConfigError(`${path}: extends itself (${[...chain, path].join(' -> ')})`);
  const file = await readConfigFile(path, ids);
  let merged = defaultConfig();
  const ext = file.value?.extends;
  const list = ext === undefined ? [] : Array.isArray(ext) ? ext : [ext];
  for (const [i, name] of list.entries()) {
    const where = Array.isArray(ext) ? ['extends', i] : ['extends'];
    if (name.startsWith('acklint:')) {
      if (!(PRESETS as readonly string[]).includes(name)) throw new ConfigError(`${file.where(where, 'value')}: unknown preset "${name}"${suggest(name, PRESETS)}; use one of ${PRESETS.join(', ')} or a config file path`);
      merged = mergeConfigs(merged, { ...defaultConfig(), rules: presetRules(name, rules) });
      continue;
    }
    const target = resolve(dirname(path), name);
    if (!existsSync(target)) throw new ConfigError(`${file.where(where, 'value')}: extends "${name}", which does not exist`);
    const base = await loadWithExtends(target, knownRules, [...chain, path]);
    merged = mergeConfigs(merged, base);
  }
  return mergeConfigs(merged, layerOf(file), setsSize(file));
}

function ruleSets(known?: ReadonlySet<string> | readonly PresetRule[]): { ids?: ReadonlySet<string>; rules: readonly PresetRule[] } {
  if (!known) return { rules: [] };
  if (known instanceof Set) return { ids: known, rules: [...known].map((id) => ({ id, category: '' })) };
  const rules = known as readonly PresetRule[];
  return { ids: new Set(rules.map((r) => r.id)), rules };
}

/** Minimal glob for config files: "**" + "/" any directories, "**" anything, `*` within a segment, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const globCache = new Map<string, RegExp>();

/** Does a glob, relative to `base`, match the absolute path `abs`? */
function globMatches(base: string, glob: string, abs: string): boolean {
  const rel = relative(base, abs).split(sep).join('/');
  if (rel.startsWith('..') || isAbsolute(rel)) return false;
  let re = globCache.get(glob);
  if (!re) globCache.set(glob, (re = globToRegExp(glob.replace(/^\.\//, ''))));
  return re.test(rel);
}

/** A file listed under `files` of any config of the chain: linted by a directory scan even without cluster_type. */
export function configNamesFile(config: AcklintConfig, abs: string): boolean {
  return config.fileSets.some((s) => s.globs.some((g) => globMatches(s.base, g, abs)));
}

/** Rule levels changed at and below a JSON pointer of one file (an override whose glob has `#/pointer`). */
export interface PointerOverride {
  pointer: string;
  rules: Record<string, SeveritySetting>;
  reason?: string;
}

/** What a config says about one file: its rule levels and the overrides that apply inside it. */
export interface FileSettings {
  severities: Record<string, SeveritySetting>;
  pointerOverrides: PointerOverride[];
  suppressions: SuppressionSettings;
}

/** The rule levels and in-file overrides that apply to `abs` (overrides later in the chain win). */
export function settingsForFile(config: AcklintConfig, abs: string | undefined): FileSettings {
  const severities = { ...config.rules };
  const pointerOverrides: PointerOverride[] = [];
  if (abs !== undefined) {
    for (const o of config.overrides) {
      for (const entry of o.files) {
        const hash = entry.indexOf('#');
        const glob = hash < 0 ? entry : entry.slice(0, hash);
        if (!globMatches(o.base, glob, abs)) continue;
        if (hash < 0) Object.assign(severities, o.rules);
        else pointerOverrides.push({ pointer: entry.slice(hash + 1), rules: o.rules, ...(o.reason ? { reason: o.reason } : {}) });
      }
    }
  }
  return { severities, pointerOverrides, suppressions: config.suppressions };
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
/**
 * Longest word that gets a did-you-mean suggestion: field names, enum values and addon names are far shorter, and
 * comparing costs the product of the lengths.
 */
export const MAX_SUGGESTABLE_LENGTH = 128;

export function closest(word: string, candidates: Iterable<string>, maxDistance: number, key: (s: string) => string = (s) => s): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const w = key(word);
  if (w.length > MAX_SUGGESTABLE_LENGTH) return undefined;
  for (const c of candidates) {
    const k = key(c);
    // The distance is at least the difference in length: a far longer or shorter word is never close, and is not
    // compared character by character (that costs the product of the lengths: a megabyte-long key against every field).
    const limit = Math.min(maxDistance, bestDistance - 1);
    if (Math.abs(k.length - w.length) > limit) continue;
    const d = editDistance(w, k, limit);
    if (d < bestDistance && d <= limit) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/**
 * Levenshtein distance (two rows), in UTF-16 code units. With `limit`, a distance over the limit is only known to be
 * over it (the result is then `limit + 1`): the comparison stops at the first row whose every entry is over it, since
 * no later row can come back under.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const n = b.length;
  // Two rows, reused from call to call (a run compares thousands of names).
  if (rowA.length <= n) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const d = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[n]!;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Finds and caches the config for each directory, so that linting thousands of files reads each config once. The
 * nearest config file applies, over the config of its parent directories (the cascade), unless it says `root: true`.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<AcklintConfig>>();
  private readonly byPath = new Map<string, Promise<AcklintConfig>>();
  private readonly cascaded = new Map<string, Promise<AcklintConfig>>();

  /** `knownRules`: ids to check `rules:` against, or the rules themselves (the `acklint:strict` preset needs them). */
  constructor(private readonly knownRules?: ReadonlySet<string> | readonly PresetRule[]) {}

  forFile(filePath: string): Promise<AcklintConfig> {
    return this.forDirectory(dirname(resolve(filePath)));
  }

  forDirectory(dir: string): Promise<AcklintConfig> {
    const abs = resolve(dir);
    let p = this.byDir.get(abs);
    if (!p) {
      const path = findConfigFile(abs);
      p = path ? this.withParents(path) : Promise.resolve(defaultConfig());
      this.byDir.set(abs, p);
    }
    return p;
  }

  /** One config file with its `extends`, without the cascade (what `--config` uses). */
  async load(path: string): Promise<AcklintConfig> {
    return checkPolicyLevels(await this.loadOwn(path));
  }

  private loadOwn(path: string): Promise<AcklintConfig> {
    const abs = resolve(path);
    let p = this.byPath.get(abs);
    if (!p) {
      p = loadWithExtends(abs, this.knownRules);
      this.byPath.set(abs, p);
    }
    return p;
  }

  private withParents(path: string): Promise<AcklintConfig> {
    let p = this.cascaded.get(path);
    if (!p) {
      p = (async () => {
        const own = await this.loadOwn(path);
        if (own.root) return checkPolicyLevels(own);
        const parentDir = dirname(dirname(path));
        if (parentDir === dirname(path)) return checkPolicyLevels(own);
        const parentPath = findConfigFile(parentDir);
        if (!parentPath) return checkPolicyLevels(own);
        const parent = await this.withParents(parentPath);
        // The nearer file's own settings win.
        return checkPolicyLevels(mergeConfigs(parent, own));
      })();
      this.cascaded.set(path, p);
    }
    return p;
  }
}
