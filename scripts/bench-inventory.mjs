// `npm run bench -- --inventory-bench`: one spec against a large generated inventory (see inventoryBench).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/**
 * One Flannel spec against a generated inventory: a VPC (10.0.0.0/8 plus a secondary 192.168.0.0/16), 1,000 vSwitches
 * in it and 200 other clusters in the VPC, with the spec's pod CIDR colliding with one of them (so the free-block
 * search runs too). Times the whole CLI run against the same spec without an inventory.
 */
export function inventoryBench({ root, bin, runs: rounds, interleaved, fmt }) {
  const timeInterleaved = (cmds, n) => interleaved(cmds.map((cmd) => ({ cmd })), n);
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
  const [plain, inventory] = timeInterleaved([without, withInv], rounds);
  const counts = {};
  for (const f of findings) counts[f] = (counts[f] ?? 0) + 1;
  console.log(`inventory: 1,000 vSwitches, 200 clusters (${dir}); findings: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  console.log(`acklint spec.json                                   ${fmt(plain)}`);
  console.log(`acklint --inventory vpcs/vswitches/clusters spec.json  ${fmt(inventory)}  (+${(inventory.median - plain.median).toFixed(1)} ms median)`);
  inProcess(root, dir);
  if (!process.env.ACKLINT_BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}

/**
 * The same work inside one process, without Node's start-up: reading the three inventory files and linting the spec
 * with every rule, first run (cold code) and the median of 20 more. Bundled on the fly with esbuild from the sources.
 */
function inProcess(root, dir) {
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

