import { describe, expect, it } from 'vitest';
import { parseFileSync, SourceText } from '@acklint/core';

describe('SourceText line index', () => {
  // a0 b1 \r2 \n3 | c4 d5 \r6 | e7 f8 \n9 | g10 h11
  const mixed = new SourceText('ab\r\ncd\ref\ngh');

  it('treats CRLF, lone CR and LF each as one line break', () => {
    expect(mixed.lineCount).toBe(4);
    expect(mixed.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(mixed.positionAt(2)).toEqual({ line: 0, character: 2 });
    expect(mixed.positionAt(4)).toEqual({ line: 1, character: 0 });
    expect(mixed.positionAt(6)).toEqual({ line: 1, character: 2 });
    expect(mixed.positionAt(7)).toEqual({ line: 2, character: 0 });
    expect(mixed.positionAt(9)).toEqual({ line: 2, character: 2 });
    expect(mixed.positionAt(10)).toEqual({ line: 3, character: 0 });
    expect(mixed.positionAt(12)).toEqual({ line: 3, character: 2 });
    expect(['ab', 'cd', 'ef', 'gh'].map((_, i) => mixed.lineText(i))).toEqual(['ab', 'cd', 'ef', 'gh']);
  });

  it('maps positions to offsets', () => {
    expect(mixed.offsetAt({ line: 0, character: 1 })).toBe(1);
    expect(mixed.offsetAt({ line: 1, character: 1 })).toBe(5);
    expect(mixed.offsetAt({ line: 2, character: 0 })).toBe(7);
    expect(mixed.offsetAt({ line: 3, character: 2 })).toBe(12);
  });

  it('clamps out-of-range offsets and positions', () => {
    expect(mixed.positionAt(-5)).toEqual({ line: 0, character: 0 });
    expect(mixed.positionAt(99)).toEqual({ line: 3, character: 2 });
    expect(mixed.offsetAt({ line: -1, character: 3 })).toBe(0);
    expect(mixed.offsetAt({ line: 9, character: 0 })).toBe(12);
    // Past the end of a line: the end of that line, never a place on the next line.
    expect(mixed.offsetAt({ line: 0, character: 50 })).toBe(2);
    expect(mixed.offsetAt({ line: 1, character: 50 })).toBe(6);
    expect(mixed.offsetAt({ line: 2, character: 50 })).toBe(9);
    expect(mixed.offsetAt({ line: 3, character: 50 })).toBe(12);
  });

  it('round-trips every offset that is not inside a CRLF pair', () => {
    for (let o = 0; o <= mixed.text.length; o++) {
      if (o === 3) continue; // between \r and \n of one line break
      expect(mixed.offsetAt(mixed.positionAt(o)), `offset ${o}`).toBe(o);
    }
    for (const text of ['x\ny\n', 'x\r\ny\r\n', 'x\ry\r', '\n\n\n']) {
      const s = new SourceText(text);
      for (let line = 0; line < s.lineCount; line++) {
        for (let character = 0; character <= s.lineText(line).length; character++) {
          expect(s.positionAt(s.offsetAt({ line, character })), `${JSON.stringify(text)} ${line}:${character}`).toEqual({ line, character });
        }
      }
    }
  });

  it('counts astral characters as two UTF-16 code units', () => {
    const s = new SourceText('a\u{1F600}b: x\n\u{1F600}\u{1F600}c');
    expect(s.text.indexOf('b')).toBe(3);
    expect(s.positionAt(3)).toEqual({ line: 0, character: 3 });
    expect(s.positionAt(5)).toEqual({ line: 0, character: 5 });
    expect(s.positionAt(12)).toEqual({ line: 1, character: 4 });
    expect(s.offsetAt({ line: 1, character: 4 })).toBe(12);
    expect(s.text[12]).toBe('c');
  });

  it('strips a byte-order mark and counts positions without it', () => {
    const s = new SourceText('\uFEFF{"a":1}\nx');
    expect(s.hadBom).toBe(true);
    expect(s.text).toBe('{"a":1}\nx');
    expect(s.positionAt(1)).toEqual({ line: 0, character: 1 });
    expect(s.positionAt(8)).toEqual({ line: 1, character: 0 });
    expect(new SourceText('{}').hadBom).toBe(false);
  });

  it('reports parse problems as if a UTF-8 BOM were not there', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a": x}')]);
    const parsed = parseFileSync(bytes, { fileName: 'bom.json' });
    expect(parsed.source.hadBom).toBe(true);
    expect(parsed.problems.map((p) => [p.code, p.start, p.end])).toEqual([['syntax', 6, 7]]);
    expect(parsed.source.rangeOf(parsed.problems[0]!)).toEqual({ start: { line: 0, character: 6 }, end: { line: 0, character: 7 } });
  });
});
