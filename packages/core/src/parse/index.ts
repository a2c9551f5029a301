import { SourceText, type Span } from '../text.js';
import { ClusterDocument, type JsonValue, type Node, type SourceFormat } from '../model.js';
import { parseJson, type ParsedDocuments } from './json.js';
import { reparseJsonEdit } from './json-edit.js';
import { reparseYamlEdit } from './yaml-edit.js';
import { DEFAULT_LIMITS, MAX_DEPTH_CAP, type ParseLimits, type ParseProblem } from './problems.js';
import { chunkStarts, parseChunks, type YamlChunk } from './yaml-chunks.js';
import { readPlainYaml } from './yaml-plain.js';

export interface ParsedFile {
  source: SourceText;
  format: SourceFormat;
  documents: ClusterDocument[];
  /** Problems found while reading the file, in file order. */
  problems: ParseProblem[];
  /**
   * A YAML stream of several documents parsed stretch by stretch (see yaml-chunks.ts), when the caller asked for it:
   * what a later parse of an edited text reuses.
   */
  yamlChunks?: readonly YamlChunk[];
}

/** Most parse problems kept for one file; a file with more is garbage, and more lines would not help anyone. */
const MAX_PROBLEMS = 200;

/** The format a file name implies, or undefined when the name says nothing (then the content decides). */
export function formatFromName(name: string | undefined): SourceFormat | undefined {
  if (!name) return undefined;
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.jsonc')) return 'jsonc';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/** Guess from content: JSON starts with `{` or `[` (after blanks and comments); anything else is YAML. */
export function sniffFormat(text: string): SourceFormat {
  const m = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(.)/.exec(text);
  return m && (m[1] === '{' || m[1] === '[') ? 'jsonc' : 'yaml';
}

let yamlModule: typeof import('./yaml.js') | undefined;

/** Load the YAML parser (kept out of start-up: a JSON-only run never pays for it). */
export async function loadYamlParser(): Promise<void> {
  yamlModule ??= await import('./yaml.js');
}

export interface ParseOptions {
  fileName?: string;
  /** Overrides what the file name implies. */
  format?: SourceFormat;
  limits?: Partial<ParseLimits>;
  /** The file's real size, when the caller read only its first bytes (a file over the limit need not be read whole). */
  fileSize?: number;
}

/**
 * What an editor passes to re-parse after an edit: the previous parse of the same file with the same options, whose
 * unchanged YAML documents are reused, and whose model is reused when the edit only changed characters inside one
 * value (see model-edit.ts).
 */
export interface IncrementalParse {
  previous?: ParsedFile;
}

/**
 * Decode and parse a file. Never throws on bad input: size, encoding, binary content, nesting and syntax all become
 * problems with positions. YAML that acklint's own reader of plain YAML declines (see yaml-plain.ts) needs the yaml
 * library: call {@link loadYamlParser} first for YAML input (or use {@link parseFile}, which loads it when needed).
 */
export function parseFileSync(input: string | Uint8Array, options: ParseOptions = {}, incremental?: IncrementalParse): ParsedFile {
  return parseWith(input, options, incremental, () => {
    if (!yamlModule) throw new Error('the YAML parser is not loaded (call loadYamlParser() first)');
    return yamlModule;
  })!;
}

/**
 * {@link parseFileSync}, with the YAML library from `yamlLibrary`: undefined when the text needs the library and
 * `yamlLibrary` does not give it (most specs are read by acklint's own reader of plain YAML, without the library).
 */
function parseWith(
  input: string | Uint8Array,
  options: ParseOptions,
  incremental: IncrementalParse | undefined,
  yamlLibrary: () => typeof import('./yaml.js') | undefined,
): ParsedFile | undefined {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  limits.maxDepth = Math.max(1, Math.min(limits.maxDepth, MAX_DEPTH_CAP));
  const problems: ParseProblem[] = [];
  const byteLength = options.fileSize ?? (typeof input === 'string' ? input.length : input.byteLength);
  const hinted = options.format ?? formatFromName(options.fileName);

  if (byteLength > limits.maxFileSize) {
    problems.push({
      code: 'too-large',
      start: 0,
      end: 0,
      message: `The file is ${formatBytes(byteLength)}, over the ${formatBytes(limits.maxFileSize)} limit (maxFileSize); it was not analysed.`,
    });
    return { source: new SourceText(''), format: hinted ?? 'json', documents: [], problems };
  }

  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decode(input);
    if ('problem' in decoded) {
      problems.push(decoded.problem);
      return { source: new SourceText(''), format: hinted ?? 'json', documents: [], problems };
    }
    text = decoded.text;
  }
  const source = new SourceText(text);
  const format = hinted ?? sniffFormat(source.text);
  let parsed: ParsedDocuments | undefined;
  let yamlChunks: YamlChunk[] | undefined;
  if (format === 'yaml') {
    const starts = incremental ? chunkStarts(source.text) : undefined;
    const previous = incremental?.previous;
    parsed = !starts && previous ? reparseYamlEdit(previous, source) : undefined;
    if (!parsed) {
      let raw: { documents: { root: Node | undefined; span: Span; value?: JsonValue }[]; problems: ParseProblem[] } | undefined = starts ? undefined : readPlainYaml(source.text, limits);
      if (!raw) {
        const yaml = yamlLibrary();
        if (!yaml) return undefined;
        yamlChunks = starts && parseChunks(source.text, starts, previous?.yamlChunks, (text) => yaml.parseYaml(new SourceText(text), limits));
        raw = yamlChunks ? { documents: yamlChunks.flatMap((c) => c.documents), problems: yamlChunks.flatMap((c) => c.problems) } : yaml.parseYaml(source, limits);
      }
      parsed = { problems: raw.problems, documents: raw.documents.map((d, i) => new ClusterDocument(source, 'yaml', i, d.root, d.span, d.value === undefined ? {} : { value: d.value })) };
    }
  } else {
    const previous = incremental?.previous;
    parsed = (previous && reparseJsonEdit(previous, source, format)) || parseJson(source, format === 'json', limits);
  }
  const unknownExtension = !hinted && options.fileName !== undefined && /\.[^./\\]+$/.test(options.fileName);
  if (unknownExtension && !parsed.documents.some((d) => d.hasClusterType)) {
    // `acklint dir/*` also names README.md and friends: one clear line instead of YAML errors about Markdown.
    return {
      source,
      format,
      documents: [],
      problems: [
        {
          code: 'not-a-spec',
          start: 0,
          end: 0,
          message: 'acklint reads .json, .jsonc, .yaml and .yml files; this file has another extension and is not a cluster spec, so it was not checked.',
        },
      ],
    };
  }
  problems.push(...tidyProblems(source, parsed.problems));
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  if (problems.length > MAX_PROBLEMS) {
    const last = problems[MAX_PROBLEMS - 1]!;
    problems.length = MAX_PROBLEMS;
    problems.push({ code: 'syntax', start: last.start, end: last.end, message: `More than ${MAX_PROBLEMS} problems in this file; the rest are not listed.` });
  }
  return yamlChunks ? { source, format, documents: parsed.documents, problems, yamlChunks } : { source, format, documents: parsed.documents, problems };
}

