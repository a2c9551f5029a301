import { lintParsed, type LintOptions, type LintResult } from './engine.js';
import { parseFileSync, type ParsedFile, type ParseOptions } from './parse/index.js';

/**
 * The lint state of one open document, for an editor that re-lints after each change. What depends only on the text
 * and the settings is kept between calls:
 * - the same text with the same parse options gives back the same parsed file;
 * - the same parsed file with equivalent options (same rules array and inventory, equal severities, suppression
 *   settings, overrides and limits, the same day) gives back the same result, without running a rule;
 * - equivalent options are replaced by the first object seen, so the engine's plan of enabled rules (cached per rules
 *   array and severities object) is worked out once per config rather than once per keystroke.
 *
 * Results equal a fresh {@link lintSync} of the same text with the same options. Callers must not mutate them.
 * Needs the YAML parser loaded for YAML text (see loadYamlParser), like lintSync.
 */
export class LintSession {
  private parsed?: { text: string; key: string; file: ParsedFile };
  private linted?: { file: ParsedFile; key: string; result: LintResult };
  private settled?: { key: string; options: LintOptions };

  constructor(private options?: LintOptions) {}

  /** Parse `text`, or give back the previous parse when the text and the parse options are unchanged. */
  parse(text: string, options: ParseOptions = {}): ParsedFile {
    const key = parseKey(options);
    const memo = this.parsed;
    if (memo && memo.text === text && memo.key === key) return memo.file;
    const file = parseFileSync(text, options, { previous: memo?.key === key ? memo.file : undefined });
    this.parsed = { text, key, file };
    return file;
  }

  /** Lint a parsed file, or give back the previous result for the same parsed file under equivalent options. */
  lintParsed(file: ParsedFile, options: LintOptions): LintResult {
    const key = optionsKey(options);
    const memo = this.linted;
    if (memo && memo.file === file && memo.key === key) return memo.result;
    // The first options object of a kind stands for every equivalent one (the engine caches its rule plan per object).
    if (!this.settled || this.settled.key !== key) this.settled = { key, options };
    const result = lintParsed(file, this.settled.options);
    this.linted = { file, key, result };
    return result;
  }

  /** Parse and lint `text` with `options` (by default those the session was made with). */
  update(text: string, options: LintOptions | undefined = this.options): LintResult {
    if (!options) throw new TypeError('LintSession.update: no lint options');
    this.options = options;
    return this.lintParsed(this.parse(text, parseOptionsOf(options)), options);
  }
}

/** The parse options lintSync derives from lint options. */
export function parseOptionsOf(options: LintOptions): ParseOptions {
  return { fileName: options.fileName, format: options.format, limits: options.limits, fileSize: options.fileSize };
}

function parseKey(o: ParseOptions): string {
  return JSON.stringify([o.fileName ?? null, o.format ?? null, o.fileSize ?? null, sorted(o.limits)]);
}

/** Objects compared by identity (rules, inventory) get a number per object; plain settings compare by content. */
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
function identity(x: object | undefined): number {
  if (!x) return 0;
  let id = identities.get(x);
  if (id === undefined) identities.set(x, (id = nextIdentity++));
  return id;
}

function optionsKey(o: LintOptions): string {
  // Rules compare dates by day; a finding may print the day (local time), so both the UTC and the local day count.
  const now = o.now ?? new Date();
  const day = `${now.toISOString().slice(0, 10)} ${now.toDateString()}`;
  return JSON.stringify([
    identity(o.rules),
    identity(o.inventory),
    sorted(o.severities),
    o.suppressions ?? null,
    o.pointerOverrides ?? null,
    sorted(o.limits),
    o.fileName ?? null,
    o.format ?? null,
    o.fileSize ?? null,
    o.onlyClusterSpecs === true,
    day,
  ]);
}

function sorted(x: object | undefined): Array<[string, unknown]> | null {
  return x ? Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : null;
}
