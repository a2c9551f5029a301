import { describe, expect, it } from 'vitest';
import { parseEmbeddedJson, parseFile, stringOffsetMapper } from '@acklint/core';

describe('parseEmbeddedJson', () => {
  it('accepts what JSON.parse accepts, and returns the top-level properties', () => {
    for (const s of ['{}', '[]', '"x"', '1', '-0.5e3', 'true', 'null', ' { "a" : [1, {"b": null}] , "c": "\\u00e9" } ']) {
      const r = parseEmbeddedJson(s);
      expect(r.ok, s).toBe(true);
      if (r.ok) expect(r.value).toEqual(JSON.parse(s));
    }
    const r = parseEmbeddedJson('{"a": 1, "b": "x", "a": 2}');
    expect(r.ok && [...r.properties]).toEqual([
      ['a', { keyStart: 19, keyEnd: 22, valueStart: 24, valueEnd: 25 }],
      ['b', { keyStart: 9, keyEnd: 12, valueStart: 14, valueEnd: 17 }],
    ]);
  });

  it('rejects what JSON.parse rejects, saying where and why', () => {
    const cases: Array<[string, number, string]> = [
      ["{'a': 1}", 1, 'single quotes'],
      ['{"a": 1,}', 7, 'trailing comma'],
      ['[1, 2,]', 5, 'trailing comma'],
      ['{"a": 1 "b": 2}', 8, 'expected "," or "}"'],
      ['{"a" 1}', 5, 'expected ":"'],
      ['{a: 1}', 1, 'double quotes'],
      ['{"a": yes}', 6, '"yes" is not a JSON value'],
      ['{"a": 1', 7, 'not closed'],
      ['{"a": "x', 6, 'string is not closed'],
      ['{"a": "\\q"}', 7, 'not a JSON escape'],
      ['{"a": "\\u12"}', 7, 'four hexadecimal digits'],
      ['{"a": "\t"}', 7, 'control character'],
      ['{} x', 3, 'after the end'],
      ['01', 1, 'after the end'],
      ['', 0, 'end of the text'],
    ];
    for (const [s, offset, words] of cases) {
      const r = parseEmbeddedJson(s);
      expect(r.ok, s).toBe(false);
      expect(() => JSON.parse(s), s).toThrow();
      if (!r.ok) {
        expect(r.offset, s).toBe(offset);
        expect(r.message, s).toContain(words);
      }
    }
  });
});

describe('stringOffsetMapper', () => {
  const at = async (text: string, fileName: string, from: number, to: number) => {
    const doc = (await parseFile(text, { fileName })).documents[0]!;
    const map = stringOffsetMapper(doc, ['c']);
    if (!map) return undefined;
    const s = map(from, to);
    return text.slice(s.start, s.end);
  };

  it('maps decoded characters back through JSON escapes', async () => {
    const text = '{"c": "a\\"b\\\\c\\u00e9d\\/e"}';
    // decoded: a " b \ c é d / e
    expect(await at(text, 'x.json', 1, 2)).toBe('\\"');
    expect(await at(text, 'x.json', 3, 4)).toBe('\\\\');
    expect(await at(text, 'x.json', 5, 6)).toBe('\\u00e9');
    expect(await at(text, 'x.json', 6, 9)).toBe('d\\/e');
  });

  it('maps YAML single-quoted, double-quoted, plain and literal block scalars', async () => {
    expect(await at("c: 'it''s {x}'\n", 'x.yaml', 2, 5)).toBe("''s ");
    expect(await at('c: "a\\x41\\tb"\n', 'x.yaml', 1, 3)).toBe('\\x41\\t');
    expect(await at('c: abc def\n', 'x.yaml', 4, 7)).toBe('def');
    expect(await at('c: |\n  {"a":\n   1}\n', 'x.yaml', 6, 9)).toBe(' 1}');
  });

  it('gives up on forms it cannot map (folded scalars, multi-line quoted scalars, non-strings)', async () => {
    expect(await at('c: >\n  {"a":\n   1}\n', 'x.yaml', 0, 1)).toBeUndefined();
    expect(await at('c: "a\n  b"\n', 'x.yaml', 0, 1)).toBeUndefined();
    expect(await at('{"c": 1}', 'x.json', 0, 1)).toBeUndefined();
  });
});
