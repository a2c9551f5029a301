/**
 * The language server as a fuzzing sink: each input is opened in one in-process server session (a real
 * vscode-languageserver client over streams, packages/lsp/test/harness.ts), and the editor's requests are made on it:
 * pulled diagnostics, hover at the start of every finding and at seeded positions, completion at seeded positions,
 * code actions for each finding's range and the fix-all, document symbols, `acklint/plan`, then an incremental edit
 * or two with diagnostics, hover, completion and symbols again. Every range in an answer must lie inside the text on
 * UTF-16 code-point boundaries, no handler may fail (the server logs it) or leave a request unanswered, and no answer
 * (diagnostics, hovers, completion items, code action titles and edits, symbols, the plan) may hold the marker password
 * while it is a password's value in the document's current text. What the server logs goes through the campaign's
 * leak check too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintResult } from '@acklint/core';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PULL, startSession, tempDir, type Session } from '../../packages/lsp/test/harness.js';
import { PLAN_REQUEST, FIX_ALL_KIND } from '../../packages/lsp/src/server.js';
import type { Failure, OutputSink, SinkOutput } from './check.js';
import { markerIsPassword } from './check.js';
import { Rng, type FuzzInput } from './generate.js';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diag {
  range: Range;
  message: string;
  relatedInformation?: Array<{ location: { uri: string; range: Range }; message: string }>;
}

/** Findings per document whose start is hovered and whose range is asked for code actions (evenly spread beyond). */
const MAX_FINDINGS = 60;
/** A request the server has not answered in this time counts as a dead server. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Text typed by the incremental edits. */
const TYPED = ['', 'x', '"', ':', ': ', '\n', '\n  - ', '{', '}', '[', ',', '#', '😀', '\r\n', "'", 'cluster_type: ', '"name": '];

const LSP_SINK = 'language server';

export function isLspSink(sink: OutputSink): boolean {
  return sink.name === LSP_SINK;
}

export interface LspSink extends OutputSink {
  close(): Promise<void>;
}

