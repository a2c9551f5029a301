/**
 * Suppressions: inline `acklint-disable…` comments (YAML `#`, JSONC `//` and `/* *\/`) and config overrides at a JSON
 * pointer (the way to suppress in strict JSON, which has no comments). A suppressed finding is kept, marked with
 * `suppressions`, so that SARIF can report it as suppressed and summaries can count it; a directive that suppressed
 * nothing, names an unknown rule or lacks a required reason is itself reported. The CLI and the language server both
 * get this through the engine.
 *
 * Directives (the rule list is comma-separated; none means every rule; `-- reason` is the justification):
 *   acklint-disable-next-line <rule>[, <rule>] -- <reason>   findings that start on the next line
 *   acklint-disable-line <rule> -- <reason>                    findings that start on the comment's line
 *   acklint-disable <rule> -- <reason>                         from the comment's line to `acklint-enable` or the end
 *   acklint-enable [<rule>]                                     ends an `acklint-disable`
 */
import { createScanner } from 'jsonc-parser';
import type { Diagnostic, Severity, SeveritySetting, Suppression } from './diagnostic.js';
import { closest } from './config.js';
import type { PointerOverride, SuppressionSettings } from './config.js';
import { INVALID_DIRECTIVE_ID, UNUSED_DIRECTIVE_ID, ruleDocsUrl } from './meta.js';
import type { Node } from './model.js';
import type { ParsedFile } from './parse/index.js';
import { toJsonPointer } from './path.js';
import type { RuleMeta } from './rule.js';
import type { Span } from './text.js';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty: every rule. */
  rules: string[];
  reason?: string;
  /** The comment, delimiters included. */
  span: Span;
  /** 0-based lines the directive covers, inclusive (`disable`: up to its `enable`). */
  fromLine: number;
  toLine: number;
}

export { INVALID_DIRECTIVE_ID, UNUSED_DIRECTIVE_ID };

/** How the engine's own findings about directives are described (SARIF rules[], docs). */
export const DIRECTIVE_RULES: readonly RuleMeta[] = [
  {
    id: UNUSED_DIRECTIVE_ID,
    defaultSeverity: 'warning',
    category: 'input',
    description: 'An acklint-disable comment suppresses nothing.',
    details:
      'The comment names a rule that reports nothing where the comment applies (the finding was fixed, or moved to another line). A stale suppression hides the next real finding there: remove the comment. Reported with --report-unused-disable-directives, or suppressions.reportUnused in the config; a warning by default when the CLI runs in CI.',
    fact: { text: 'Not a documented constraint: hygiene of suppressions.', source: 'acklint' },
    tags: ['acklint', 'suppressions'],
    scope: 'file',
  },
  {
    id: INVALID_DIRECTIVE_ID,
    defaultSeverity: 'error',
    category: 'input',
    description: 'An acklint-disable comment names an unknown rule, or lacks the reason the config requires.',
    details:
      'A directive naming a rule acklint does not have suppresses nothing (usually a typo); with suppressions.requireReason set in the config, a directive without "-- reason" suppresses nothing. Fix the rule id, or add the reason after " -- ".',
    fact: { text: 'Not a documented constraint: hygiene of suppressions.', source: 'acklint' },
    tags: ['acklint', 'suppressions'],
    scope: 'file',
  },
];

const DIRECTIVE = /^\s*acklint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/** Parse the text inside a comment (without `#`, `//`, `/*`, `*\/`); undefined when it is no directive. */
export function parseDirectiveText(text: string): { kind: DirectiveKind; rules: string[]; reason?: string } | undefined {
  const m = DIRECTIVE.exec(text);
  if (!m) return undefined;
  const kind = m[1] as DirectiveKind;
  let body = m[2]!;
  let reason: string | undefined;
  const sep = /(?:^|\s)--(?:\s|$)/.exec(body);
  if (sep) {
    reason = body.slice(sep.index + sep[0].length).trim() || undefined;
    body = body.slice(0, sep.index);
  }
  const rules = body
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { kind, rules, ...(reason ? { reason } : {}) };
}

