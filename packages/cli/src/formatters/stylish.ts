import type { Diagnostic, Severity } from '@acklint/core';
import type { FormatInput } from '../types.js';

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, underline: 4, bold: 1 } as const;

/**
 * Messages longer than this do not widen the message column of their file: the padding stays proportional to the
 * number of findings, whatever one message's length.
 */
const MAX_MESSAGE_COLUMN = 500;

/** ESLint-style grouped output: one block per file, `line:col  severity  message  rule-id`, written line by line. */
export function* stylish(input: FormatInput): Generator<string> {
  const paint = (code: keyof typeof CODES, s: string) => (input.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, keyof typeof CODES> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  if (!input.files.some((f) => f.diagnostics.length)) return;

  let firstBlock = true;
  for (const file of input.files) {
    if (!file.diagnostics.length) continue;
    const where = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}`;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    for (const d of file.diagnostics) {
      w0 = Math.max(w0, where(d).length);
      w1 = Math.max(w1, d.severity.length);
      w2 = Math.max(w2, Math.min(MAX_MESSAGE_COLUMN, oneLine(d.message).length));
    }
    yield `${firstBlock ? '\n' : '\n\n'}${paint('underline', file.displayPath)}`;
    firstBlock = false;
    for (const d of file.diagnostics) {
      counts[d.severity]++;
      if (d.fix) fixable++;
      const line = `  ${paint('dim', where(d).padEnd(w0))}  ${paint(sevColor[d.severity], d.severity.padEnd(w1))}  ${oneLine(d.message).padEnd(w2)}  ${paint('dim', d.ruleId)}`;
      yield `\n${line.trimEnd()}`;
    }
  }

  const total = counts.error + counts.warning + counts.info;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info) parts.push(plural(counts.info, 'info', 'infos'));
  const mark = counts.error ? paint('red', '✖') : counts.warning ? paint('yellow', '⚠') : paint('cyan', 'ℹ');
  let summary = `${mark} ${plural(total, 'problem')} (${parts.join(', ')})`;
  if (fixable) summary += `\n  ${fixable} of them ${fixable === 1 ? 'has' : 'have'} a suggested fix (listed by --format json and sarif)`;
  yield `\n\n${input.color ? `\u001b[${CODES.bold}m${summary}\u001b[0m` : summary}\n`;
}

function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

function oneLine(s: string): string {
  return s.includes('\n') ? s.replace(/[ \t\r]*\n\s*/g, ' ') : s;
}
