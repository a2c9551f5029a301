// The cost of policies: the same 1,000 specs linted in one call with a config of 20 policies and with a config without
// policies, and one spec from a cold start both ways (loading ajv and compiling the policies is the start-up cost). Called by scripts/bench.mjs; `npm run bench -- --policy-bench` runs only this.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Seven more policies next to the thirteen of examples/policies, so that the run has twenty. */
const MORE = `
  - id: policy/timezone
    severity: warning
    description: Clusters run on Shanghai time.
    schema: {properties: {timezone: {const: Asia/Shanghai}}}
  - id: policy/rrsa
    severity: error
    description: RRSA is on.
    schema: {required: [rrsa_config], properties: {rrsa_config: {required: [enabled], properties: {enabled: {const: true}}}}}
  - id: policy/secrets-encryption
    severity: error
    description: Secrets are encrypted with a KMS key.
    schema: {required: [encryption_provider_key], properties: {encryption_provider_key: {type: string, minLength: 1}}}
  - id: policy/three-vswitches
    severity: warning
    description: The control plane spans three vSwitches.
    schema: {properties: {vswitch_ids: {type: array, minItems: 3}}}
  - id: policy/auto-repair
    severity: warning
    description: Node pools repair failed nodes.
    select: nodepools[*]
    schema: {required: [management], properties: {management: {properties: {auto_repair: {const: true}}}}}
  - id: policy/system-disk-encrypted
    severity: error
    description: System disks are encrypted.
    select: nodepools[*].scaling_group
    schema: {properties: {system_disk_encrypted: {const: true}}, required: [system_disk_encrypted]}
  - id: policy/addon-names
    severity: info
    description: Addon names are lowercase.
    select: addons[*]
    schema: {properties: {name: {type: string, pattern: "^[a-z0-9-]+$"}}}
`;

const TIME = '/usr/bin/time';

/**
 * CPU time (user + system) of `node ...args`, median of `n` runs, through /usr/bin/time (undefined without it). On a
 * machine shared with other work, wall-clock differences of a few tens of milliseconds drown in waiting for a core;
 * the CPU a run uses does not.
 */
function cpuMedian(args, n) {
  if (!existsSync(TIME)) return undefined;
  const samples = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync(TIME, ['-f', '%U %S', process.execPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(r.stderr);
    if (m) samples.push((Number(m[1]) + Number(m[2])) * 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export function policyBench({ root, bin, rounds, timeInterleaved, fmt }) {
  const base = join(tmpdir(), 'acklint-bench-policies');
  rmSync(base, { recursive: true, force: true });
  const library = readFileSync(join(root, 'examples', 'policies', 'acklint-policies.yaml'), 'utf8');
  const configs = { with: library.trimEnd() + '\n' + MORE, without: 'rules: {}\n' };
  // Two kinds of spec: one that passes all twenty policies (the library's spec, as JSON), so that both runs print the
  // same and the difference is the policies' own cost; and examples/valid.json, which breaks three of them.
  const specs = {
    passing: JSON.stringify(parse(readFileSync(join(root, 'examples', 'policies', 'require-ack-pro', 'valid.yaml'), 'utf8')), null, 2),
    breaking: readFileSync(join(root, 'examples', 'valid.json'), 'utf8'),
  };
  for (const [name, config] of Object.entries(configs)) {
    for (const [kind, text] of Object.entries(specs)) {
      mkdirSync(join(base, name, kind), { recursive: true });
      for (let i = 0; i < 1000; i++) writeFileSync(join(base, name, kind, `spec-${String(i).padStart(4, '0')}.json`), text);
    }
    writeFileSync(join(base, name, '.acklint.yaml'), config);
    writeFileSync(join(base, name, 'one.json'), specs.passing);
  }
  const findings = (file) => JSON.parse(spawnSync(process.execPath, [bin, '--format', 'json', file], { encoding: 'utf8' }).stdout)[0].messages.filter((m) => m.ruleId.startsWith('policy/')).length;
  const policies = (configs.with.match(/^ {2}- id: policy\//gm) ?? []).length;
  console.log(
    `policies: ${policies} (examples/policies and seven more); policy findings per spec: ${findings(join(base, 'with', 'passing', 'spec-0000.json'))} (passing), ${findings(join(base, 'with', 'breaking', 'spec-0000.json'))} (examples/valid.json)`,
  );
  const ratio = (a, b) => `${(a.median / b.median).toFixed(2)}x, +${(a.median - b.median).toFixed(1)} ms median, +${(a.min - b.min).toFixed(1)} ms min`;
  const cpu = (ms) => (ms === undefined ? '' : `; CPU ${ms.toFixed(0)} ms`);
  const pair = (label, target, n) => {
    const cmds = [[bin, join(base, 'without', target)], [bin, join(base, 'with', target)]];
    timeInterleaved(cmds, 1);
    const [without, withPolicies] = timeInterleaved(cmds, n);
    const [cpuWithout, cpuWith] = cmds.map((c) => cpuMedian(c, n));
    const cpuDiff = cpuWith === undefined ? '' : `, CPU +${(cpuWith - cpuWithout).toFixed(0)} ms (${(cpuWith / cpuWithout).toFixed(2)}x)`;
    console.log(`${label}, no policies:`.padEnd(54) + fmt(without) + cpu(cpuWithout));
    console.log(`${label}, ${policies} policies:`.padEnd(54) + `${fmt(withPolicies)}${cpu(cpuWith)}  (${ratio(withPolicies, without)}${cpuDiff})`);
  };
  pair('acklint one.json (passing)', 'one.json', rounds);
  const many = Math.max(3, Math.min(10, Math.floor(rounds / 3)));
  pair('acklint <1,000 passing specs>', 'passing', many);
  pair('acklint <1,000 x examples/valid.json>', 'breaking', many);
  rmSync(base, { recursive: true, force: true });
}
