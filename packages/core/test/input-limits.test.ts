import { beforeAll, describe, expect, it } from 'vitest';
import { lint, loadYamlParser, parseFile, parseFileSync, type ParsedFile } from '@acklint/core';
import rootNotObject from '../../../rules/root-not-object.js';

beforeAll(async () => {
  await loadYamlParser();
});

const summary = (p: ParsedFile) => p.problems.map((x) => [x.code, x.start, x.end]);
const DEEP = 60_000;

describe('nesting depth', () => {
  it('stops 60,000 nested JSON arrays at the 257th level, without a stack overflow', () => {
    const parsed = parseFileSync('['.repeat(DEEP) + ']'.repeat(DEEP), { fileName: 'deep.json' });
    expect(summary(parsed)).toEqual([['too-deep', 256, 257]]);
    expect(parsed.documents).toEqual([]);
  });

  it('stops 60,000 nested JSON objects at the 257th level', () => {
    const parsed = parseFileSync('{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP), { fileName: 'deep.json' });
    // Each level is the five characters {"a": — the 257th `{` is at 256 * 5.
    expect(summary(parsed)).toEqual([['too-deep', 1280, 1281]]);
    expect(parsed.documents).toEqual([]);
  });

  it('stops 60,000 nested YAML flow sequences at the 257th level, without crashing the process', () => {
    const parsed = parseFileSync('['.repeat(DEEP) + ']'.repeat(DEEP), { fileName: 'deep.yaml' });
    expect(summary(parsed)).toEqual([['too-deep', 256, 257]]);
    expect(parsed.documents).toHaveLength(1);
    expect(parsed.documents[0]!.root).toBeUndefined();
  });

  it('stops 60,000 nested YAML block sequences', () => {
    const parsed = parseFileSync('- '.repeat(DEEP) + 'x\n', { fileName: 'deep.yaml' });
    expect(summary(parsed)).toEqual([['too-deep', 512, 513]]);
  });

  it('counts levels the same way in JSON and YAML: 256 levels pass, 257 do not', () => {
    for (const fileName of ['d.json', 'd.yaml']) {
      const ok = parseFileSync('['.repeat(256) + '1' + ']'.repeat(256), { fileName });
      expect(ok.problems, fileName).toEqual([]);
      expect(ok.documents[0]!.get(Array<number>(256).fill(0)), fileName).toBe(1);
      const over = parseFileSync('['.repeat(257) + '1' + ']'.repeat(257), { fileName });
      expect(summary(over), fileName).toEqual([['too-deep', 256, 257]]);
    }
  });

  it('reads a 200-level JSON object and a 200-level YAML block mapping', () => {
    const json = parseFileSync('{"a":'.repeat(200) + '"leaf"' + '}'.repeat(200), { fileName: 'd.json' });
    expect(json.problems).toEqual([]);
    expect(json.documents[0]!.get(Array<string>(200).fill('a'))).toBe('leaf');

    const lines = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a:`);
    const yaml = parseFileSync(lines.join('\n') + ' leaf\n', { fileName: 'd.yaml' });
    expect(yaml.problems).toEqual([]);
    expect(yaml.documents[0]!.get(Array<string>(200).fill('a'))).toBe('leaf');
  });

  it('honours a smaller maxDepth', () => {
    const parsed = parseFileSync('{"a": {"b": {"c": 1}}}', { fileName: 'x.json', limits: { maxDepth: 2 } });
    expect(summary(parsed)).toEqual([['too-deep', 12, 13]]);
  });
});

describe('unreadable input', () => {
  it('reports bytes with NUL as binary', () => {
    const parsed = parseFileSync(new Uint8Array([0x7b, 0x00, 0x01, 0x7d]), { fileName: 'x.json' });
    expect(summary(parsed)).toEqual([['binary', 0, 0]]);
    expect(parsed.documents).toEqual([]);
  });

  it('reports invalid UTF-8 as an encoding problem', () => {
    const parsed = parseFileSync(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), { fileName: 'x.json' });
    expect(summary(parsed)).toEqual([['encoding', 0, 0]]);
    expect(parsed.problems[0]!.message).toBe('The file is not valid UTF-8; save it as UTF-8, the encoding the API expects.');
  });

  it.each([
    ['little-endian', [0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]],
    ['big-endian', [0xfe, 0xff, 0x00, 0x7b, 0x00, 0x7d]],
  ])('reports a UTF-16 (%s) BOM as an encoding problem, not as binary', (_name, bytes) => {
    const parsed = parseFileSync(new Uint8Array(bytes), { fileName: 'x.json' });
    expect(summary(parsed)).toEqual([['encoding', 0, 0]]);
    expect(parsed.problems[0]!.message).toContain('UTF-16');
  });

  it('reports a file over maxFileSize as too-large without reading it', () => {
    const bytes = new TextEncoder().encode('{"name": "x"}');
    expect(bytes.byteLength).toBe(13);
    const over = parseFileSync(bytes, { fileName: 'x.json', limits: { maxFileSize: 12 } });
    expect(summary(over)).toEqual([['too-large', 0, 0]]);
    expect(over.problems[0]!.message).toBe('The file is 13 bytes, over the 12 bytes limit (maxFileSize); it was not analysed.');
    expect(over.documents).toEqual([]);
    const exact = parseFileSync(bytes, { fileName: 'x.json', limits: { maxFileSize: 13 } });
    expect(exact.problems).toEqual([]);
  });
});

describe('empty files and non-object roots', () => {
  const check = (text: string, fileName: string) => lint(text, { fileName, rules: [rootNotObject] });

  it.each([
    ['', 'e.json'],
    ['   \n\t\n', 'e.json'],
    ['', 'e.yaml'],
    ['  \n\n', 'e.yaml'],
    ['# only a comment\n', 'e.yaml'],
  ])('%j in %s has no document with a root and is reported as empty', async (text, fileName) => {
    const parsed = await parseFile(text, { fileName });
    expect(parsed.problems).toEqual([]);
    expect(parsed.documents.every((d) => d.root === undefined)).toBe(true);
    const { diagnostics } = await check(text, fileName);
    expect(diagnostics.map((d) => [d.ruleId, d.message, d.span.start, d.span.end])).toEqual([
      ['root-not-object', 'The file is empty: a cluster spec is an object of request fields.', 0, 0],
    ]);
  });

  it('reports a root array on its first line', async () => {
    const { diagnostics } = await check('[\n  {"name": "x"}\n]\n', 'a.json');
    expect(diagnostics.map((d) => [d.message, d.range])).toEqual([
      ['The top level of a cluster spec must be an object of request fields, but this is an array.', { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }],
    ]);
  });

  it.each([
    ['42\n', 'a.yaml', 'a number', 2],
    ['"text"', 'a.json', 'a string', 6],
    ['true', 'a.json', 'a boolean', 4],
  ])('reports a root scalar %j', async (text, fileName, what, end) => {
    const { diagnostics } = await check(text, fileName);
    expect(diagnostics.map((d) => [d.message, d.span])).toEqual([
      [`The top level of a cluster spec must be an object of request fields, but this is ${what}.`, { start: 0, end }],
    ]);
  });

  it('reports only the non-object document of a multi-document YAML file', async () => {
    const { diagnostics } = await check('cluster_type: ManagedKubernetes\n---\n- a\n', 'm.yaml');
    expect(diagnostics.map((d) => [d.documentIndex, d.range.start])).toEqual([[1, { line: 2, character: 0 }]]);
  });
});