/** Decode and parse a file, loading the YAML library first when the text needs it. */
export async function parseFile(input: string | Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  const parsed = parseWith(input, options, undefined, () => yamlModule);
  if (parsed) return parsed;
  await loadYamlParser();
  return parseFileSync(input, options);
}

/** One decoder for every file (each decode call is complete on its own). ignoreBOM keeps a leading BOM in the string, so that SourceText can strip it and record `hadBom`. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(bytes: Uint8Array): { text: string } | { problem: ParseProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: { code: 'encoding', start: 0, end: 0, message: 'The file is UTF-16 encoded; save it as UTF-8, the encoding the API expects.' } };
  }
  // Same test as git: a NUL byte early on means binary content.
  if (bytes.subarray(0, 8000).indexOf(0) >= 0) {
    return { problem: { code: 'binary', start: 0, end: 0, message: 'The file looks binary (it contains NUL bytes), not a JSON or YAML cluster spec; it was not analysed.' } };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { problem: { code: 'encoding', start: 0, end: 0, message: 'The file is not valid UTF-8; save it as UTF-8, the encoding the API expects.' } };
  }
}

/**
 * Problems as users should see them, inside the text; syntax problems one per line (a parser's recovery often reports the same mistake two or
 * three times on one line), and a problem found at the very end of the file ("this string is never closed") at the
 * end of its last line of text, not on the empty line after it.
 */
function tidyProblems(source: SourceText, found: readonly ParseProblem[]): ParseProblem[] {
  const text = source.text;
  let visibleEnd = text.length;
  while (visibleEnd > 0 && /\s/.test(text[visibleEnd - 1]!)) visibleEnd--;
  const sorted = [...found].sort((a, b) => a.start - b.start || a.end - b.end);
  const lines = new Set<number>();
  const out: ParseProblem[] = [];
  for (const raw of sorted) {
    // Clamped here too (the engine clamps every diagnostic again), so that ParsedFile.problems is safe to show as is.
    const p = { ...raw, ...source.clamp(raw) };
    if (p.code !== 'syntax') {
      out.push(p);
      continue;
    }
    const q = p.start >= visibleEnd && visibleEnd < text.length ? { ...p, start: visibleEnd, end: visibleEnd } : p;
    const line = source.positionAt(q.start).line;
    if (lines.has(line)) continue;
    lines.add(line);
    out.push(q);
  }
  return out;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} bytes`;
}

export { DEFAULT_LIMITS, type ParseLimits, type ParseProblem, type ProblemCode } from './problems.js';
