/**
 * A fuzzing campaign: `count` inputs generated from `seed`, each checked against the invariants (check.ts); failures
 * are minimised and written to `outDir`, one file per input plus a `.txt` with what failed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlParser, type Rule } from '@acklint/core';
import { builtinRules } from '@acklint/rules';
import { checkInput, formatterSinks, FAILURE_KINDS, type CheckContext, type Failure, type FailureKind, type OutputSink } from './check.js';
import { generate, loadSeeds, MARKER, Rng, type FuzzInput } from './generate.js';
import { isLspSink, lspSink } from './lsp-sink.js';
import { minimize } from './minimize.js';

export interface CampaignOptions {
  repoRoot: string;
  seed: number;
  count: number;
  timeBoundMs: number;
  /** Where failing inputs are written (nothing is written when undefined). */
  outDir?: string;
  minimize: boolean;
  /** Output sinks besides the CLI formatters and the language server. */
  extraSinks?: OutputSink[];
  /** Run inputs through the language server's handlers too (default true). */
  lsp?: boolean;
  /**
   * The language server takes every n-th input (the 1st, the n+1-th…), default 1: each input costs it dozens of
   * requests, which a short campaign may not afford for all of them.
   */
  lspEvery?: number;
  onProgress?: (done: number, failures: number) => void;
  rules?: readonly Rule[];
}

export interface CampaignFailure {
  input: FuzzInput;
  failures: Failure[];
  file?: string;
}

export interface CampaignSummary {
  inputs: number;
  byKind: Record<FailureKind, number>;
  failing: CampaignFailure[];
  ms: { total: number; lint: number; p50: number; p99: number; max: number };
}

export const FIXED_NOW = new Date('2026-11-27T00:00:00Z');

/** The checks' context: the CLI formatters, the language server (unless `lsp` is false) and the extra sinks. */
export async function makeContext(repoRoot: string, timeBoundMs: number, extraSinks: OutputSink[] = [], rules: readonly Rule[] = builtinRules, lsp = true): Promise<CheckContext> {
  await loadYamlParser();
  const server = lsp ? [await lspSink(FIXED_NOW, MARKER)] : [];
  return { rules, marker: MARKER, timeBoundMs, now: FIXED_NOW, sinks: [...(await formatterSinks(rules)), ...server, ...extraSinks], repoRoot };
}

/** Ends the sinks' sessions (the language server's). */
export async function closeContext(ctx: CheckContext): Promise<void> {
  for (const sink of ctx.sinks) await sink.close?.();
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignSummary> {
  const ctx = await makeContext(o.repoRoot, o.timeBoundMs, o.extraSinks, o.rules, o.lsp ?? true);
  try {
    return await campaign(o, ctx);
  } finally {
    await closeContext(ctx);
  }
}

async function campaign(o: CampaignOptions, ctx: CheckContext): Promise<CampaignSummary> {
  const seeds = loadSeeds(o.repoRoot);
  const rng = new Rng(o.seed);
  const byKind = Object.fromEntries(FAILURE_KINDS.map((k) => [k, 0])) as Record<FailureKind, number>;
  const failing: CampaignFailure[] = [];
  const times: number[] = [];
  const t0 = performance.now();
  const every = Math.max(1, Math.floor(o.lspEvery ?? 1));
  const withoutServer: CheckContext = { ...ctx, sinks: ctx.sinks.filter((s) => !isLspSink(s)) };
  for (let i = 0; i < o.count; i++) {
    const input = generate(seeds, rng, MARKER);
    const here = i % every === 0 ? ctx : withoutServer;
    const { failures, ms } = await checkInput(input, here);
    times.push(ms);
    if (failures.length) {
      const kinds = new Set(failures.map((f) => f.kind));
      for (const k of kinds) byKind[k]++;
      const f: CampaignFailure = { input, failures };
      if (o.outDir) f.file = await writeFailure(o.outDir, input, failures, o.minimize ? here : undefined);
      failing.push(f);
    }
    o.onProgress?.(i + 1, failing.length);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { inputs: o.count, byKind, failing, ms: { total: performance.now() - t0, lint: times.reduce((a, b) => a + b, 0), p50: q(0.5), p99: q(0.99), max: q(1) } };
}

async function writeFailure(outDir: string, input: FuzzInput, failures: Failure[], ctx: CheckContext | undefined): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const kinds = [...new Set(failures.map((f) => f.kind))].sort();
  let text = input.text;
  if (ctx && !kinds.includes('slow')) {
    const signature = (fs: Failure[]) => [...new Set(fs.map((f) => f.kind))].sort().join(',');
    const want = kinds.join(',');
    text = await minimize(text, async (candidate) => signature((await checkInput({ ...input, text: candidate }, ctx)).failures) === want, 8000);
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const ext = input.fileName.replace(/^.*\./, '');
  const name = `${kinds.join('+')}-${hash}.${ext}`;
  writeFileSync(join(outDir, name), text);
  const report = [...input.steps.map((s) => `step: ${s}`), `bytes: ${input.asBytes}`, ...failures.map((f) => `${f.kind}: ${f.detail}`)].join('\n');
  writeFileSync(join(outDir, `${name}.txt`), `${report}\n`);
  return join(outDir, name);
}
