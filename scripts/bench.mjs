#!/usr/bin/env node
// acklint benchmark: cold start for one file against a bare `node -e ''`, and throughput on many files in one call.
// Usage: npm run bench [-- --runs N --files N --baseline DIR]
//   --baseline DIR: also time the acklint of another built checkout (e.g. a `git worktree` of an older commit) on the
//   same file, interleaved, for before/after figures.
//        npm run bench -- --inventory-bench [--runs N]   (only: one spec against 1,000 vSwitches and 200 clusters)
//        npm run bench -- --policy-bench [--runs N]      (only: 20 policies against none, one spec and 1,000 specs)
// Results are wall-clock medians on this machine; quote them with the command that produced them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { policyBench } from './bench-policies.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/acklint.cjs');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '60' },
    files: { type: 'string', default: '1000,10000' },
    baseline: { type: 'string' },
    'inventory-bench': { type: 'boolean' },
    'policy-bench': { type: 'boolean' },
  },
});
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

/**
 * One Flannel spec against a generated inventory: a VPC (10.0.0.0/8 plus a secondary 192.168.0.0/16), 1,000 vSwitches
 * in it and 200 other clusters in the VPC, with the spec's pod CIDR colliding with one of them (so the free-block
 * search runs too). Times the whole CLI run against the same spec without an inventory.
 */
function inventoryBench(rounds) {
  const dir = join(tmpdir(), 'acklint-bench-inventory');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const zones = ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k'];
  const vswitches = Array.from({ length: 1000 }, (_, i) => ({
    VSwitchId: `vsw-bench${String(i).padStart(4, '0')}`,
    VpcId: 'vpc-bench',
    ZoneId: zones[i % zones.length],
    CidrBlock: `10.${i >> 2}.${(i & 3) * 64}.0/26`,
    AvailableIpAddressCount: 50,
  }));
  const clusters = Array.from({ length: 200 }, (_, i) => ({
    cluster_id: `c-bench${String(i).padStart(3, '0')}`,
    name: `cluster-${i}`,
    vpc_id: 'vpc-bench',
    cluster_type: 'ManagedKubernetes',
    // /20 pod CIDRs filling 172.16.0.0/12 from the start; Service CIDRs all equal (allowed).
    container_cidr: `172.${16 + (i >> 4)}.${(i & 15) * 16}.0/20`,
    service_cidr: '192.168.255.0/24',
  }));
  const vpcs = { Vpcs: { Vpc: [{ VpcId: 'vpc-bench', RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/8', SecondaryCidrBlocks: { SecondaryCidrBlock: ['192.168.0.0/16'] }, VSwitchIds: { VSwitchId: vswitches.map((v) => v.VSwitchId) } }] } };
  writeFileSync(join(dir, 'vpcs.json'), JSON.stringify(vpcs, null, 2));
  writeFileSync(join(dir, 'vswitches.json'), JSON.stringify({ TotalCount: vswitches.length, VSwitches: { VSwitch: vswitches } }, null, 2));
  writeFileSync(join(dir, 'clusters.json'), JSON.stringify({ clusters, page_info: { total_count: clusters.length } }, null, 2));
  const spec = {
    name: 'bench',
    region_id: 'cn-hangzhou',
    cluster_type: 'ManagedKubernetes',
    vpcid: 'vpc-bench',
    vswitch_ids: ['vsw-bench0000', 'vsw-bench0001', 'vsw-bench0002'],
    addons: [{ name: 'flannel' }],
    container_cidr: '172.20.0.0/16',
    service_cidr: '172.31.0.0/20',
    node_cidr_mask: '26',
    nodepools: [{ nodepool_info: { name: 'default' }, auto_scaling: { enable: true, max_instances: 100 }, scaling_group: { vswitch_ids: ['vsw-bench0000'], instance_types: ['ecs.g7.xlarge'], key_pair: 'k' } }],
  };
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec, null, 2));
  const inv = ['vpcs.json', 'vswitches.json', 'clusters.json'].flatMap((f) => ['--inventory', join(dir, f)]);
  const withInv = [bin, ...inv, join(dir, 'spec.json')];
  const without = [bin, join(dir, 'spec.json')];
  const r = spawnSync(process.execPath, [...withInv.slice(0, 1), '--format', 'json', ...withInv.slice(1)], { encoding: 'utf8' });
  const findings = JSON.parse(r.stdout)[0].messages.map((m) => m.ruleId);
  timeInterleaved([without, withInv], 3);
  const [plain, inventory] = timeInterleaved([without, withInv], rounds);
  const counts = {};
  for (const f of findings) counts[f] = (counts[f] ?? 0) + 1;
  console.log(`inventory: 1,000 vSwitches, 200 clusters (${dir}); findings: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  console.log(`acklint spec.json                                   ${fmt(plain)}`);
  console.log(`acklint --inventory vpcs/vswitches/clusters spec.json  ${fmt(inventory)}  (+${(inventory.median - plain.median).toFixed(1)} ms median)`);
  inProcess(dir);
  if (!process.env.ACKLINT_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}

/**
 * The same work inside one process, without Node's start-up: reading the three inventory files and linting the spec
 * with every rule, first run (cold code) and the median of 20 more. Bundled on the fly with esbuild from the sources.
 */
function inProcess(dir) {
  const script = join(dir, 'in-process.cjs');
  const entry = `
    const { lint, loadInventory } = require('@acklint/core');
    const { builtinRules } = require('@acklint/rules');
    const { readFileSync } = require('node:fs');
    const dir = ${JSON.stringify(dir)};
    const files = ['vpcs.json', 'vswitches.json', 'clusters.json'].map((f) => dir + '/' + f);
    const bytes = readFileSync(dir + '/spec.json');
    (async () => {
      const runs = [];
      for (let i = 0; i < 21; i++) {
        const t0 = performance.now();
        const inventory = loadInventory(files);
        const t1 = performance.now();
        const r = await lint(bytes, { fileName: dir + '/spec.json', rules: builtinRules, inventory });
        const t2 = performance.now();
        runs.push([t1 - t0, t2 - t1, r.diagnostics.length]);
      }
      const warm = runs.slice(1);
      const med = (k) => warm.map((r) => r[k]).sort((a, b) => a - b)[10].toFixed(1);
      console.log('in one process: load inventory ' + runs[0][0].toFixed(1) + ' ms first, ' + med(0) + ' ms median; lint with all rules ' + runs[0][1].toFixed(1) + ' ms first, ' + med(1) + ' ms median (' + runs[0][2] + ' findings)');
    })();`;
  esbuild.buildSync({ stdin: { contents: entry, resolveDir: root, loader: 'js' }, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: script, logLevel: 'warning' });
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  process.stdout.write(r.stdout + r.stderr);
}

const fmt = (t) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, p90 ${t.p90.toFixed(1)})`;
const valid = join(root, 'examples/valid.json');
const broken = join(root, 'examples/broken.yaml');

if (values['inventory-bench']) {
  inventoryBench(runs);
  process.exit(0);
}
if (values['policy-bench']) {
  policyBench({ root, bin, rounds: runs, timeInterleaved, fmt });
  process.exit(0);
}

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
policyBench({ root, bin, rounds: runs, timeInterleaved, fmt });
spawnSync(process.execPath, [join(root, 'scripts/bench-editor.mjs')], { stdio: 'inherit' }); // the editor path: acklint-lsp re-lints
