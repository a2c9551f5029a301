/**
 * A short fuzzing campaign on every run (the same seed each time, so a failure reproduces with
 * `npm run fuzz -- --seed 1 --count 1500 --lsp-every 4`), and every input a campaign ever found, kept in
 * test/fixtures/fuzz/ and checked against the same invariants: no exception, no internal error, ranges inside the
 * text on character boundaries, no marker password in any output (CLI formatters and the language server's answers),
 * valid SARIF, lint time within the bound.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkInput } from '../scripts/fuzz/check.js';
import { closeContext, makeContext, runCampaign } from '../scripts/fuzz/campaign.js';
import { lspRangeProblem } from '../scripts/fuzz/lsp-sink.js';

const repoRoot = join(import.meta.dirname, '..');
const FIXTURES = join(repoRoot, 'test', 'fixtures', 'fuzz');
/** CPU milliseconds for a small input (see timeBound): generous, as other test files run at the same time. */
const TIME_BOUND_MS = 3000;
/** The language server takes every fourth input of the campaign (each costs it dozens of requests), and every kept input. */
const LSP_EVERY = 4;

describe('fuzzing', () => {
  it('a campaign of 1,500 generated inputs breaks no invariant', async () => {
    const summary = await runCampaign({ repoRoot, seed: 1, count: 1500, timeBoundMs: TIME_BOUND_MS, minimize: false, lspEvery: LSP_EVERY });
    const report = summary.failing.slice(0, 5).map((f) => `${f.input.steps.join(' | ')}\n  ${f.failures.map((x) => `${x.kind}: ${x.detail.split('\n')[0]}`).join('\n  ')}`);
    expect(report).toEqual([]);
    expect(summary.inputs).toBe(1500);
  }, 600_000);

  it("checks the language server's ranges: inside the text, inside their line, on character boundaries", () => {
    const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, 'a: 😀\r\nb: 1');
    const at = (l1: number, c1: number, l2 = l1, c2 = c1) => lspRangeProblem(doc, { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
    expect(at(0, 0, 1, 4)).toBeUndefined();
    expect(at(0, 5)).toBeUndefined();
    expect(at(0, 4)).toMatch(/splits a surrogate pair/);
    expect(at(0, 6)).toMatch(/past the end of line 0/);
    expect(at(2, 0)).toMatch(/line 2 outside/);
    expect(at(1, 0, 0, 0)).toMatch(/ends before it starts/);
  });

  const files = readdirSync(FIXTURES)
    .filter((f) => !f.endsWith('.txt') && !f.endsWith('.md'))
    .sort();

  it('keeps the inputs earlier campaigns found', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  const context = makeContext(repoRoot, TIME_BOUND_MS);
  afterAll(async () => closeContext(await context));
  it.each(files)('regression input %s breaks no invariant', async (name) => {
    const ctx = await context;
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const { failures } = await checkInput({ fileName: `input${name.slice(name.lastIndexOf('.'))}`, text, asBytes: false, steps: [] }, ctx);
    expect(failures).toEqual([]);
  });
});