/** Every directive comment of a file, in order, with the lines it covers. */
export function findDirectives(parsed: ParsedFile): Directive[] {
  const text = parsed.source.text;
  if (!text.includes('acklint-')) return [];
  const comments = parsed.format === 'yaml' ? yamlComments(parsed) : parsed.format === 'jsonc' ? jsoncComments(text) : [];
  const out: Directive[] = [];
  const lastLine = parsed.source.lineCount - 1;
  for (const c of comments) {
    const d = parseDirectiveText(c.body);
    if (!d) continue;
    const start = parsed.source.positionAt(c.span.start).line;
    const end = parsed.source.positionAt(c.span.end).line;
    const [fromLine, toLine] = d.kind === 'disable-next-line' ? [end + 1, end + 1] : d.kind === 'disable-line' ? [start, start] : [start, lastLine];
    out.push({ ...d, span: c.span, fromLine, toLine });
  }
  // `acklint-disable` runs to the first `acklint-enable` after it that names one of its rules (or every rule).
  for (const [i, d] of out.entries()) {
    if (d.kind !== 'disable') continue;
    const enable = out.slice(i + 1).find((e) => e.kind === 'enable' && (e.rules.length === 0 || d.rules.length === 0 || e.rules.some((r) => d.rules.includes(r))));
    if (enable) d.toLine = Math.max(d.fromLine, enable.fromLine - 1);
  }
  return out;
}

interface Comment {
  span: Span;
  body: string;
}

function jsoncComments(text: string): Comment[] {
  const out: Comment[] = [];
  const scanner = createScanner(text, false);
  for (let t = scanner.scan(); t !== 17 /* EOF */; t = scanner.scan()) {
    if (t !== 12 /* LineCommentTrivia */ && t !== 13 /* BlockCommentTrivia */) continue;
    const start = scanner.getTokenOffset();
    const raw = text.slice(start, start + scanner.getTokenLength());
    if (!raw.includes('acklint-')) continue;
    out.push({ span: { start, end: start + raw.length }, body: t === 12 ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') ? -2 : undefined) });
  }
  return out;
}

/**
 * YAML comments that hold a directive: a `#` at the start of a line or after a blank, outside every scalar (a `#`
 * inside a quoted or block string is text, not a comment).
 */
function yamlComments(parsed: ParsedFile): Comment[] {
  const text = parsed.source.text;
  const out: Comment[] = [];
  const re = /#[ \t]*acklint-/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    const before = at === 0 ? '\n' : text[at - 1]!;
    if (!/[\s]/.test(before)) continue;
    if (insideScalar(parsed, at)) continue;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text[end - 1] === '\r') end--;
    out.push({ span: { start: at, end }, body: text.slice(at + 1, end) });
  }
  return out;
}

function insideScalar(parsed: ParsedFile, offset: number): boolean {
  for (const doc of parsed.documents) {
    if (offset < doc.span.start || offset >= doc.span.end || !doc.root) continue;
    let node: Node | undefined = doc.root;
    while (node) {
      if (offset < node.start || offset >= node.end) return false;
      if (node.kind === 'object') {
        let next: Node | undefined;
        for (const e of node.entries) {
          if (offset >= e.keySpan.start && offset < e.keySpan.end) return true;
          if (!e.merged && offset >= e.value.start && offset < e.value.end) next = e.value;
        }
        node = next;
      } else if (node.kind === 'array') node = node.items.find((i) => offset >= i.start && offset < i.end);
      else return node.kind !== 'invalid';
    }
  }
  return false;
}

export interface SuppressOptions {
  settings?: SuppressionSettings;
  pointerOverrides?: readonly PointerOverride[];
  /** Rule ids that ran on this file (a directive naming a rule that is off is not "unused"). */
  enabled: ReadonlySet<string>;
  /** Every rule id acklint knows (directives naming others are reported). */
  known: ReadonlySet<string>;
}

const NOT_SUPPRESSIBLE = new Set([UNUSED_DIRECTIVE_ID, INVALID_DIRECTIVE_ID, 'internal-error']);

/**
 * Mark the findings that directives and pointer overrides suppress, re-level those pointer overrides change, and
 * add findings about directives. Input order is kept; new findings are merged in by position.
 */
