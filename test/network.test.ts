/**
 * End-to-end tests of the network analysis in the CLI: `--inventory`, the config's `inventory:` list, bad inventory
 * files (exit 2, one line naming the file), related locations in inventory files in the json and SARIF output, and
 * `acklint plan` in both formats. The rule checks themselves are covered by the fixtures under rules/fixtures/.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import { makeTempDir, parseSarif, repoRoot, runCli, type JsonFileResult } from './support/cli.js';

const EX = 'examples/network';
/**
 * `--rule <id>=off` for the best-practice rules (deletion protection, RRSA, log addon…): the network examples show
 * address planning, and those findings are not what these tests are about.
 */
const QUIET = builtinRules.filter((r) => r.meta.tags.includes('best-practice')).flatMap((r) => ['--rule', `${r.meta.id}=off`]);
const INVENTORY = ['--inventory', `${EX}/vpcs.json`, '--inventory', `${EX}/vswitches.json`, '--inventory', `${EX}/clusters.json`];
const OVERLAP = 'Pod CIDR 172.20.0.0/16 overlaps the pod CIDR 172.20.0.0/16 of cluster c8f2a1b3c4d5e6f708192a3b4c5d6e7f8 (payments) in the same VPC vpc-bp1shop';

type JsonMessage = JsonFileResult['messages'][number] & {
  related: Array<JsonFileResult['messages'][number]['related'][number] & { filePath?: string }>;
  fix?: { title: string; safe: boolean; edits: Array<{ start: number; end: number; newText: string }> };
};

