#!/usr/bin/env node
// acklint benchmark: cold start for one file against a bare `node -e ''`, and throughput on many files in one call.
// Usage: npm run bench [-- --runs N --files N --baseline DIR]
//   --baseline DIR: also time the acklint of another built checkout (e.g. a `git worktree` of an older commit) on the
//   same file, interleaved, for before/after figures.
// Results are wall-clock medians on this machine; quote them with the command that produced them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/acklint.cjs');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '60' }, files: { type: 'string', default: '1000,10000' }, baseline: { type: 'string' } } });
const runs = Number(values.runs);
const fileCounts = values.files.split(',').map(Number);

function once(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], p90: s[Math.floor(s.length * 0.9)] };
}

/**
 * Time several commands in rounds (one run of each per round), so that a slow spell of the machine hits all of them
 * alike instead of skewing one series.
 */
function timeInterleaved(commands, rounds) {
  const samples = commands.map(() => []);
  for (let i = 0; i < rounds; i++) commands.forEach((args, j) => samples[j].push(once(args)));
  return samples.map(stats);
}

function time(args, n) {
  return stats(Array.from({ length: n }, () => once(args)));
}

const fmt = (t) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, p90 ${t.p90.toFixed(1)})`;
const valid = join(root, 'examples/valid.json');
const broken = join(root, 'examples/broken.yaml');

// Warm the file cache, then run the commands in interleaved rounds.
const commands = [['-e', ''], [bin, valid], [bin, broken]];
if (values.baseline) commands.push([join(values.baseline, 'packages/cli/bin/acklint.cjs'), valid]);
timeInterleaved(commands, 3);
const [bare, oneJson, oneYaml, before] = timeInterleaved(commands, runs);
console.log(`node -e ''                      ${fmt(bare)}`);
// Ratios of medians and of minimums: on a noisy machine the minimums are the steadier estimate of the cost itself.
const ratio = (t) => `ratio ${(t.median / bare.median).toFixed(2)}x median, ${(t.min / bare.min).toFixed(2)}x min (target <= 1.4x)`;
console.log(`acklint examples/valid.json     ${fmt(oneJson)}  ${ratio(oneJson)}`);
console.log(`acklint examples/broken.yaml    ${fmt(oneYaml)}  ${ratio(oneYaml)}`);
if (before) console.log(`baseline acklint valid.json     ${fmt(before)}  ${ratio(before)}  (${values.baseline})`);

for (const count of fileCounts) {
  const dir = join(tmpdir(), `acklint-bench-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) copyFileSync(valid, join(dir, `spec-${String(i).padStart(5, '0')}.json`));
  const many = time([bin, dir], Math.max(3, Math.min(10, Math.floor(runs / 3))));
  console.log(`acklint <dir of ${count} copies of examples/valid.json>  ${fmt(many)}${count === 10000 ? ' (target <= 3000 ms)' : ''}`);
  rmSync(dir, { recursive: true, force: true });
}
