/**
 * "Disable <rule> for this line / for this file": the `acklint-disable…` comment that does it, merged into one that is
 * already there (one comment per line, rule ids joined) rather than stacked. YAML uses `#`, JSONC `//`; strict JSON
 * has no comments (there the config action is the way).
 */
import type { SourceFormat, SourceText } from '@acklint/core';
import type { TextEdit } from 'vscode-languageserver';

const DIRECTIVE_LINE = /^(\s*)(#|\/\/)\s*acklint-(disable-next-line|disable)\s+([^\n]*?)\s*$/;

/**
 * The edit that disables `ruleId` for the finding starting on `line` (`scope: 'line'`: a disable-next-line comment
 * above it) or for the whole file (`scope: 'file'`: a disable comment on the first line). Undefined for strict JSON.
 * `bom`: the editor's text still starts with a byte-order mark (columns on the first line are one further).
 * `reasonRequired`: the config's suppressions.requireReason is set.
 */
export function disableCommentEdit(source: SourceText, format: SourceFormat, ruleId: string, line: number, scope: 'line' | 'file', bom: boolean, reasonRequired = false): TextEdit | undefined {
  if (format === 'json') return undefined;
  const mark = format === 'yaml' ? '#' : '//';
  const kind = scope === 'line' ? 'disable-next-line' : 'disable';
  const target = scope === 'line' ? line : 0;
  const shift = (l: number) => (bom && l === 0 ? 1 : 0);
  // An existing comment of the same kind right above (or, for the file, on the first line): add the id to it.
  const existingLine = scope === 'line' ? target - 1 : 0;
  if (existingLine >= 0) {
    const text = source.lineText(existingLine);
    const m = DIRECTIVE_LINE.exec(text);
    if (m && m[3] === kind) {
      const [list, reason] = splitReason(m[4]!);
      const ids = list.split(',').map((s) => s.trim()).filter(Boolean);
      if (ids.length === 0 || ids.includes(ruleId)) return undefined; // already disabled there
      const merged = `${m[1]}${m[2]} acklint-${kind} ${[...ids, ruleId].join(', ')}${reason ? ` -- ${reason}` : ''}`;
      return { range: { start: { line: existingLine, character: shift(existingLine) }, end: { line: existingLine, character: text.length + shift(existingLine) } }, newText: merged };
    }
  }
  const indent = scope === 'line' ? /^\s*/.exec(source.lineText(target))![0] : '';
  const eol = source.text.includes('\r\n') ? '\r\n' : '\n';
  // Where the config requires a reason, the comment ends in ` -- ` for the author to complete (until then acklint
  // reports the directive as lacking its reason, which says what to write).
  const tail = reasonRequired ? ' -- ' : '';
  return { range: { start: { line: target, character: shift(target) }, end: { line: target, character: shift(target) } }, newText: `${indent}${mark} acklint-${kind} ${ruleId}${tail}${eol}` };
}

function splitReason(body: string): [string, string | undefined] {
  const sep = /(?:^|\s)--(?:\s|$)/.exec(body);
  if (!sep) return [body, undefined];
  return [body.slice(0, sep.index), body.slice(sep.index + sep[0].length).trim() || undefined];
}
