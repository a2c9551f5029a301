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

export type Formatter = (input: FormatInput) => string;
