/**
 * `npm run fuzz -- --seed N --count M [--out DIR] [--time-bound MS] [--no-minimize] [--no-lsp] [--lsp-every N]`: a deterministic fuzzing
 * campaign over the corpus, the examples and the rule fixtures. Exit code 1 when any input breaks an invariant.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { FAILURE_KINDS } from './check.js';
import { runCampaign } from './campaign.js';

async function fuzzMain(repoRoot: string): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      'time-bound': { type: 'string', default: '1000' },
      'no-minimize': { type: 'boolean' },
      'no-lsp': { type: 'boolean' },
      'lsp-every': { type: 'string', default: '1' },
    },
  });
  const seed = Number(values.seed);
  const count = Number(values.count);
  const outDir = values.out ?? join(repoRoot, '.fuzz-failures');
  const t0 = Date.now();
  let lastLog = 0;
  const summary = await runCampaign({
    repoRoot,
    seed,
    count,
    timeBoundMs: Number(values['time-bound']),
    outDir,
    minimize: !values['no-minimize'],
    lsp: !values['no-lsp'],
    lspEvery: Number(values['lsp-every']),
    onProgress(done, failures) {
      if (Date.now() - lastLog > 5000 || done === count) {
        lastLog = Date.now();
        process.stderr.write(`fuzz: ${done}/${count} inputs, ${failures} failing, ${Math.round((Date.now() - t0) / 1000)} s\n`);
      }
    },
  });
  const { ms } = summary;
  process.stdout.write(
    `fuzz: seed ${seed}, ${summary.inputs} inputs in ${(ms.total / 1000).toFixed(1)} s (lint CPU ${(ms.lint / 1000).toFixed(1)} s in all, p50 ${ms.p50.toFixed(1)} ms, p99 ${ms.p99.toFixed(1)} ms, max ${ms.max.toFixed(0)} ms)\n`,
  );
  for (const k of FAILURE_KINDS) process.stdout.write(`  ${k.padEnd(15)} ${summary.byKind[k]}\n`);
  for (const f of summary.failing.slice(0, 20)) {
    process.stdout.write(`  ${f.file ?? f.input.fileName}: ${f.failures[0]!.kind}: ${f.failures[0]!.detail.split('\n')[0]}\n`);
  }
  if (summary.failing.length) process.stdout.write(`failing inputs (minimised) are in ${outDir}\n`);
  return summary.failing.length ? 1 : 0;
}

export { fuzzMain };
