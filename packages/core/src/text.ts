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