export function applySuppressions(diags: Diagnostic[], parsed: ParsedFile, options: SuppressOptions): Diagnostic[] {
  const settings = options.settings ?? {};
  let out = diags;
  if (options.pointerOverrides?.length) out = applyPointerOverrides(out, options.pointerOverrides);
  if (settings.inline === false) return out;
  const directives = findDirectives(parsed);
  if (!directives.length) return out;

  const extra: Diagnostic[] = [];
  const report = (ruleId: string, severity: Severity, span: Span, message: string) =>
    extra.push({
      ruleId,
      severity,
      message,
      span,
      range: parsed.source.rangeOf(span),
      path: [],
      documentIndex: 0,
      related: [],
      docsUrl: ruleDocsUrl(ruleId),
    });

  const active: Directive[] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const unknown = d.rules.filter((r) => !options.known.has(r));
    for (const r of unknown) {
      const guess = closest(r, options.known, Math.max(2, Math.floor(r.length / 3)));
      report(INVALID_DIRECTIVE_ID, 'warning', d.span, `acklint-${d.kind} names "${r}", which is not an acklint rule${guess ? ` (did you mean "${guess}"?)` : ''}; it suppresses nothing.`);
    }
    if (settings.requireReason && !d.reason) {
      report(INVALID_DIRECTIVE_ID, 'error', d.span, `acklint-${d.kind} needs a reason after " -- " (suppressions.requireReason is set in the config); it suppresses nothing.`);
      continue;
    }
    active.push(d);
  }

  // Which directive (and which of its rules) suppressed something.
  const used = new Map<Directive, Set<string>>();
  out = out.map((diag) => {
    if (NOT_SUPPRESSIBLE.has(diag.ruleId)) return diag;
    const line = diag.range.start.line;
    const by = active.filter((d) => line >= d.fromLine && line <= d.toLine && (d.rules.length === 0 || d.rules.includes(diag.ruleId)));
    if (!by.length) return diag;
    for (const d of by) {
      let s = used.get(d);
      if (!s) used.set(d, (s = new Set()));
      s.add(diag.ruleId);
    }
    const reason = by.find((d) => d.reason)?.reason;
    return withSuppression(diag, { kind: 'inSource', ...(reason ? { justification: reason } : {}) });
  });

  const unusedLevel: SeveritySetting = settings.reportUnused ?? 'off';
  if (unusedLevel !== 'off') {
    for (const d of active) {
      const hit = used.get(d);
      const where = d.kind === 'disable-next-line' ? 'on the next line' : d.kind === 'disable-line' ? 'on this line' : 'after it';
      if (d.rules.length === 0) {
        if (!hit) report(UNUSED_DIRECTIVE_ID, unusedLevel, d.span, `Unused acklint-${d.kind}: no finding ${where} to suppress; remove the comment.`);
        continue;
      }
      const idle = d.rules.filter((r) => options.known.has(r) && options.enabled.has(r) && !hit?.has(r));
      if (idle.length) {
        report(UNUSED_DIRECTIVE_ID, unusedLevel, d.span, `Unused acklint-${d.kind}: no ${idle.map((r) => `"${r}"`).join(' or ')} finding ${where} to suppress; remove ${idle.length === d.rules.length ? 'the comment' : 'it from the comment'}.`);
      }
    }
  }
  if (!extra.length) return out;
  return [...out, ...extra].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function withSuppression(d: Diagnostic, s: Suppression): Diagnostic {
  return { ...d, suppressions: [...(d.suppressions ?? []), s] };
}

function applyPointerOverrides(diags: Diagnostic[], overrides: readonly PointerOverride[]): Diagnostic[] {
  return diags.map((d) => {
    if (NOT_SUPPRESSIBLE.has(d.ruleId)) return d;
    const pointer = toJsonPointer(d.path);
    let level: SeveritySetting | undefined;
    let reason: string | undefined;
    for (const o of overrides) {
      const p = o.pointer === '/' ? '' : o.pointer;
      if (!(pointer === p || pointer.startsWith(`${p}/`))) continue;
      const l = o.rules[d.ruleId];
      if (l === undefined) continue;
      level = l;
      reason = o.reason;
    }
    if (level === undefined) return d;
    if (level === 'off') return withSuppression(d, { kind: 'external', ...(reason ? { justification: reason } : {}) });
    return { ...d, severity: level };
  });
}

/** A finding that a directive or override suppressed: kept for SARIF and counts, not shown or counted as a problem. */
export function isSuppressed(d: Diagnostic): boolean {
  return d.suppressions !== undefined && d.suppressions.length > 0;
}
