/**
 * The fuzzer's invariants, checked for one input: linting never throws and never yields an internal error; every
 * range (diagnostic, related location, fix edit) lies inside the text, inside its line and on code-point boundaries;
 * no output (diagnostics, every CLI formatter) contains the marker password; SARIF is valid; the input is linted
 * within a time bound.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { INTERNAL_ERROR_ID, INTERNAL_ERROR_META, lintSync, type Diagnostic, type LintResult, type Range, type Rule, type SourceText, type Span } from '@acklint/core';
import { FORMATS } from '../../packages/cli/src/main.js';
import { outputToString } from '../../packages/cli/src/output.js';
import type { FormatInput } from '../../packages/cli/src/types.js';
import type { FuzzInput } from './generate.js';

export type FailureKind = 'exception' | 'internal-error' | 'range' | 'leak' | 'sarif' | 'slow';
export const FAILURE_KINDS: readonly FailureKind[] = ['exception', 'internal-error', 'range', 'leak', 'sarif', 'slow'];

export interface Failure {
  kind: FailureKind;
  detail: string;
}

/**
 * Something that turns a lint result into text a user sees. Every CLI formatter is one; the language server's
 * handlers (diagnostics, hover, code actions) join this list where it is built (see `extraSinks`).
 */
export interface OutputSink {
  name: string;
  /**
   * The text a user would see. A sink with checks of its own (the language server checks the ranges of its answers)
   * gives its failures with the text.
   */
  render(result: LintResult, input: FuzzInput): string | SinkOutput | Promise<string | SinkOutput>;
  /** Ends what the sink started (a server session). */
  close?(): Promise<void>;
}

export interface SinkOutput {
  text: string;
  failures: Failure[];
}

export interface CheckContext {
  rules: readonly Rule[];
  marker: string;
  /** Most milliseconds of CPU time one small input may take to lint (see {@link timeBound}). */
  timeBoundMs: number;
  now: Date;
  sinks: readonly OutputSink[];
  repoRoot: string;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
let sarifValidator: ReturnType<Ajv2020['compile']> | undefined;

export function sarifValidate(repoRoot: string, text: string): string | undefined {
  if (!sarifValidator) {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  let log: unknown;
  try {
    log = JSON.parse(text);
  } catch (err) {
    return `not JSON: ${(err as Error).message}`;
  }
  if (sarifValidator(log)) return undefined;
  return JSON.stringify(sarifValidator.errors?.slice(0, 3));
}

/** The CLI formatters as sinks, each given one file's result the way the CLI gives it. */
export async function formatterSinks(rules: readonly Rule[]): Promise<OutputSink[]> {
  const metas = [...rules.map((r) => r.meta), INTERNAL_ERROR_META];
  const loaded = await Promise.all(Object.entries(FORMATS).map(async ([name, load]) => [name, await load()] as const));
  return loaded.map(([name, formatter]) => ({
    name: `cli --format ${name}`,
    render(result: LintResult, input: FuzzInput): string {
      const fmt: FormatInput = {
        files: [{ displayPath: input.fileName, absPath: `/fuzz/${input.fileName}`, diagnostics: result.diagnostics, source: result.source }],
        // The rules that reported something (their descriptors are the same for every input; the CLI tests check
        // them once), which keeps a campaign fast.
        rules: metas.filter((m) => m.id === INTERNAL_ERROR_ID || result.diagnostics.some((d) => d.ruleId === m.id)),
        cwd: '/fuzz',
        baseDir: '/fuzz',
        color: input.text.length % 2 === 0,
        executionSuccessful: !result.diagnostics.some((d) => d.ruleId === INTERNAL_ERROR_ID),
        notifications: [],
      };
      return outputToString(formatter(fmt));
    },
  }));
}

/** Where a span or range breaks the rules: outside the text, past its line's end, or inside a character. */
export function rangeProblem(source: SourceText, span: Span, range: Range | undefined, what: string): string | undefined {
  const text = source.text;
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end))) return `${what}: span is not integral ${JSON.stringify(span)}`;
  if (span.start < 0 || span.end > text.length || span.start > span.end) return `${what}: span ${span.start}-${span.end} outside text of length ${text.length}`;
  for (const o of [span.start, span.end]) {
    const hi = text.charCodeAt(o - 1);
    const lo = text.charCodeAt(o);
    if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) return `${what}: offset ${o} splits a surrogate pair`;
    if (hi === 13 && lo === 10) return `${what}: offset ${o} splits a CRLF line break`;
  }
  if (!range) return undefined;
  for (const [p, o] of [
    [range.start, span.start],
    [range.end, span.end],
  ] as const) {
    if (p.line < 0 || p.line >= source.lineCount) return `${what}: line ${p.line} outside 0..${source.lineCount - 1}`;
    const len = source.lineText(p.line).length;
    if (p.character < 0 || p.character > len) return `${what}: column ${p.character} past the end of line ${p.line} (length ${len})`;
    if (source.offsetAt(p) !== o) return `${what}: range ${JSON.stringify(p)} does not match offset ${o}`;
  }
  return undefined;
}

