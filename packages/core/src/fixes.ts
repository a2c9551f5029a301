import type { Diagnostic, TextEdit } from './diagnostic.js';

/**
 * The edits of every safe fix that can be applied together: fixes are taken in text order and one whose edits touch
 * an edit already taken is left for a later run (applying both could corrupt the text). Edits come back sorted.
 */
export function safeFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const fixes = diagnostics.filter((d) => d.fix?.safe && d.fix.edits.length).map((d) => d.fix!);
  fixes.sort((a, b) => Math.min(...a.edits.map((e) => e.start)) - Math.min(...b.edits.map((e) => e.start)));
  const overlaps = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end || (a.start === b.start && (a.start === a.end || b.start === b.end));
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}
