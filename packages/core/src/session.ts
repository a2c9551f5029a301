import type { Diagnostic } from './diagnostic.js';
import { lintParsed, type DocumentReuse, type LintOptions, type LintResult } from './engine.js';
import { parseFileSync, type ParsedFile, type ParseOptions } from './parse/index.js';
import type { YamlChunk } from './parse/yaml-chunks.js';
import type { Span } from './text.js';

/**
 * The lint state of one open document, for an editor that re-lints after each change. What depends only on the text
 * and the settings is kept between calls:
 * - the same text with the same parse options gives back the same parsed file;
 * - the same parsed file with equivalent options (same rules array and inventory, equal severities, suppression
 *   settings, overrides and limits, the same day) gives back the same result, without running a rule;
 * - equivalent options are replaced by the first object seen, so the engine's plan of enabled rules (cached per rules
 *   array and severities object) is worked out once per config rather than once per keystroke;
 * - in a YAML file of several documents, the documents an edit did not touch are not parsed again (see yaml-chunks.ts),
 *   and their findings are taken over from the previous lint instead of running the document rules on them again.
 *
 * Results equal a fresh {@link lintSync} of the same text with the same options. Callers must not mutate them.
 * Needs the YAML parser loaded for YAML text (see loadYamlParser), like lintSync.
 */
export class LintSession {
  private parsed?: { text: string; key: string; file: ParsedFile };
  private linted?: { file: ParsedFile; key: string; result: LintResult };
  private settled?: { key: string; options: LintOptions };
  /** The document rules' findings of the last lint, by document index, for the file and options key they are of. */
  private findings?: { file: ParsedFile; key: string; byDocument: ReadonlyMap<number, readonly Diagnostic[]> };

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
    const result = lintParsed(file, this.settled.options, this.reuseFor(file, key));
    this.linted = { file, key, result };
    return result;
  }

  /** What the engine may take over from the last lint for `file` (see {@link DocumentReuse}). */
  private reuseFor(file: ParsedFile, key: string): DocumentReuse | undefined {
    if (!file.yamlChunks) return undefined;
    const record = (byDocument: ReadonlyMap<number, readonly Diagnostic[]>) => {
      this.findings = { file, key, byDocument };
    };
    const last = this.findings;
    // Rules read a few facts of the whole file: the kind of every document, and the parse problems (of which a file
    // keeps at most a couple of hundred, so that the last ones kept depend on every document).
    const before = last?.file;
    if (!last || !before?.yamlChunks || last.key !== key || kinds(before) !== kinds(file) || file.problems.length >= 100 || before.problems.length >= 100) {
      return { reused: () => undefined, record };
    }
    const from = new Map<YamlChunk, YamlChunk>(before.yamlChunks.map((c) => [c.origin, c]));
    return {
      record,
      reused: (doc) => {
        const now = chunkOf(file.yamlChunks!, doc.span);
        const then = now && from.get(now.origin);
        if (!now || !then) return undefined;
        // The same document of the same stretch, with the same index in the file.
        const old = before.documents[doc.index];
        if (!old || then.documents[now.documents.findIndex((d) => d.span.start === doc.span.start)]?.span.start !== old.span.start) return undefined;
        const found = last.byDocument.get(doc.index);
        if (!found) return undefined;
        // An edit before the stretch may keep its offset and still add or remove lines.
        const by = now.start - then.start;
        const lines = file.source.positionAt(now.start).line - before.source.positionAt(then.start).line;
        return by === 0 && lines === 0 ? found : found.map((d) => moved(d, by, lines));
      },
    };
  }

  /** Parse and lint `text` with `options` (by default those the session was made with). */
  update(text: string, options: LintOptions | undefined = this.options): LintResult {
    if (!options) throw new TypeError('LintSession.update: no lint options');
    this.options = options;
    return this.lintParsed(this.parse(text, parseOptionsOf(options)), options);
  }
}

/** The stretch a document span is in. */
function chunkOf(chunks: readonly YamlChunk[], span: Span): YamlChunk | undefined {
  for (const c of chunks) if (span.start >= c.start && span.start < c.start + c.text.length) return c;
  return undefined;
}

function kinds(file: ParsedFile): string {
  return file.documents.map((d) => d.kind).join(',');
}

/** A finding of a stretch that has moved by `by` characters and `lines` lines (a stretch starts a line, so columns stay). */
function moved(d: Diagnostic, by: number, lines: number): Diagnostic {
  const span = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  const range = (r: Diagnostic['range']): Diagnostic['range'] => ({
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  });
  const out: Diagnostic = {
    ...d,
    span: span(d.span),
    range: range(d.range),
    // A location in another file (an inventory) stays where it is.
    related: d.related.map((r) => (r.file ? r : { ...r, span: span(r.span), range: range(r.range) })),
  };
  if (d.fix) out.fix = { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, ...span(e) })) };
  return out;
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
