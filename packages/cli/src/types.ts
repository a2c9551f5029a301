import type { Diagnostic, RuleMeta, SourceText } from '@acklint/core';

export interface FileReport {
  /** Path as shown to the user (relative to the working directory where possible; `<stdin>` for stdin). */
  displayPath: string;
  /** Absolute path, or undefined for stdin without --stdin-filename. */
  absPath?: string;
  diagnostics: Diagnostic[];
  source: SourceText;
  /** --fix-dry-run: the fixed text (only when fixes changed it). */
  output?: string;
  /** --fix / --fix-dry-run: how many findings the fixes resolved. */
  fixed?: number;
  /** --fix / --fix-dry-run: why the file's fixes were not applied. */
  fixError?: string;
}

/** What a format knows before the first file: the run's settings. */
export interface RunInfo {
  /** Every rule enabled in this run (plus the engine's internal-error entry). */
  rules: RuleMeta[];
  cwd: string;
  /** What report paths are relative to in SARIF, github and gitlab output: --sarif-base, else the git top level, else cwd. */
  baseDir: string;
  color: boolean;
  /** Terminal width when standard output is a terminal (stylish wraps to it); undefined when piped. */
  width?: number;
}

/** What a format learns once every file is done. */
export interface RunEnd {
  /** False when the run failed for a reason other than findings (I/O, internal). */
  executionSuccessful: boolean;
  /** Problems of the run itself (unreadable files…), for SARIF toolExecutionNotifications. */
  notifications: string[];
}

export interface FormatInput extends RunInfo, RunEnd {
  files: FileReport[];
}

/**
 * What a formatter produces: one string, or pieces written one after another (formatters of unbounded output yield
 * pieces, so that very many findings are streamed rather than built into one giant string).
 */
export type FormatOutput = string | Iterable<string>;

export type Formatter = (input: FormatInput) => FormatOutput;

/**
 * A format written while the run goes on: `start` before the first file, `file` for each file in order as soon as it
 * and every file before it are done (the report is dropped afterwards, so a stream keeps at most small aggregates, or
 * the text of parts that must come later in its output), `end` once the run is over.
 */
export interface FormatStream {
  start(): Iterable<string>;
  file(report: FileReport): Iterable<string>;
  end(run: RunEnd): Iterable<string>;
}

export type StreamingFormat = (info: RunInfo) => FormatStream;

/** The whole output of a streaming format for reports that are all at hand. */
export function whole(format: StreamingFormat): Formatter {
  return function* (input: FormatInput): Generator<string> {
    const stream = format(input);
    yield* stream.start();
    for (const f of input.files) yield* stream.file(f);
    yield* stream.end(input);
  };
}
