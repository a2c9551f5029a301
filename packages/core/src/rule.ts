import type { ClusterDocument, DocumentKind, JsonPath, JsonValue } from './model.js';
import type { ParsedFile } from './parse/index.js';
import type { Severity } from './diagnostic.js';
import type { Span } from './text.js';
import type { ExternalLocation, Inventory } from './network/inventory.js';

export type RuleCategory = 'input' | 'schema' | 'network' | 'billing' | 'edition' | 'credentials' | 'naming' | 'security' | 'versions' | 'nodepools' | 'disks' | 'addons' | 'policy';

export interface RuleMeta {
  /** Stable kebab-case id; never renamed once released (it keys config, suppressions and SARIF fingerprints). */
  id: string;
  defaultSeverity: Severity;
  category: RuleCategory;
  /** One line, shown in `--list-rules` and as SARIF shortDescription. */
  description: string;
  /** A paragraph: what, why, and what to do. SARIF fullDescription and help. */
  details: string;
  /** The documented fact this rule enforces, and where it is documented. */
  fact: { text: string; source: string };
  tags: string[];
  /**
   * Which documents the rule looks at: `cluster` (default) runs on CreateCluster bodies only; `any` on every
   * document; `file` once per file, before documents (for problems found while reading the file).
   */
  scope?: 'cluster' | 'any' | 'file';
  /** The rule can attach fixes. */
  fixable?: boolean;
  /**
   * The rule's findings depend on the kind of cluster (managed, dedicated…). When the body gives no cluster_type and
   * the managed kind is assumed, the engine adds a sentence saying so to each finding.
   */
  kindDependent?: boolean;
  /** Where the rule is documented, when not at acklint's own rule docs (a team's policy links to its own page). */
  docsUrl?: string;
}

/** Where a finding points. `on`: `value` (default), `key`, or `entry` (key through value). */
export interface Target {
  path: JsonPath;
  on?: 'value' | 'key' | 'entry';
}

export interface ReportRelated extends Target {
  message: string;
}

export interface FixSpec {
  title: string;
  safe: boolean;
  /** Replace the text of a target (typically a value) with new text. */
  edits: Array<{ target: Target | Span; newText: string }>;
}

export interface Report {
  message: string;
  /** A JSON path in the current document, or (file rules) a raw span. */
  at: Target | Span;
  related?: Array<ReportRelated | { span: Span; message: string } | { external: ExternalLocation; message: string }>;
  fix?: FixSpec;
}

export interface RuleContext {
  /** The document being checked (for `file` rules: the first document, if any). */
  readonly document: ClusterDocument;
  readonly file: ParsedFile;
  /** The document's typed value (plain data; {@link INVALID} where a value could not be read). */
  readonly value: JsonValue | undefined;
  readonly kind: DocumentKind;
  /** "Today", for date-dependent rules; fixed in tests. */
  readonly now: Date;
  /** What already exists in the cloud (`--inventory`), when given. */
  readonly inventory?: Inventory;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Identity helper that gives rule modules type checking and a place for future defaults. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
