/**
 * Applying fixes: one pass over a file's findings ({@link applyFixes}) and the loop `--fix` and the editor's "fix all"
 * run ({@link fixUntilStable}). Only safe fixes of findings that are not suppressed are applied; edits replace value
 * text in place, so formatting, comments, indentation, line endings and a byte-order mark stay as they were.
 */
import type { Diagnostic, TextEdit } from './diagnostic.js';
import type { LintResult } from './engine.js';
import { isSuppressed } from './suppress.js';

export interface FixPass {
  /** The text with the fixes applied. */
  text: string;
  /** The findings whose fixes were applied, in order. */
  applied: Diagnostic[];
  /** Safe fixes left out because they overlap a fix applied before them (they are tried again on the next pass). */
  deferred: number;
}

/** The findings whose fixes `--fix` applies: safe, and not suppressed. */
export function isAutoFixable(d: Diagnostic): boolean {
  return d.fix !== undefined && d.fix.safe && d.fix.edits.length > 0 && !isSuppressed(d);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one place overlap too: their order would be arbitrary.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * Apply every safe fix of `diagnostics` to `text` (offsets as the diagnostics give them: BOM excluded). Fixes are
 * taken in a fixed order (by position, then rule id, then title); a fix that overlaps one already taken waits for the
 * next pass, so the result never depends on the order findings were reported in.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[], accept: (d: Diagnostic) => boolean = isAutoFixable): FixPass {
  const { edits, applied, deferred } = selectFixes(text.length, diagnostics, accept);
  let out = text;
  for (const e of [...edits].reverse()) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied, deferred };
}

/**
 * The edits of every safe fix that can be applied together, sorted by position: what an editor's "fix all" sends as
 * one workspace edit (the same choice as {@link applyFixes}).
 */
export function safeFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  return selectFixes(Infinity, diagnostics, isAutoFixable).edits;
}

/** The fixes taken (see {@link applyFixes}) and their edits, sorted by position. */
function selectFixes(textLength: number, diagnostics: readonly Diagnostic[], accept: (d: Diagnostic) => boolean): { edits: TextEdit[]; applied: Diagnostic[]; deferred: number } {
  const candidates = diagnostics.filter(accept).sort((a, b) => {
    const ea = firstEdit(a);
    const eb = firstEdit(b);
    return ea.start - eb.start || ea.end - eb.end || cmp(a.ruleId, b.ruleId) || cmp(a.fix!.title, b.fix!.title);
  });
  const taken: TextEdit[] = [];
  const applied: Diagnostic[] = [];
  let deferred = 0;
  for (const d of candidates) {
    const edits = d.fix!.edits;
    if (edits.some((e) => e.start < 0 || e.end > textLength || e.end < e.start || taken.some((t) => overlaps(t, e)))) {
      // The same edit twice (two findings with one fix) is one edit.
      if (edits.every((e) => taken.some((t) => t.start === e.start && t.end === e.end && t.newText === e.newText))) applied.push(d);
      else deferred++;
      continue;
    }
    taken.push(...edits);
    applied.push(d);
  }
  taken.sort((a, b) => a.start - b.start || a.end - b.end);
  return { edits: taken, applied, deferred };
}

function firstEdit(d: Diagnostic): TextEdit {
  return d.fix!.edits.reduce((m, e) => (e.start < m.start ? e : m));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface FixOutcome {
  /** The fixed text (a byte-order mark kept if the input had one); equal to the input when nothing was fixed. */
  text: string;
  changed: boolean;
  /** The findings fixed, pass by pass. */
  fixed: Diagnostic[];
  passes: number;
  /** Why the file was left unchanged although fixes were found (the fixed text would not parse). */
  error?: string;
  /** The findings of the final text (after the last pass; of the input when the fixes were given up). */
  result: LintResult;
}

/**
 * Lint, apply safe fixes, lint the result again, until no safe fix is left or `maxPasses` passes have run (a fix can
 * enable another: a value first quoted, then recognised). If a pass makes the file unreadable (more read problems
 * than the input had), nothing is applied at all and `error` says why.
 */
export function fixUntilStable(text: string, lint: (text: string) => LintResult, maxPasses = 10): FixOutcome {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const first = lint(text);
  const baseline = first.problems.length;
  let result = first;
  let current = text;
  const fixed: Diagnostic[] = [];
  let passes = 0;
  while (passes < maxPasses) {
    const pass = applyFixes(result.source.text, result.diagnostics);
    if (!pass.applied.length) break;
    passes++;
    const next = bom + pass.text;
    const after = lint(next);
    if (after.problems.length > baseline) {
      const p = after.problems.find((x) => !first.problems.some((y) => y.message === x.message)) ?? after.problems[0]!;
      const at = after.source.positionAt(p.start);
      const titles = [...new Set(pass.applied.map((d) => d.fix!.title))].join('; ');
      return {
        text,
        changed: false,
        fixed: [],
        passes,
        error: `fixes not applied: the fixed text would not parse (${at.line + 1}:${at.character + 1}: ${p.message}) after: ${titles}`,
        result: first,
      };
    }
    fixed.push(...pass.applied);
    current = next;
    result = after;
  }
  return { text: current, changed: current !== text, fixed, passes, result };
}
