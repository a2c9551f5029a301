/**
 * `--cache`: the findings of each file from the last run, reused while nothing they depend on has changed. An entry
 * is keyed by the file's bytes and by everything else that decides its findings: the resolved config and what it says
 * about the file (rule levels, overrides, suppression settings), the rule and suppression settings of the command line,
 * the inventory files' contents, the size limit, whether non-specs are skipped, and the acklint build. Findings are
 * stored before `--quiet` filters them. `--fix` does not use the cache (it lints the text it fixed). A cache file that cannot be read, is not an acklint cache, or was
 * written by another acklint build is ignored and rebuilt.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { SourceText, VERSION, type Diagnostic, type LintResult, type SourceFormat } from '@acklint/core';

/** Marks an acklint cache file (the first key written) and its layout. */
const FORMAT = 'acklint-cache/1';
/** The cache file name used when --cache-location is not given, or names a directory. */
export const DEFAULT_CACHE_FILE = '.acklintcache';

interface Entry {
  /** Hash of the file's bytes and its lint settings. */
  key: string;
  /** The file was not reported (a file found by walking that is not a cluster spec). */
  skipped?: boolean;
  diagnostics?: Diagnostic[];
  format?: SourceFormat;
  /** The findings need the file's text (their ranges and fixes point into it). */
  withText?: boolean;
}

interface CacheFile {
  format: string;
  build: string;
  entries: Record<string, Entry>;
}

/** What identifies this acklint build: its version and, for the bundled CLI, the bundle file's size and time. */
function buildId(): string {
  let bundle = '';
  try {
    if (typeof __filename === 'string') {
      const st = statSync(__filename);
      bundle = `${st.size}:${st.mtimeMs}`;
    }
  } catch {
    bundle = '';
  }
  return `${VERSION}:${bundle}`;
}

export class LintCache {
  private readonly build = buildId();
  private readonly entries: Record<string, Entry>;
  private changed = false;
  /** Why the cache file on disk was not used (corrupt, foreign, another build), for --debug. */
  readonly discarded?: string;

  constructor(readonly location: string) {
    let entries: Record<string, Entry> = Object.create(null);
    let discarded: string | undefined;
    let text: string | undefined;
    try {
      text = readFileSync(location, 'utf8');
    } catch {
      text = undefined; // no cache yet
    }
    if (text !== undefined) {
      try {
        const data = JSON.parse(text) as Partial<CacheFile> | null;
        if (!data || typeof data !== 'object' || data.format !== FORMAT) discarded = 'not an acklint cache file';
        else if (data.build !== this.build) discarded = 'written by another acklint build';
        else if (!data.entries || typeof data.entries !== 'object') discarded = 'no entries';
        else entries = Object.assign(Object.create(null), data.entries) as Record<string, Entry>;
      } catch {
        discarded = 'not valid JSON';
      }
      if (discarded) this.changed = true;
    }
    this.entries = entries;
    if (discarded) this.discarded = discarded;
  }

  /** The key of a file's entry: its bytes (and real size) and the settings its findings depend on. */
  static key(bytes: Uint8Array, fileSize: number | undefined, settings: string): string {
    return sha1().update(settings).update('\0').update(String(fileSize ?? '')).update('\0').update(bytes).digest('base64');
  }

  /**
   * The stored result of a file, when its key matches. Parse problems are not kept (only --fix reads them, and it
   * does not use the cache); the findings made from them are.
   */
  get(path: string, key: string, bytes: Uint8Array): LintResult | undefined {
    const e = this.entries[path];
    if (!e || e.key !== key) return undefined;
    const format = e.format ?? 'json';
    if (e.skipped) return { format, skipped: true, diagnostics: [], source: new SourceText(''), problems: [] };
    const diagnostics = Array.isArray(e.diagnostics) ? e.diagnostics : [];
    return { format, skipped: false, diagnostics, source: new SourceText(e.withText ? textOf(bytes) : ''), problems: [] };
  }

  set(path: string, key: string, result: LintResult): void {
    this.changed = true;
    if (result.skipped) this.entries[path] = { key, skipped: true };
    else {
      this.entries[path] = { key, format: result.format, diagnostics: result.diagnostics, ...(result.diagnostics.length && result.source.text ? { withText: true } : {}) };
    }
  }

  /** Write the cache (through a temporary file, so that a reader never sees half of it). Failures are not fatal. */
  save(): string | undefined {
    if (!this.changed) return undefined;
    const data: CacheFile = { format: FORMAT, build: this.build, entries: this.entries };
    const tmp = `${this.location}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.location);
      return undefined;
    } catch (err) {
      return `cannot write the cache ${this.location}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    }
  }
}

/** The text the parser saw: UTF-8 (a byte-order mark is dropped by SourceText). Only files that decoded are cached with text. */
function textOf(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Settings that decide a file's findings besides its bytes, as one string (hashed into each key). */
export function settingsKey(parts: { config: unknown; file?: unknown; cliRules: unknown; inventory: string[]; limit: number; filtered: boolean }): string {
  const inventory = parts.inventory.map((p) => {
    try {
      return `${p}:${sha1().update(readFileSync(p)).digest('base64')}`;
    } catch {
      return `${p}:unreadable`;
    }
  });
  return JSON.stringify([parts.config, parts.file, parts.cliRules, inventory, parts.limit, parts.filtered]);
}

/** node:crypto on first use: loading it is a few per cent of the start-up of a run without --cache. */
function sha1() {
  return process.getBuiltinModule('node:crypto').createHash('sha1');
}
