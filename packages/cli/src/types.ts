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

export interface FormatInput {
  files: FileReport[];
  /** Every rule enabled in this run (plus the engine's internal-error entry). */
  rules: RuleMeta[];
  cwd: string;
  /** What report paths are relative to in SARIF, github and gitlab output: --sarif-base, else the git top level, else cwd. */
  baseDir: string;
  color: boolean;
  /** Terminal width when standard output is a terminal (stylish wraps to it); undefined when piped. */
  width?: number;
  /** False when the run failed for a reason other than findings (I/O, internal). */
  executionSuccessful: boolean;
  /** Problems of the run itself (unreadable files…), for SARIF toolExecutionNotifications. */
  notifications: string[];
}

/**
 * What a formatter produces: one string, or pieces written one after another (formatters of unbounded output yield
 * pieces, so that very many findings are streamed rather than built into one giant string).
 */
export type FormatOutput = string | Iterable<string>;

export type Formatter = (input: FormatInput) => FormatOutput;
