import type { Diagnostic, Fix, RelatedLocation, Severity, SeveritySetting } from './diagnostic.js';
import { INTERNAL_ERROR_ID, ruleDocsUrl } from './meta.js';
import { ClusterDocument, type JsonPath, type JsonValue, type SourceFormat } from './model.js';
import { parseFile, parseFileSync, type ParsedFile, type ParseLimits, type ParseProblem } from './parse/index.js';
import type { FixSpec, Report, Rule, RuleContext, Target } from './rule.js';
import type { SourceText, Span } from './text.js';
import type { Inventory } from './network/inventory.js';
import type { PointerOverride, SuppressionSettings } from './config.js';
import { applySuppressions } from './suppress.js';
import { ASSUMED_KIND_NOTE, clusterTypeAssumed } from './cluster.js';
import { embeddedClusterBodies } from './embedded-specs.js';
import { secretsOf, settleDiagnostic } from './redact.js';
import { clip, withLintScope } from './values.js';

export { SecretIndex } from './redact.js'; // also from engine.js, where it lived before redact.ts

export interface LintOptions {
  fileName?: string;
  format?: SourceFormat;
  rules: readonly Rule[];
  /** Severity per rule id; `off` disables (the rule is not run at all). Missing ids use the rule's default. */
  severities?: Readonly<Record<string, SeveritySetting>>;
  limits?: Partial<ParseLimits>;
  /** The file's real size, when `input` holds only its first bytes (see ParseOptions.fileSize). */
  fileSize?: number;
  now?: Date;
  /**
   * Directory-scan mode: a file none of whose documents is a CreateCluster body (an object with `cluster_type`) is
   * skipped without diagnostics, so other JSON and YAML in a repository stay quiet.
   */
  onlyClusterSpecs?: boolean;
  /** Existing VPCs, vSwitches and clusters (`--inventory`), for the rules that compare the spec with them. */
  inventory?: Inventory;
  /** Inline `acklint-disable` comments: honoured, reason required, unused ones reported (see suppress.ts). */
  suppressions?: SuppressionSettings;
  /** Config overrides at JSON pointers of this file (see settingsForFile). */
  pointerOverrides?: readonly PointerOverride[];
}

export interface LintResult {
  fileName?: string;
  format: SourceFormat;
  source: SourceText;
  diagnostics: Diagnostic[];
  /** True when `onlyClusterSpecs` was set and the file is not a cluster spec. */
  skipped: boolean;
  /** Problems found while reading the file (syntax, encoding, limits); `--fix` checks that fixes add none. */
  problems: readonly ParseProblem[];
}

/** Parse and lint one file's contents. Never throws for bad input; see {@link LintResult}. */
export async function lint(input: string | Uint8Array, options: LintOptions): Promise<LintResult> {
  const parsed = await parseFile(input, { fileName: options.fileName, format: options.format, limits: options.limits, fileSize: options.fileSize });
  return lintParsed(parsed, options);
}

/** Synchronous variant for JSON input or when the YAML parser is already loaded (editor re-lints). */
export function lintSync(input: string | Uint8Array, options: LintOptions): LintResult {
  return lintParsed(parseFileSync(input, { fileName: options.fileName, format: options.format, limits: options.limits, fileSize: options.fileSize }), options);
}

export function isClusterSpec(parsed: ParsedFile): boolean {
  return parsed.documents.some((d) => d.hasClusterType || embeddedClusterBodies(d).length > 0);
}

/**
 * Findings of an earlier lint taken over for documents whose text has not changed (an editor re-linting a file of many
 * YAML documents after an edit in one of them). Only the rules that look at one document at a time are skipped for a
 * reused document; file rules, suppressions and redaction run on the whole file as always.
 */
export interface DocumentReuse {
  /** The document rules' findings for `doc` from an earlier lint, moved to where the document is now; undefined to run the rules. */
  reused(doc: ClusterDocument): readonly Diagnostic[] | undefined;
  /** Called with the document rules' findings of this lint, by document index (before suppression and redaction). */
  record(byDocument: ReadonlyMap<number, readonly Diagnostic[]>): void;
}

export function lintParsed(parsed: ParsedFile, options: LintOptions, reuse?: DocumentReuse): LintResult {
  return withLintScope(() => lintInScope(parsed, options, reuse));
}

