import type { JsonPath } from './model.js';
import type { Range, Span } from './text.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** One text replacement, by offsets into the linted text (BOM excluded). */
export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  /** What applying the fix does, e.g. `Quote the value: "25"`. */
  title: string;
  edits: TextEdit[];
  /**
   * `true`: applying it keeps the author's intent and `--fix` may apply it unattended. `false`: a suggestion that a
   * person should review (editor quick fix only).
   */
  safe: boolean;
}

export interface RelatedLocation {
  message: string;
  span: Span;
  range: Range;
  path?: JsonPath;
  /** Absolute path of the file the location is in, when it is not the linted file (e.g. an inventory file). */
  file?: string;
}

/** Why a finding is not counted: an inline `acklint-disable…` comment (inSource) or the config (external). */
export interface Suppression {
  kind: 'inSource' | 'external';
  justification?: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 0-based lines and UTF-16 columns, as LSP counts them. */
  range: Range;
  /** Offsets into the linted text (BOM excluded). */
  span: Span;
  /** JSON path of the finding inside its document; empty for file-level findings. */
  path: JsonPath;
  /** Index of the YAML document the finding is in (0 for JSON). */
  documentIndex: number;
  related: RelatedLocation[];
  fix?: Fix;
  docsUrl: string;
  /** Present (non-empty) when the finding is suppressed: kept for SARIF and summaries, not counted as a problem. */
  suppressions?: Suppression[];
}
