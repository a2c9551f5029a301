/**
 * The real-world corpus (../shared/corpus) through the language server: each document opened in one session gets
 * exactly the findings of a fresh core lint (as a directory scan decides: CreateCluster bodies only), and hover,
 * completion, code actions and symbols answer at every finding without failing or showing a password.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintSync, loadYamlParser } from '@acklint/core';
import { builtinRules } from '@acklint/rules';
import { NOW, startSession, type Session } from './harness.js';

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'corpus');
const files = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => /\.(json|jsonc|ya?ml)$/.test(f)).sort() : [];

/** The login password values written in a text (JSON or YAML, quoted or not). */
function passwordsIn(text: string): string[] {
  return [...text.matchAll(/["']?(?:login_password|LoginPassword)["']?\s*:\s*["']?([^"',\r\n}]{3,})/g)].map((m) => m[1]!.trim());
}

let session: Session;
beforeAll(async () => {
  await loadYamlParser();
  session = await startSession();
});
afterAll(async () => {
  await session.end();
});

describe.skipIf(!files.length)('the corpus through acklint-lsp', () => {
  it('holds passwords, so the redaction check below can fail', () => {
    expect(files.flatMap((f) => passwordsIn(readFileSync(join(corpusDir, f), 'utf8'))).length).toBeGreaterThan(0);
  });

  it.each(files)('%s', async (file) => {
    const path = join(corpusDir, file);
    const text = readFileSync(path, 'utf8');
    const uri = pathToFileURL(path).href;
    // Opened at its real path, so that config lookup and file names are what a user would get.
    const doc = { uri, languageId: file.endsWith('.json') ? 'json' : 'yaml', version: 1, text };
    await session.client.sendNotification('textDocument/didOpen', { textDocument: doc });
    const published = await session.waitFor(() => [...session.published].reverse().find((p) => p.uri === uri), 10_000, file);
    const core = lintSync(text, { fileName: path, rules: builtinRules, now: NOW, onlyClusterSpecs: true });
    expect(published.diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(core.diagnostics.map((d) => [d.ruleId, d.range, d.message]));

    const secrets = passwordsIn(text);
    const answers: unknown[] = [];
    for (const d of published.diagnostics.slice(0, 40)) {
      const at = { textDocument: { uri }, position: d.range.start };
      answers.push(await session.request('textDocument/hover', at));
      answers.push(await session.request('textDocument/completion', at));
      answers.push(await session.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }));
    }
    answers.push(await session.request('textDocument/documentSymbol', { textDocument: { uri } }));
    answers.push(await session.request('acklint/plan', { uri }));
    const out = JSON.stringify([published, answers]);
    for (const s of secrets) expect(out).not.toContain(s);
    expect(session.logs.filter((l) => l.includes('failed'))).toEqual([]);
    await session.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});
