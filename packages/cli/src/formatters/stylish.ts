import { isAutoFixable, isSuppressed, type Diagnostic, type Severity } from '@acklint/core';
import { whole, type FileReport, type FormatStream, type RunInfo } from '../types.js';

const CODES = { red: 31, yellow: 33, cyan: 36, dim: 2, underline: 4, bold: 1 } as const;
/** Narrower than this, a wrapped message column would be unreadable: the message goes under the position instead. */
const MIN_MESSAGE_WIDTH = 30;
/**
 * Messages longer than this do not widen the message column of their file: the padding stays proportional to the
 * number of findings, whatever one message's length.
 */
const MAX_MESSAGE_COLUMN = 500;

/**
 * ESLint-style grouped output: one block per file, `line:col  severity  message  rule-id`. Piped, each finding is one
 * line (for grep and editors' problem matchers); on a terminal, long messages wrap to its width under the message
 * column, and the rule id stays on the finding's first line. Written line by line: a report with very many findings
 * is never one string.
 */
export const stylish = whole(stylishStream);

/** {@link stylish} a file at a time: each file's block goes out at once; only the counts of the summary are kept. */
export function stylishStream(input: RunInfo): FormatStream {
  const paint = (code: keyof typeof CODES, s: string) => (input.color ? `\u001b[${CODES[code]}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, keyof typeof CODES> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  let suggestions = 0;
  let suppressed = 0;
  let fixed = 0;
  let firstBlock = true;

  function* file(file: FileReport): Generator<string> {
    fixed += file.fixed ?? 0;
    const diags = file.diagnostics.filter((d) => {
      if (!isSuppressed(d)) return true;
      suppressed++;
      return false;
    });
    if (!diags.length) return;
    const rows = diags.map((d: Diagnostic) => {
      counts[d.severity]++;
      if (isAutoFixable(d)) fixable++;
      else if (d.fix) suggestions++;
      return [`${d.range.start.line + 1}:${d.range.start.character + 1}`, d.severity, oneLine(d.message), d.ruleId] as const;
    });
    // Loops, not Math.max(...rows): spreading a hundred thousand rows overflows the stack.
    let w0 = 0;
    let w1 = 0;
    let w3 = 0;
    let longest = 0;
    for (const r of rows) {
      w0 = Math.max(w0, r[0].length);
      w1 = Math.max(w1, r[1].length);
      w3 = Math.max(w3, r[3].length);
      longest = Math.max(longest, Math.min(r[2].length, MAX_MESSAGE_COLUMN));
    }
    const indent = 2 + w0 + 2 + w1 + 2;
    // On a terminal: the message column is what is left of the width after the position, level and rule id.
    const messageWidth = input.width ? input.width - indent - 2 - w3 : Infinity;
    const w2 = Math.min(longest, messageWidth);
    const line = (r: (typeof rows)[number]): string => {
      const head = `  ${paint('dim', r[0].padEnd(w0))}  ${paint(sevColor[r[1] as Severity], r[1].padEnd(w1))}  `;
      if (!input.width || r[2].length <= messageWidth) return `${head}${r[2].padEnd(w2)}  ${paint('dim', r[3])}`.trimEnd();
      if (messageWidth < MIN_MESSAGE_WIDTH) {
        // Too narrow for a message column: rule id on the first line, the message wrapped below it.
        const width = Math.max(20, input.width - 4);
        return [`${head}${paint('dim', r[3])}`, ...wrap(r[2], width).map((l) => `    ${l}`)].join('\n');
      }
      const [first, ...rest] = wrap(r[2], messageWidth);
      return [`${head}${first!.padEnd(w2)}  ${paint('dim', r[3])}`.trimEnd(), ...rest.map((l) => `${' '.repeat(indent)}${l}`)].join('\n');
    };
    yield `${firstBlock ? '\n' : '\n\n'}${paint('underline', file.displayPath)}`;
    firstBlock = false;
    for (const r of rows) yield `\n${line(r)}`;
  }

  function* end(): Generator<string> {
    const total = counts.error + counts.warning + counts.info;
    const notes: string[] = [];
    if (fixed) notes.push(`  ${plural(fixed, 'problem')} fixed by --fix`);
    if (suppressed) notes.push(`  ${plural(suppressed, 'suppressed finding')} not counted (acklint-disable comments or config overrides; listed by --format json and sarif)`);
    if (!total) {
      if (notes.length) yield `${notes.join('\n').trimStart()}\n`;
      return;
    }
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
    if (counts.info) parts.push(plural(counts.info, 'info', 'infos'));
    const mark = counts.error ? paint('red', '✖') : counts.warning ? paint('yellow', '⚠') : paint('cyan', 'ℹ');
    let summary = `${mark} ${plural(total, 'problem')} (${parts.join(', ')})`;
    if (fixable) summary += `\n  ${fixable} of them ${fixable === 1 ? 'is' : 'are'} fixable with --fix`;
    if (suggestions) summary += `\n  ${suggestions} ${suggestions === 1 ? 'has a suggested fix' : 'have suggested fixes'} to review (listed by --format json and sarif)`;
    if (notes.length) summary += `\n${notes.join('\n')}`;
    yield `\n\n${input.color ? `\u001b[${CODES.bold}m${summary}\u001b[0m` : summary}\n`;
  }

  return { start: () => [], file, end };
}

/** Words of `s` in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of s.split(' ')) {
    if (cur && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

function oneLine(s: string): string {
  return s.includes('\n') ? s.replace(/[ \t\r]*\n\s*/g, ' ') : s;
}