function diagnosticRangeProblems(source: SourceText, d: Diagnostic): string[] {
  const out: string[] = [];
  const push = (s: string | undefined) => s && out.push(`${d.ruleId}: ${s}`);
  push(rangeProblem(source, d.span, d.range, 'diagnostic'));
  for (const r of d.related) if (!r.file) push(rangeProblem(source, r.span, r.range, 'related'));
  for (const e of d.fix?.edits ?? []) push(rangeProblem(source, e, undefined, 'fix edit'));
  return out;
}

function diagnosticTexts(d: Diagnostic): string[] {
  return [d.message, ...d.related.map((r) => r.message), ...(d.fix ? [d.fix.title, ...d.fix.edits.map((e) => e.newText)] : [])];
}

/** A password key as written in JSON, YAML or JSON inside a string, up to its value. */
const PASSWORD_KEY = /pass(?:word)?[\w-]*\\*["']?(?:[ \t]*(?:\r\n?|\n))?[ \t]*[:=]/gi;

/**
 * The marker is a password in this input: written as the value of a password field (after the key, at most two line
 * breaks on: block scalars, lists, `? key` / `: value`), or as the anchored value that a password field's alias
 * names. Mutations and the minimiser often break the key (`login_pas'sword`) or move the marker elsewhere (a splice),
 * and then it is an ordinary value that rules may quote.
 */
export function markerIsPassword(text: string, marker: string): boolean {
  /** The marker follows `from` on the same line, or on the next two lines indented under the key's line. */
  const near = (from: number, indent: number) => {
    const at = text.indexOf(marker, from);
    if (at < 0 || at - from > 400) return false;
    const lines = text.slice(from, at).split(/\r\n?|\n/).slice(1);
    return lines.length <= 2 && lines.every((l) => /^\s*[:-]/.test(l) || l.length - l.trimStart().length > indent);
  };
  const indentAt = (offset: number) => {
    const start = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    return /^[ \t]*/.exec(text.slice(start, offset))![0].length;
  };
  for (const m of text.matchAll(PASSWORD_KEY)) {
    const after = m.index + m[0].length;
    if (near(after, indentAt(m.index))) return true;
    const alias = /^\s*\*([^\s,\]}]+)/.exec(text.slice(after, after + 200));
    if (alias) {
      for (const a of text.matchAll(new RegExp(`&${alias[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![^\\s,\\]}])`, 'g'))) {
        if (near(a.index + a[0].length, indentAt(a.index))) return true;
      }
    }
  }
  return false;
}

/**
 * The most CPU time an input may take: `base` milliseconds plus 5 ms per kilobyte. Lint cost is linear in the input,
 * so a big input may take proportionally longer, but nothing superlinear fits under this line for long.
 */
export function timeBound(base: number, length: number): number {
  return base + (5 * length) / 1024;
}

/** Lint one input and check every invariant; returns the failures (empty when all hold) and the lint time. */
export async function checkInput(input: FuzzInput, ctx: CheckContext): Promise<{ failures: Failure[]; ms: number }> {
  const failures: Failure[] = [];
  const data = input.asBytes ? new TextEncoder().encode(input.text) : input.text;
  let result: LintResult;
  // CPU time, not wall time: the machine may be shared, and a busy neighbour must not make an input "slow".
  const t0 = process.cpuUsage();
  const cpuMs = () => {
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1000;
  };
  try {
    result = lintSync(data, { fileName: input.fileName, rules: ctx.rules, now: ctx.now });
  } catch (err) {
    return { failures: [{ kind: 'exception', detail: `lintSync: ${(err as Error)?.stack ?? String(err)}` }], ms: cpuMs() };
  }
  const ms = cpuMs();
  const bound = timeBound(ctx.timeBoundMs, input.text.length);
  if (ms > bound) failures.push({ kind: 'slow', detail: `lintSync took ${Math.round(ms)} ms of CPU for ${input.text.length} characters (bound ${Math.round(bound)} ms)` });

  for (const d of result.diagnostics) {
    if (d.ruleId === INTERNAL_ERROR_ID) failures.push({ kind: 'internal-error', detail: d.message });
    for (const p of diagnosticRangeProblems(result.source, d)) failures.push({ kind: 'range', detail: p });
  }
  const checkLeaks = markerIsPassword(input.text, ctx.marker);
  if (checkLeaks) {
    for (const d of result.diagnostics) {
      if (diagnosticTexts(d).some((t) => t.includes(ctx.marker))) failures.push({ kind: 'leak', detail: `${d.ruleId} diagnostic: ${d.message.slice(0, 200)}` });
    }
  }
  for (const sink of ctx.sinks) {
    let out: string;
    try {
      const rendered = await sink.render(result, input);
      if (typeof rendered === 'string') out = rendered;
      else {
        out = rendered.text;
        failures.push(...rendered.failures);
      }
    } catch (err) {
      failures.push({ kind: 'exception', detail: `${sink.name}: ${(err as Error)?.stack ?? String(err)}` });
      continue;
    }
    if (checkLeaks && out.includes(ctx.marker)) {
      const at = out.indexOf(ctx.marker);
      failures.push({ kind: 'leak', detail: `${sink.name}: …${out.slice(Math.max(0, at - 80), at + 40)}…` });
    }
    if (sink.name.endsWith('sarif')) {
      const bad = sarifValidate(ctx.repoRoot, out);
      if (bad) failures.push({ kind: 'sarif', detail: bad });
    }
  }
  return { failures, ms };
}
