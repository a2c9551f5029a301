/**
 * Source text with a line index. Offsets are UTF-16 code units into `text` (a JavaScript string index), which is
 * exactly how LSP and SARIF (`columnKind: utf16CodeUnits`) count columns. Line breaks are `\n`, `\r\n` and a lone
 * `\r`, as LSP defines them. A leading byte-order mark is removed before anything else sees the text.
 */
export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Half-open offset span `[start, end)` into the (BOM-less) text. */
export interface Span {
  start: number;
  end: number;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Offset just after the line break that starts at `i`. */
function breakEnd(t: string, i: number): number {
  return t.charCodeAt(i) === 13 && t.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
}

export class SourceText {
  readonly text: string;
  /** True when the input started with a UTF-8 byte-order mark (removed from `text`). */
  readonly hadBom: boolean;
  private lineStarts: number[] | undefined;

  constructor(text: string) {
    this.hadBom = text.charCodeAt(0) === 0xfeff;
    this.text = this.hadBom ? text.slice(1) : text;
  }

  private starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const t = this.text;
    const starts = [0];
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (t.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    return starts;
  }

  /**
   * Takes over the line index of `previous`, a text with every line break where this text has one up to offset
   * `after`, and `delta` characters later after it (the caller knows: an editor changed characters inside one line,
   * none of them a line break), instead of scanning this text for line breaks again.
   */
  shareLinesOf(previous: SourceText, after = 0, delta = 0): void {
    const starts = previous.lineStarts;
    if (this.lineStarts || !starts || previous.text.length + delta !== this.text.length) return;
    if (delta === 0) {
      this.lineStarts = starts;
      return;
    }
    const moved = starts.slice();
    for (let i = moved.length - 1; i >= 0 && moved[i]! > after; i--) moved[i]! += delta;
    this.lineStarts = moved;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo]! };
  }

  offsetAt(pos: Position): number {
    const starts = this.starts();
    if (pos.line < 0) return 0;
    if (pos.line >= starts.length) return this.text.length;
    const lineStart = starts[pos.line]!;
    let lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1]! : this.text.length;
    // A character past the end of the line means the end of the line (LSP), not a place on the next line.
    while (lineEnd > lineStart && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(lineStart + Math.max(0, pos.character), lineEnd);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /**
   * `span` made safe to show: inside the text, start before end, and both ends on character boundaries: never between
   * the halves of a surrogate pair or of a CRLF line break. A span that covers nothing but a line break (a parser's
   * "expected something at the end of this line") becomes empty at the end of that line, so that its range never
   * reaches past a line's last character. Every range acklint reports goes through here (see the engine).
   */
  clamp(span: Span): Span {
    const t = this.text;
    const fix = (o: number): number => {
      let x = Number.isFinite(o) ? Math.trunc(o) : 0;
      x = Math.max(0, Math.min(x, t.length));
      const before = t.charCodeAt(x - 1);
      const at = t.charCodeAt(x);
      if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) x--;
      else if (before === 13 && at === 10) x--;
      return x;
    };
    let start = fix(span.start);
    let end = fix(span.end);
    if (end < start) [start, end] = [end, start];
    if (end > start && isBreak(t.charCodeAt(start)) && breakEnd(t, start) >= end) end = start;
    return { start, end };
  }

  /** The text of one line without its line break. */
  lineText(line: number): string {
    const starts = this.starts();
    if (line < 0 || line >= starts.length) return '';
    const start = starts[line]!;
    let end = line + 1 < starts.length ? starts[line + 1]! : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}
