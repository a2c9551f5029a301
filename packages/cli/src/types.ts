import type { Diagnostic, RuleMeta, SourceText } from '@acklint/core';

export interface FileReport {
  /** Path as shown to the user (relative to the working directory where possible; `<stdin>` for stdin). */
  displayPath: string;
  /** Absolute path, or undefined for stdin without --stdin-filename. */
  absPath?: string;
  diagnostics: Diagnostic[];
  source: SourceText;
}

export interface FormatInput {
  files: FileReport[];
  /** Every rule enabled in this run (plus the engine's internal-error entry). */
  rules: RuleMeta[];
  cwd: string;
  color: boolean;
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