function lintInScope(parsed: ParsedFile, options: LintOptions, reuse: DocumentReuse | undefined): LintResult {
  const base = { fileName: options.fileName, format: parsed.format, source: parsed.source, problems: parsed.problems };
  if (options.onlyClusterSpecs && !isClusterSpec(parsed)) return { ...base, diagnostics: [], skipped: true };

  const now = options.now ?? new Date();
  const out: Diagnostic[] = [];
  const docs = parsed.documents.length
    ? parsed.documents
    : [new ClusterDocument(parsed.source, parsed.format, 0, undefined, { start: 0, end: parsed.source.text.length })];

  // One context per document, shared by every rule that looks at it; the documents each scope looks at are
  // computed once per file, the enabled rules and their scopes once per rule list and severities. CreateCluster
  // rules also run on bodies embedded in other documents (a ROS AnyCluster's ClusterConfig).
  const context = (d: ClusterDocument) => new DocumentContext(d, parsed, now, out, options.inventory);
  const contexts: DocumentContext[] = [];
  const cluster: DocumentContext[] = [];
  for (const d of docs) {
    const ctx = context(d);
    contexts.push(ctx);
    if (d.kind === 'cluster') cluster.push(ctx);
    else for (const body of embeddedClusterBodies(d)) cluster.push(context(body));
  }
  const file = [contexts[0]!];
  const plan = planFor(options.rules, options.severities);
  let docContexts = contexts;
  let clusterContexts = cluster;
  if (reuse) {
    const taken = new Set<number>();
    for (const d of docs) {
      const found = reuse.reused(d);
      if (!found) continue;
      taken.add(d.index);
      for (const f of found) out.push(f);
    }
    if (taken.size) {
      // Document rules skip the reused documents (and the bodies embedded in them); file rules see every document.
      const fresh = (ctx: DocumentContext) => !taken.has(ctx.document.index);
      docContexts = contexts.filter(fresh);
      clusterContexts = cluster.filter(fresh);
    }
  }
  // Indexed loops: this runs a hundred times per file, mostly before V8 has optimised it.
  const enabled = plan.enabled;
  for (let i = 0; i < enabled.length; i++) {
    const e = enabled[i]!;
    const targets = e.scope === 'cluster' ? clusterContexts : e.scope === 'any' ? docContexts : file;
    for (let j = 0; j < targets.length; j++) runRule(e, targets[j]!);
  }
  if (reuse) {
    const byDocument = new Map<number, Diagnostic[]>(docs.map((d) => [d.index, []]));
    for (const d of out) if (!plan.fileRules.has(d.ruleId)) byDocument.get(d.documentIndex)?.push(d);
    reuse.record(byDocument);
  }

  const found = finish(dropFollowOns(out, parsed, plan.fileRules), parsed);
  const suppressed = applySuppressions(found, parsed, { settings: options.suppressions, pointerOverrides: options.pointerOverrides, enabled: plan.enabledIds, known: plan.knownIds });
  if (suppressed === found) return { ...base, diagnostics: found, skipped: false };
  // Suppression findings (unused or invalid directives) and justifications are text too: through the same exit.
  const settled = new Set(found);
  const diagnostics = suppressed.map((d) => (settled.has(d) ? d : settleDiagnostic(d, parsed.source, secretsOf(parsed))));
  return { ...base, diagnostics, skipped: false };
}

type Scope = NonNullable<Rule['meta']['scope']>;

/** The rules a run enables, in order, with their severity and scope; their ids; the ids of all rules and of file-scope rules. */
interface RulePlan {
  enabled: EnabledRule[];
  enabledIds: ReadonlySet<string>;
  knownIds: ReadonlySet<string>;
  fileRules: ReadonlySet<string>;
}

/** A rule a run enables, with what the engine reads of it for each document. */
interface EnabledRule {
  rule: Rule;
  id: string;
  severity: Severity;
  scope: Scope;
  kindDependent: boolean;
  docsUrl: string | undefined;
}

/** Plans per rule list, then per severities object (most callers pass the same ones for every file). */
const plans = new WeakMap<readonly Rule[], { plain?: RulePlan; bySeverities: WeakMap<object, RulePlan> }>();

