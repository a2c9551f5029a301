/**
 * An editor re-parses a multi-document YAML file stretch by stretch (one `---` document to the next), reusing the
 * stretches an edit did not touch. Whatever it reuses, the parse equals a parse of the whole text, and so do the
 * findings: checked on every YAML file in the repository and the corpus, and along random edit sequences that add
 * and remove document markers, break flow collections and block scalars, and move text between documents.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import { LintSession, lintSync, loadYamlParser, parseFileSync, type LintOptions, type ParsedFile, type Rule } from '@acklint/core';
import { random, repositoryYamlFiles, shape } from './support/model.js';

const files = repositoryYamlFiles();


const PIECES = [
  '---\n',
  '\n---\n',
  '--- ',
  '---x',
  '[',
  '{a: 1',
  ']',
  '"',
  "'",
  ': ',
  '\n',
  '\n  ',
  '- ',
  '|\n',
  '  x\n',
  '&a ',
  '*a',
  '<<: *a\n',
  '# c\n',
  'cluster_type: ManagedKubernetes\n',
  '\t',
  '\r\n',
  'é',
  '😀',
];

/** Pieces after which a file is parsed whole again (directives, document end markers, a lone CR): inserted rarely. */
const RARE = ['...\n', '%YAML 1.2\n', '\r'];

function edit(text: string, rnd: () => number): string {
  const kind = Math.floor(rnd() * 5);
  let at = Math.floor(rnd() * (text.length + 1));
  // Half of the edits at a line start, where document markers take effect.
  if (rnd() < 0.5) at = text.lastIndexOf('\n', at - 1) + 1;
  if (kind === 4) {
    // Move a line elsewhere (text crosses a document boundary).
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end + 1);
    const rest = text.slice(0, at) + text.slice(at + line.length);
    const to = rest.lastIndexOf('\n', Math.floor(rnd() * (rest.length + 1)) - 1) + 1;
    return rest.slice(0, to) + line + rest.slice(to);
  }
  const len = kind === 0 ? 0 : Math.min(text.length - at, 1 + Math.floor(rnd() * 6));
  const pieces = rnd() < 0.02 ? RARE : PIECES;
  const insert = kind === 1 ? '' : pieces[Math.floor(rnd() * pieces.length)]!;
  return text.slice(0, at) + insert + text.slice(at + len);
}

const now = new Date('2026-11-01T00:00:00Z');

describe('YAML re-parsed document by document', () => {
  beforeAll(async () => {
    await loadYamlParser();
  });

  it('finds several files of many documents to work on', () => {
    expect(files.length).toBeGreaterThan(200);
  });

  it('parses every YAML file of the repository and the corpus as a whole parse does', () => {
    let multi = 0;
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      // The file alone, and joined with two others so that every file is a stretch among others.
      for (const t of [text, `${text}\n---\n${text}\n---\n# end\n`]) {
        const session = new LintSession();
        const incremental = session.parse(t, { fileName: 'x.yaml' });
        if (incremental.yamlChunks) multi++;
        expect(shape(incremental), path).toEqual(shape(parseFileSync(t, { fileName: 'x.yaml' })));
      }
    }
    expect(multi).toBeGreaterThan(files.length);
  });

  it('equals a whole parse, and a fresh lint, after each of a random sequence of edits', () => {
    // Specs, not the fuzzer's finds: one of those (an unclosed quote or flow collection) makes a whole sequence a text
    // that cannot be cut into stretches, and the numbers below would depend on which finds the sample meets.
    const sources = files
      .filter((p) => !p.includes('/fixtures/fuzz/'))
      .filter((_, i) => i % 7 === 0)
      .map((p) => readFileSync(p, 'utf8'));
    // Counts the documents the document rules run on: a lint session runs them on changed documents only.
    let looked = 0;
    const counter: Rule = {
      meta: { ...builtinRules[0]!.meta, id: 'test-counter', scope: 'any', defaultSeverity: 'info' },
      check: () => void looked++,
    };
    const rules = [...builtinRules, counter];
    let chunkedEdits = 0;
    let chunks = 0;
    let reusedChunks = 0;
    let documents = 0;
    let linted = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = random(seed);
      // Five documents drawn from the files, separated in the ways YAML allows.
      const pick = () => sources[Math.floor(rnd() * sources.length)]!;
      let text = [pick(), pick(), `# between\n--- # opens\n${pick()}`, pick(), pick()].join('\n---\n');
      const options: LintOptions = { fileName: 'multi.yaml', rules, now };
      const session = new LintSession(options);
      let previous: ParsedFile | undefined;
      for (let i = 0; i < 50; i++) {
        text = edit(text, rnd);
        const file = session.parse(text, { fileName: 'multi.yaml' });
        expect(shape(file), `seed ${seed}, edit ${i}`).toEqual(shape(parseFileSync(text, { fileName: 'multi.yaml' })));
        const chunked = previous?.yamlChunks !== undefined && file.yamlChunks !== undefined;
        if (chunked) {
          chunkedEdits++;
          chunks += file.yamlChunks!.length;
          reusedChunks += file.yamlChunks!.filter((c) => previous!.yamlChunks!.includes(c)).length;
        }
        previous = file;
        const counted = looked;
        const result = session.update(text, options);
        if (chunked) {
          linted += looked - counted;
          documents += file.documents.length;
        }
        expect(result, `seed ${seed}, edit ${i}`).toEqual(lintSync(text, options));
      }
    }
    // Most edits touch one document, so after an edit of a text that is cut into stretches (one that cannot be, with a
    // directive or an unclosed quote, is parsed whole) most stretches are taken over as they are, and most documents'
    // findings.
    expect(chunkedEdits).toBeGreaterThan(100);
    expect(reusedChunks / chunks).toBeGreaterThan(0.5);
    expect(linted / documents).toBeLessThan(0.5);
  });

  it('moves the findings of documents after an edit by the lines and characters the edit added', () => {
    // Each document has a syntax error (the line without a colon), next to which findings are dropped by line.
    const doc = (name: string) => `name: ${name}\ncluster_type: ManagedKubernetes\nregion_id: cn-hangzhou\ncontainer_cidr: 10.0.0.1/8\nunknown_key: 1\nservice_cidr 10.0.0.0/16\nworker_instance_types: 1\n`;
    const start = [doc('a'), doc('b'), doc('c')].join('---\n');
    const options: LintOptions = { fileName: 'multi.yaml', rules: builtinRules, now };
    const edits: Array<[string, (t: string) => string]> = [
      // Same length, one more line: offsets after it stay, lines move.
      ['a character replaced by a line break', (t) => t.replace('name: a', 'name:\na')],
      ['text inserted', (t) => t.replace('region_id: cn-hangzhou', 'region_id: cn-shanghai\nzone_ids: [x]')],
      ['a line removed', (t) => t.replace('unknown_key: 1\n', '')],
      ['a document removed', (t) => t.replace(`---\n${doc('b')}`, '')],
      ['a document added in front', (t) => `${doc('z')}---\n${t}`],
    ];
    const session = new LintSession(options);
    let text = start;
    expect(session.update(text, options)).toEqual(lintSync(text, options));
    for (const [what, change] of edits) {
      const next = change(text);
      expect(next, what).not.toBe(text);
      text = next;
      const result = session.update(text, options);
      expect(result.diagnostics.length, what).toBeGreaterThan(6);
      expect(result, what).toEqual(lintSync(text, options));
    }
  });
});
