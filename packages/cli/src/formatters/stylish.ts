import type { Diagnostic, Severity } from '@acklint/core';
import type { FormatInput } from '../types.js';

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, underline: 4, bold: 1 } as const;

/** ESLint-style grouped output: one block per file, `line:col  severity  message  rule-id`. */
export function stylish(input: FormatInput): string {
  const paint = (code: keyof typeof CODES, s: string) => (input.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, keyof typeof CODES> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  const blocks: string[] = [];

  for (const file of input.files) {
    if (!file.diagnostics.length) continue;
    const rows = file.diagnostics.map((d: Diagnostic) => {
      counts[d.severity]++;
      if (d.fix) fixable++;
      return [
        `${d.range.start.line + 1}:${d.range.start.character + 1}`,
        d.severity,
        oneLine(d.message),
        d.ruleId,
      ] as const;
    });
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    const w2 = Math.max(...rows.map((r) => r[2].length));
    const lines = rows.map(
      (r) =>
        `  ${paint('dim', r[0].padEnd(w0))}  ${paint(sevColor[r[1] as Severity], r[1].padEnd(w1))}  ${r[2].padEnd(w2)}  ${paint('dim', r[3])}`,
    );
    blocks.push(`${paint('underline', file.displayPath)}\n${lines.map((l) => l.trimEnd()).join('\n')}`);
  }

  const total = counts.error + counts.warning + counts.info;
  if (!total) return '';
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info) parts.push(plural(counts.info, 'info', 'infos'));
  const mark = counts.error ? paint('red', '✖') : counts.warning ? paint('yellow', '⚠') : paint('cyan', 'ℹ');
  let summary = `${mark} ${plural(total, 'problem')} (${parts.join(', ')})`;
  if (fixable) summary += `\n  ${fixable} of them ${fixable === 1 ? 'has' : 'have'} a suggested fix (listed by --format json and sarif)`;
  return `\n${blocks.join('\n\n')}\n\n${input.color ? `\u001b[${CODES.bold}m${summary}\u001b[0m` : summary}\n`;
}

function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}
