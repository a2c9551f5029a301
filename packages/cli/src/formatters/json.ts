import { isSuppressed, toJsonPointer, type Diagnostic } from '@acklint/core';
import { isAbsolute, relative, sep } from 'node:path';
import type { FileReport, FormatStream, RunInfo } from '../types.js';
import { jsonArrayStream, Lazy } from './json-stream.js';

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

/**
 * Machine-readable results, one entry per file, shaped like ESLint's `json` formatter (1-based lines and UTF-16
 * columns; suppressed findings under `suppressedMessages`; `output`, the fixed text, after --fix-dry-run), with
 * acklint's extras: JSON pointer, related locations, fix, docs URL. Written piece by piece, a finding at a time: each
 * file's entry goes out as soon as the file is done.
 */
export function jsonStream(input: RunInfo): FormatStream {
  const array = jsonArrayStream();
  return {
    start: () => [],
    file: (f: FileReport) => array.item(entry(f, input.cwd)),
    end: () => [...array.end(), '\n'],
  };
}

function entry(f: FileReport, cwd: string) {
  const active = f.diagnostics.filter((d) => !isSuppressed(d));
  const suppressed = f.diagnostics.filter(isSuppressed);
  const count = (s: string) => active.filter((d) => d.severity === s).length;
  return {
    filePath: f.displayPath,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    messages: new Lazy(mapLazy(active, (d) => message(d, cwd))),
    suppressedMessages: new Lazy(mapLazy(suppressed, (d) => ({ ...message(d, cwd), suppressions: d.suppressions }))),
    ...(f.output !== undefined ? { output: f.output } : {}),
    ...(f.fixError ? { fixError: f.fixError } : {}),
  };
}

/** `xs.map(f)`, one item at a time. */
export function* mapLazy<T, U>(xs: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of xs) yield f(x);
}

function message(d: Diagnostic, cwd: string) {
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    pointer: toJsonPointer(d.path),
    document: d.documentIndex,
    related: d.related.map((r) => ({
      // A location in another file (an inventory file) names it, relative to the working directory.
      ...(r.file ? { filePath: displayPath(r.file, cwd) } : {}),
      message: r.message,
      line: r.range.start.line + 1,
      column: r.range.start.character + 1,
      endLine: r.range.end.line + 1,
      endColumn: r.range.end.character + 1,
    })),
    ...(d.fix
      ? {
          fix: {
            title: d.fix.title,
            safe: d.fix.safe,
            edits: d.fix.edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })),
          },
        }
      : {}),
    docsUrl: d.docsUrl,
  };
}