/** The sink, with its server session started (one server for every input of a campaign). */
export async function lspSink(now: Date, marker: string): Promise<LspSink> {
  let session: Session | undefined;
  let root = '';
  let count = 0;
  const unhandled: string[] = [];
  const onUnhandled = (err: unknown) => unhandled.push(`unhandled rejection: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.on('unhandledRejection', onUnhandled);

  const start = async () => {
    root = tempDir();
    // Documents under named/ are linted because the config names them, the others when they look like a spec.
    writeFileSync(join(root, '.acklint.yaml'), 'files: ["named/**"]\n');
    mkdirSync(join(root, 'named'));
    session = await startSession({ root, capabilities: PULL, settings: { enable: true }, server: { now: () => now, lintDelay: 0 } });
  };
  await start();

  return {
    name: LSP_SINK,
    async render(_result: LintResult, input: FuzzInput): Promise<SinkOutput> {
      if (!session) await start();
      const s = session!;
      const rng = new Rng(hash(`${input.fileName}\0${input.text}`));
      const failures: Failure[] = [];
      const texts: string[] = [];
      let edits = 0;
      const logsBefore = s.logs.length;
      const name = `${rng.chance(0.5) ? 'named/' : ''}${count++}-${input.fileName}`;
      const uri = s.open(name, input.text);
      /** The marker is a password's value in the current text (an edit may move it out of its field). */
      let secret = markerIsPassword(input.text, marker);
      const ask = async <R>(method: string, params: unknown): Promise<R | undefined> => {
        let timer: NodeJS.Timeout | undefined;
        try {
          const answer = await Promise.race([
            s.request<R>(method, params),
            new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS))),
          ]);
          const text = JSON.stringify(answer ?? null);
          if (secret && text.includes(marker)) failures.push({ kind: 'leak', detail: `language server ${method}${edits ? ` after ${edits} edit(s)` : ''}: ${around(text, marker)}` });
          return answer;
        } catch (err) {
          failures.push({ kind: 'exception', detail: `language server ${method}: ${err instanceof Error ? err.message : String(err)}` });
          return undefined;
        } finally {
          clearTimeout(timer);
        }
      };
      const doc = () => s.docs.get(uri)!;
      const checkRange = (range: Range | undefined, what: string) => {
        const p = range && lspRangeProblem(doc(), range);
        if (p) failures.push({ kind: 'range', detail: `language server ${what}: ${p}` });
      };
      const seeded = (): Position => {
        const d = doc();
        // Now and then a position past the end of a line or of the document, as a client may send.
        if (rng.chance(0.1)) return { line: rng.int(d.lineCount + 2), character: rng.int(200) };
        return d.positionAt(rng.int(d.getText().length + 1));
      };

      const round = async (firstRound: boolean) => {
        const report = await ask<{ items?: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
        const diags = report?.items ?? [];
        for (const d of diags) {
          checkRange(d.range, 'diagnostic');
          for (const r of d.relatedInformation ?? []) if (r.location.uri === uri) checkRange(r.location.range, 'related location');
        }
        const findings = spread(diags, firstRound ? MAX_FINDINGS : 3);
        for (const d of findings) await hover(d.range.start);
        for (let i = 0; i < (firstRound ? 3 : 1); i++) await hover(seeded());
        for (let i = 0; i < (firstRound ? 3 : 1); i++) await completion(seeded());
        for (const d of firstRound ? findings : findings.slice(0, 1)) await codeActions(d.range, [d]);
        if (firstRound && diags.length) await codeActions({ start: { line: 0, character: 0 }, end: doc().positionAt(doc().getText().length) }, [], [FIX_ALL_KIND]);
        const symbols = await ask<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
        checkSymbols(symbols ?? []);
        if (firstRound) {
          const plan = await ask<{ text?: unknown }>(PLAN_REQUEST, { uri });
          if (typeof plan?.text !== 'string') failures.push({ kind: 'exception', detail: `language server ${PLAN_REQUEST}: no text in ${JSON.stringify(plan)}` });
        }
      };
      const hover = async (position: Position) => {
        const h = await ask<{ range?: Range } | null>('textDocument/hover', { textDocument: { uri }, position });
        checkRange(h?.range, 'hover');
      };
      const completion = async (position: Position) => {
        type Item = { textEdit?: { range?: Range; insert?: Range; replace?: Range }; additionalTextEdits?: Array<{ range: Range }> };
        const answer = await ask<Item[] | { items: Item[] } | null>('textDocument/completion', { textDocument: { uri }, position });
        for (const item of Array.isArray(answer) ? answer : (answer?.items ?? [])) {
          checkRange(item.textEdit?.range ?? item.textEdit?.insert, 'completion edit');
          checkRange(item.textEdit?.replace, 'completion edit');
          for (const e of item.additionalTextEdits ?? []) checkRange(e.range, 'completion additional edit');
        }
      };
      const codeActions = async (range: Range, diagnostics: Diag[], only?: string[]) => {
        type Edit = { range: Range };
        type Action = { edit?: { changes?: Record<string, Edit[]>; documentChanges?: Array<{ textDocument?: { uri: string }; edits?: Edit[] }> } };
        const actions = await ask<Action[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
        for (const a of actions ?? []) {
          for (const e of a.edit?.changes?.[uri] ?? []) checkRange(e.range, 'code action edit');
          for (const c of a.edit?.documentChanges ?? []) if (c.textDocument?.uri === uri) for (const e of c.edits ?? []) checkRange(e.range, 'code action edit');
        }
      };
      const checkSymbols = (symbols: unknown[]) => {
        for (const sym of symbols as Array<{ range: Range; selectionRange: Range; children?: unknown[] }>) {
          checkRange(sym.range, 'document symbol');
          checkRange(sym.selectionRange, 'document symbol selection');
          checkSymbols(sym.children ?? []);
        }
      };

      try {
        await round(true);
        for (let i = 1 + rng.int(2); i > 0; i--) {
          const text = doc().getText();
          const a = rng.int(text.length + 1);
          const b = Math.min(text.length, a + (rng.chance(0.5) ? 0 : rng.int(20)));
          s.change(uri, [{ range: { start: doc().positionAt(a), end: doc().positionAt(b) }, text: rng.pick(TYPED) }]);
          edits++;
          secret = markerIsPassword(doc().getText(), marker);
          await round(false);
        }
      } finally {
        s.close(uri);
      }
      for (const line of s.logs.slice(logsBefore)) {
        texts.push(line);
        if (/ failed: |cannot /.test(line)) failures.push({ kind: 'exception', detail: `language server logged: ${line.slice(0, 2000)}` });
      }
      for (const u of unhandled.splice(0)) failures.push({ kind: 'exception', detail: `language server: ${u}` });
      if (failures.some((f) => f.kind === 'exception' && f.detail.includes('no answer in'))) {
        // A server that stopped answering is replaced, so that the next input starts from a live one.
        const dead = session;
        session = undefined;
        void dead?.end();
      }
      return { text: texts.join('\n'), failures };
    },
    async close() {
      await session?.end();
      session = undefined;
      process.off('unhandledRejection', onUnhandled);
    },
  };
}

/** What is wrong with an LSP range in a document: outside it, past a line's end, inside a character or a CRLF. */
export function lspRangeProblem(doc: TextDocument, range: Range): string | undefined {
  const text = doc.getText();
  const offsets: number[] = [];
  for (const p of [range.start, range.end]) {
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return `position ${JSON.stringify(p)} is not integral`;
    if (p.line < 0 || p.line >= doc.lineCount) return `line ${p.line} outside 0..${doc.lineCount - 1}`;
    const lineStart = doc.offsetAt({ line: p.line, character: 0 });
    const nextStart = p.line + 1 < doc.lineCount ? doc.offsetAt({ line: p.line + 1, character: 0 }) : text.length;
    const len = text.slice(lineStart, nextStart).replace(/\r?\n$|\r$/, '').length;
    if (p.character < 0 || p.character > len) return `column ${p.character} past the end of line ${p.line} (length ${len})`;
    const o = lineStart + p.character;
    const hi = text.charCodeAt(o - 1);
    const lo = text.charCodeAt(o);
    if (hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) return `${JSON.stringify(p)} splits a surrogate pair`;
    offsets.push(o);
  }
  if (offsets[0]! > offsets[1]!) return `range ${JSON.stringify(range)} ends before it starts`;
  return undefined;
}

/** At most `n` items, evenly spread over the list. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

function around(text: string, marker: string): string {
  const at = text.indexOf(marker);
  return `…${text.slice(Math.max(0, at - 80), at + 40)}…`;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