describe('--inventory', () => {
  it('is not needed: without it the inventory rules stay quiet', () => {
    const run = runCli([...QUIET, `${EX}/flannel.yaml`, `${EX}/terway.json`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('compares the spec with the inventory and points into the inventory file (json)', () => {
    const run = runCli([...QUIET, '--format', 'json', ...INVENTORY, `${EX}/flannel.yaml`, `${EX}/terway.json`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const files = JSON.parse(run.stdout) as JsonFileResult[];
    expect(files.map((f) => [f.filePath, f.errorCount, f.warningCount, f.infoCount])).toEqual([
      [`${EX}/flannel.yaml`, 1, 0, 0],
      [`${EX}/terway.json`, 0, 0, 0],
    ]);
    const m = files[0]!.messages[0] as JsonMessage;
    expect(m.ruleId).toBe('other-cluster-cidr-overlap');
    expect(m.message.startsWith(OVERLAP)).toBe(true);
    expect(m.message.endsWith('The first free /16 is 172.16.0.0/16.')).toBe(true);
    expect([m.line, m.column, m.endLine, m.endColumn, m.pointer]).toEqual([13, 17, 13, 30, '/container_cidr']);
    // The other cluster, by its cluster_id in clusters.json.
    expect(m.related).toEqual([
      { filePath: `${EX}/clusters.json`, message: 'The pod CIDR 172.20.0.0/16 of cluster c8f2a1b3c4d5e6f708192a3b4c5d6e7f8 (payments)', line: 4, column: 21, endLine: 4, endColumn: 56 },
    ]);
    expect(m.fix).toMatchObject({ title: 'Use the free block 172.16.0.0/16', safe: false, edits: [{ newText: '172.16.0.0/16' }] });
  });

  it('gives SARIF related locations in the inventory file as artifacts of their own', () => {
    const run = runCli([...QUIET, '--format', 'sarif', ...INVENTORY, `${EX}/flannel.yaml`]);
    expect(run.code).toBe(1);
    const run0 = parseSarif(run.stdout).runs[0]!;
    expect(run0.artifacts.map((a) => a.location.uri)).toEqual([`${EX}/flannel.yaml`, `${EX}/clusters.json`]);
    const r = run0.results.find((x) => x.ruleId === 'other-cluster-cidr-overlap')!;
    expect(r.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: `${EX}/flannel.yaml`, uriBaseId: '%SRCROOT%', index: 0 });
    expect(r.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: 'The pod CIDR 172.20.0.0/16 of cluster c8f2a1b3c4d5e6f708192a3b4c5d6e7f8 (payments)' },
        physicalLocation: { artifactLocation: { uri: `${EX}/clusters.json`, uriBaseId: '%SRCROOT%', index: 1 }, region: { startLine: 4, startColumn: 21, endLine: 4, endColumn: 56 } },
      },
    ]);
  });

  it('reads the inventory list of the config, relative to the config file, together with --inventory', () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, 'inv'));
    copyFileSync(join(repoRoot, EX, 'clusters.json'), join(dir, 'inv', 'clusters.json'));
    copyFileSync(join(repoRoot, EX, 'flannel.yaml'), join(dir, 'flannel.yaml'));
    writeFileSync(join(dir, '.acklint.yaml'), 'inventory:\n  - inv/clusters.json\n');
    // Run from elsewhere: the path in the config is relative to the config, not to the working directory.
    const run = runCli([...QUIET, '--format', 'json', join(dir, 'flannel.yaml')], { cwd: repoRoot });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const files = JSON.parse(run.stdout) as JsonFileResult[];
    expect(files[0]!.messages.map((m) => m.ruleId)).toEqual(['other-cluster-cidr-overlap']);
    // Adding the vSwitch inventory on the command line: the unknown-ID check now has DescribeVSwitches output.
    writeFileSync(join(dir, 'vsw.json'), JSON.stringify({ VSwitches: { VSwitch: [{ VSwitchId: 'vsw-bp1nodeh', VpcId: 'vpc-bp1shop', ZoneId: 'cn-hangzhou-h', CidrBlock: '192.168.0.0/19', AvailableIpAddressCount: 100 }] } }));
    const both = runCli([...QUIET, '--format', 'json', '--inventory', join(dir, 'vsw.json'), join(dir, 'flannel.yaml')], { cwd: repoRoot });
    const ids = (JSON.parse(both.stdout) as JsonFileResult[])[0]!.messages.map((m) => [m.ruleId, m.line]);
    expect(ids).toEqual([
      ['inventory-unknown-id', 10],
      ['other-cluster-cidr-overlap', 13],
    ]);
  });

  it.each([
    ['not JSON', '{ "Vpcs": ', /^acklint: inventory .*bad\.json:1:\d+: not valid JSON: .+\n$/],
    ['an unknown shape', '{ "Instances": { "Instance": [] } }', /^acklint: inventory .*bad\.json: unrecognised content; expected the JSON output of aliyun vpc DescribeVpcs \(Vpcs\.Vpc\), aliyun vpc DescribeVSwitches \(VSwitches\.VSwitch\), aliyun cs DescribeClustersV1 \(clusters\) or the component catalogue of aliyun cs ListAddons \(addons\) \/ DescribeAddons \(ComponentGroups\)\n$/],
    ['a vSwitch without an ID', '{ "VSwitches": { "VSwitch": [ { "CidrBlock": "10.0.0.0/24" } ] } }', /^acklint: inventory .*bad\.json:1:31: entry 0 has no VSwitchId\n$/],
    ['a bad CIDR block', '{\n  "Vpcs": { "Vpc": [ { "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/33" } ] }\n}', /^acklint: inventory .*bad\.json:2:55: "10\.0\.0\.0\/33" is not a CIDR block\n$/],
    ['a JSON array', '[]', /^acklint: inventory .*bad\.json: not a JSON object; expected the JSON output of .+\n$/],
  ])('stops with exit code 2 and one line naming the file for %s', (_what, text, pattern) => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'bad.json'), text);
    const run = runCli([...QUIET, '--inventory', join(dir, 'bad.json'), `${EX}/flannel.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(pattern);
  });

  it('stops with exit code 2 for a missing inventory file, and for a bad one named in the config', () => {
    const missing = runCli([...QUIET, '--inventory', 'no-such-inventory.json', `${EX}/flannel.yaml`]);
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, '', 'acklint: cannot read inventory no-such-inventory.json: ENOENT\n']);
    const dir = makeTempDir();
    writeFileSync(join(dir, 'inv.json'), '{}');
    writeFileSync(join(dir, '.acklint.yaml'), 'inventory: [inv.json]\n');
    copyFileSync(join(repoRoot, EX, 'terway.json'), join(dir, 'terway.json'));
    const bad = runCli([...QUIET, join(dir, 'terway.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^acklint: inventory .*inv\.json: unrecognised content; .+\n$/);
  });

  it('rejects an inventory list that is not a list of paths in the config', () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, '.acklint.yaml'), 'inventory: vpcs.json\n');
    copyFileSync(join(repoRoot, EX, 'terway.json'), join(dir, 'terway.json'));
    const run = runCli([...QUIET, join(dir, 'terway.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.acklint\.yaml:1:12: inventory must be a list of inventory file paths\n$/);
  });

  it('keeps a plain lint lean: the plan bundle is not loaded', () => {
    const run = runCli(['examples/valid.json'], { env: { ACKLINT_REPORT_CODE_CACHE: '1' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('acklint.cjs');
    expect(run.stderr).not.toContain('plan.cjs');
  });
});

describe('acklint plan', () => {
  it('never shows a password, even one that names a node pool through a YAML alias', () => {
    const dir = makeTempDir();
    const spec = 'cluster_type: ManagedKubernetes\ncontainer_cidr: 172.20.0.0/16\naddons: [{name: flannel}]\nnodepools:\n  - nodepool_info: {name: &pw Secr3tPlanPw}\n    scaling_group: {login_password: *pw, desired_size: 3}\n';
    writeFileSync(join(dir, 'spec.yaml'), spec);
    for (const format of ['table', 'json']) {
      const run = runCli(['plan', '--format', format, 'spec.yaml'], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('****');
      expect(run.stdout).not.toContain('Secr3tPlanPw');
    }
  });

  it('prints the plan as a table, with the conflicts, and exits 1 for a network error', () => {
    const run = runCli(['plan', `${EX}/flannel.yaml`, ...INVENTORY]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Address plan: examples/network/flannel.yaml, cluster shop-web, Flannel\n');
    expect(run.stdout).toMatch(/\n {2}Max nodes +512\n/);
    expect(run.stdout).toMatch(/\n {2}Headroom +472 nodes\n/);
    expect(run.stdout).toContain(`Conflicts\n  13:17  error  ${OVERLAP}`);
  });

  it('prints the plan as JSON for tools', () => {
    const run = runCli(['plan', '--format', 'json', `${EX}/terway.json`, ...INVENTORY]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [entry, ...rest] = JSON.parse(run.stdout) as Array<{ file: string; document: number; plan: Record<string, any>; conflicts: unknown[] }>;
    expect(rest).toEqual([]);
    expect(entry!.file).toBe(`${EX}/terway.json`);
    expect(entry!.conflicts).toEqual([]);
    const p = entry!.plan;
    expect(p.plugin).toBe('terway');
    expect(p.vpc).toEqual({ id: 'vpc-bp1shop', inInventory: true, cidr: '192.168.0.0/16', secondaryCidrs: ['10.10.0.0/16'], userCidrs: [], regionId: 'cn-hangzhou' });
    expect(p.vswitches.map((v: { id: string; zone: string; freeIps: number; usedAs: string[] }) => [v.id, v.zone, v.freeIps, v.usedAs.join('+')])).toEqual([
      ['vsw-bp1nodeh', 'cn-hangzhou-h', 8170, 'cluster+pool search'],
      ['vsw-bp1nodei', 'cn-hangzhou-i', 8180, 'cluster+pool search'],
      ['vsw-bp1podh', 'cn-hangzhou-h', 8189, 'pods'],
      ['vsw-bp1podi', 'cn-hangzhou-i', 8189, 'pods'],
    ]);
    expect(p.pods).toEqual({ cidrs: [], podVSwitches: ['vsw-bp1podh', 'vsw-bp1podi'], addresses: 16384, freeIps: 16378, reachablePods: 3840 });
    expect(p.services).toEqual({ cidrs: ['172.22.0.0/20'], serviceIps: 4096, defaulted: false });
    expect(p.headroom).toEqual({ value: 12538, unit: 'pod IPs' });
    expect(p.otherClusters).toEqual([{ id: 'c8f2a1b3c4d5e6f708192a3b4c5d6e7f8', name: 'payments', podCidrs: ['172.20.0.0/16'], serviceCidrs: ['172.21.0.0/20'] }]);
  });

  it('works without an inventory (the request alone)', () => {
    const run = runCli(['plan', '--format', 'json', `${EX}/flannel.yaml`]);
    expect(run.code).toBe(0);
    const [entry] = JSON.parse(run.stdout) as Array<{ plan: Record<string, any> }>;
    expect(entry!.plan.pods).toEqual({ cidrs: ['172.20.0.0/16'], addresses: 65536, nodeCidrMask: { value: 25, source: 'set' }, podsPerNode: 128, maxNodes: 512 });
    expect(entry!.plan.vpc).toEqual({ id: 'vpc-bp1shop', inInventory: false, secondaryCidrs: [], userCidrs: [] });
  });

  it.each([
    [['plan'], /^acklint: plan: no files given/],
    [['plan', '--format', 'sarif', `${EX}/terway.json`], /^acklint: plan: unknown format "sarif"/],
    [['plan', '--inventory', 'nope.json', `${EX}/terway.json`], /^acklint: cannot read inventory nope\.json: ENOENT\n$/],
    [['plan', 'examples/network/vpcs.json'], /^acklint: plan: examples\/network\/vpcs\.json has no CreateCluster body\n$/],
    [['plan', '--bogus'], /^acklint: Unknown option '--bogus'/],
  ])('exits 2 for %j', (args, pattern) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(pattern);
  });

  it('has its own help', () => {
    const run = runCli(['plan', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^acklint plan: print the address plan/);
  });
});