function planFor(rules: readonly Rule[], severities: LintOptions['severities']): RulePlan {
  let forRules = plans.get(rules);
  if (!forRules) plans.set(rules, (forRules = { bySeverities: new WeakMap() }));
  let plan = severities ? forRules.bySeverities.get(severities) : forRules.plain;
  if (plan) return plan;
  const enabled: RulePlan['enabled'] = [];
  const fileRules = new Set<string>();
  for (const rule of rules) {
    const scope = rule.meta.scope ?? 'cluster';
    if (scope === 'file') fileRules.add(rule.meta.id);
    const setting = severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting !== 'off') enabled.push({ rule, id: rule.meta.id, severity: setting, scope, kindDependent: rule.meta.kindDependent === true, docsUrl: rule.meta.docsUrl });
  }
  plan = { enabled, enabledIds: new Set(enabled.map((e) => e.id)), knownIds: new Set(rules.map((r) => r.meta.id)), fileRules };
  if (severities) forRules.bySeverities.set(severities, plan);
  else forRules.plain = plan;
  return plan;
}

/** What a rule sees of one document; the engine sets `ruleId` and `severity` before each rule runs. */
class DocumentContext implements RuleContext {
  readonly value: JsonValue | undefined;
  readonly kind: ClusterDocument['kind'];
  readonly inventory?: Inventory;
  ruleId = '';
  severity: Severity = 'error';
  /** The running rule's own docs link (a user policy's `docs`), else the built-in rule page. */
  docsUrl: string | undefined;
  /** The running rule depends on the kind of cluster (then findings say when cluster_type was assumed). */
  kindDependent = false;
  /** The document does not set cluster_type, so rules assume a managed cluster. */
  private readonly assumedKind: boolean;
  readonly report = (r: Report): void => {
    const report = this.kindDependent && this.assumedKind ? { ...r, message: `${r.message} ${ASSUMED_KIND_NOTE}` } : r;
    this.out.push(toDiagnostic(this.ruleId, this.severity, this.document, report, this.docsUrl));
  };

  constructor(
    readonly document: ClusterDocument,
    readonly file: ParsedFile,
    readonly now: Date,
    /** Where findings go (the file's list). */
    readonly out: Diagnostic[],
    inventory: Inventory | undefined,
  ) {
    this.value = document.value;
    this.kind = document.kind;
    this.assumedKind = document.kind === 'cluster' && clusterTypeAssumed(document.value);
    if (inventory) this.inventory = inventory;
  }
}

/**
 * A syntax error leaves a recovered tree whose keys and values around the error are guesses (an unescaped quote turns
 * the rest of the line into junk keys). Findings of document rules that start on a line with a syntax error would be
 * about those guesses, so they are dropped: the syntax error is the one thing to fix there.
 */
function dropFollowOns(diags: Diagnostic[], parsed: ParsedFile, fileRules: ReadonlySet<string>): Diagnostic[] {
  const syntax = parsed.problems.filter((p) => p.code === 'syntax');
  if (syntax.length === 0) return diags;
  const lines = new Set<number>();
  for (const p of syntax) {
    const a = parsed.source.rangeOf(p);
    for (let l = a.start.line; l <= a.end.line; l++) lines.add(l);
  }
  return diags.filter((d) => fileRules.has(d.ruleId) || d.ruleId === INTERNAL_ERROR_ID || !lines.has(d.range.start.line));
}

function runRule({ rule, id, severity, kindDependent, docsUrl }: EnabledRule, ctx: DocumentContext): void {
  ctx.ruleId = id;
  ctx.severity = severity;
  ctx.kindDependent = kindDependent;
  ctx.docsUrl = docsUrl;
  const doc = ctx.document;
  try {
    rule.check(ctx);
  } catch (err) {
    const span = { start: doc.span.start, end: doc.span.start };
    ctx.out.push({
      ruleId: INTERNAL_ERROR_ID,
      severity: 'error',
      message: `Rule "${rule.meta.id}" failed on this document and was skipped (${errorText(err)}). Please report this.`,
      span,
      range: doc.source.rangeOf(span),
      path: [],
      documentIndex: doc.index,
      related: [],
      docsUrl: ruleDocsUrl(INTERNAL_ERROR_ID),
    });
  }
}

