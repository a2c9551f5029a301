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
import { minimize } from './minimize.js';

export interface CampaignOptions {
  repoRoot: string;
  seed: number;
  count: number;
  timeBoundMs: number;
  /** Where failing inputs are written (nothing is written when undefined). */
  outDir?: string;
  minimize: boolean;
  /** Extra output sinks (the language server's handlers, when present). */
  extraSinks?: OutputSink[];
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

export async function makeContext(repoRoot: string, timeBoundMs: number, extraSinks: OutputSink[] = [], rules: readonly Rule[] = builtinRules): Promise<CheckContext> {
  await loadYamlParser();
  return { rules, marker: MARKER, timeBoundMs, now: FIXED_NOW, sinks: [...(await formatterSinks(rules)), ...extraSinks], repoRoot };
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignSummary> {
  const ctx = await makeContext(o.repoRoot, o.timeBoundMs, o.extraSinks, o.rules);
  const seeds = loadSeeds(o.repoRoot);
  const rng = new Rng(o.seed);
  const byKind = Object.fromEntries(FAILURE_KINDS.map((k) => [k, 0])) as Record<FailureKind, number>;
  const failing: CampaignFailure[] = [];
  const times: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < o.count; i++) {
    const input = generate(seeds, rng, MARKER);
    const { failures, ms } = checkInput(input, ctx);
    times.push(ms);
    if (failures.length) {
      const kinds = new Set(failures.map((f) => f.kind));
      for (const k of kinds) byKind[k]++;
      const f: CampaignFailure = { input, failures };
      if (o.outDir) f.file = writeFailure(o.outDir, input, failures, o.minimize ? ctx : undefined);
      failing.push(f);
    }
    o.onProgress?.(i + 1, failing.length);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { inputs: o.count, byKind, failing, ms: { total: performance.now() - t0, lint: times.reduce((a, b) => a + b, 0), p50: q(0.5), p99: q(0.99), max: q(1) } };
}

function writeFailure(outDir: string, input: FuzzInput, failures: Failure[], ctx: CheckContext | undefined): string {
  mkdirSync(outDir, { recursive: true });
  const kinds = [...new Set(failures.map((f) => f.kind))].sort();
  let text = input.text;
  if (ctx && !kinds.includes('slow')) {
    const signature = (fs: Failure[]) => [...new Set(fs.map((f) => f.kind))].sort().join(',');
    const want = kinds.join(',');
    text = minimize(text, (candidate) => signature(checkInput({ ...input, text: candidate }, ctx).failures) === want, 8000);
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const ext = input.fileName.replace(/^.*\./, '');
  const name = `${kinds.join('+')}-${hash}.${ext}`;
  writeFileSync(join(outDir, name), text);
  const report = [...input.steps.map((s) => `step: ${s}`), `bytes: ${input.asBytes}`, ...failures.map((f) => `${f.kind}: ${f.detail}`)].join('\n');
  writeFileSync(join(outDir, `${name}.txt`), `${report}\n`);
  return join(outDir, name);
}