/** What a thrown value says, whatever was thrown (an object without a prototype cannot even be turned into a string). */
function errorText(err: unknown): string {
  if (err instanceof Error) return clip(err.message);
  if (typeof err === 'string') return clip(err);
  return `a thrown ${err === null ? 'null' : typeof err}`;
}

function isSpan(x: Target | Span): x is Span {
  return typeof (x as Span).start === 'number';
}

function resolve(doc: ClusterDocument, at: Target | Span): { span: Span; path: JsonPath; definition?: Span } {
  if (isSpan(at)) return { span: { start: at.start, end: at.end }, path: [] };
  const loc = doc.locate(at.path, at.on ?? 'value');
  const out: { span: Span; path: JsonPath; definition?: Span } = { span: loc.span, path: at.path };
  if (loc.definition) out.definition = loc.definition;
  return out;
}

function related(doc: ClusterDocument, message: string, span: Span, path?: JsonPath): RelatedLocation {
  const r: RelatedLocation = { message, span, range: doc.source.rangeOf(span) };
  if (path) r.path = inFile(doc, path);
  return r;
}

/** A document path as a path in the file (prefixed for a body embedded in another document). */
function inFile(doc: ClusterDocument, path: JsonPath): JsonPath {
  return doc.basePath.length ? [...doc.basePath, ...path] : path;
}

function toDiagnostic(ruleId: string, severity: Severity, doc: ClusterDocument, r: Report, docsUrl = ruleDocsUrl(ruleId)): Diagnostic {
  const { span, path, definition } = resolve(doc, r.at);
  const rel: RelatedLocation[] = [];
  // A finding shown where the document uses a YAML anchor also points at the anchored text it is about.
  if (definition) rel.push(related(doc, 'The value comes from this YAML anchor', definition, path));
  for (const x of r.related ?? []) {
    if ('external' in x) {
      rel.push({ message: x.message, span: x.external.span, range: x.external.range, file: x.external.file });
      continue;
    }
    if ('span' in x) rel.push(related(doc, x.message, x.span));
    else {
      const where = resolve(doc, x);
      rel.push(related(doc, x.message, where.span, where.path));
    }
  }
  const d: Diagnostic = {
    ruleId,
    severity,
    message: r.message,
    span,
    range: doc.source.rangeOf(span),
    path: inFile(doc, path),
    documentIndex: doc.index,
    related: rel,
    docsUrl,
  };
  const fix = r.fix && toFix(doc, r.fix);
  if (fix) d.fix = fix;
  return d;
}

/**
 * Fixes edit the text a target stands for. Text shared through a YAML anchor is never edited (it would change every
 * other use of the anchor too), so such a fix is dropped.
 */
function toFix(doc: ClusterDocument, f: FixSpec): Fix | undefined {
  const edits: Fix['edits'] = [];
  for (const e of f.edits) {
    if (isSpan(e.target)) edits.push({ start: e.target.start, end: e.target.end, newText: e.newText });
    else {
      if (doc.isShared(e.target.path)) return undefined;
      edits.push({ ...doc.spanOf(e.target.path, e.target.on ?? 'value'), newText: e.newText });
    }
  }
  return { title: f.title, safe: f.safe, edits };
}

/**
 * The one exit of every diagnostic: ranges clamped to the text and secrets masked ({@link settleDiagnostic}), then
 * sorted, with repeats of the same finding (a rule may report one place twice) dropped.
 */
function finish(diags: Diagnostic[], parsed: ParsedFile): Diagnostic[] {
  if (diags.length === 0) return diags; // nothing to settle (most files of a large run)
  const secrets = secretsOf(parsed);
  const settled = diags.map((d) => settleDiagnostic(d, parsed.source, secrets));
  settled.sort(
    (a, b) =>
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
  // The order sorts by everything that makes a finding the same (place, rule, message), so repeats are neighbours:
  // keep the first of each run (the sort is stable).
  const out = [settled[0]!];
  for (let i = 1; i < settled.length; i++) {
    const d = settled[i]!;
    const prev = out[out.length - 1]!;
    if (d.span.start !== prev.span.start || d.span.end !== prev.span.end || d.ruleId !== prev.ruleId || d.message !== prev.message) out.push(d);
  }
  return out;
}

export type { JsonValue };
