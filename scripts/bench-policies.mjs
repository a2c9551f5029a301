// The cost of policies: the same 1,000 specs (copies of examples/valid.json) linted in one call with a config of 20
// policies and with a config without policies, and one spec from a cold start both ways (loading ajv and compiling the
// policies is the start-up cost). Called by scripts/bench.mjs; `npm run bench -- --policy-bench` runs only this.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export function policyBench({ root, bin, rounds, timeInterleaved, fmt }) {
  const base = join(tmpdir(), 'acklint-bench-policies');
  rmSync(base, { recursive: true, force: true });
  const library = readFileSync(join(root, 'examples', 'policies', 'acklint-policies.yaml'), 'utf8');
  const configs = { with: library.trimEnd() + '\n' + MORE, without: 'rules: {}\n' };
  const valid = join(root, 'examples', 'valid.json');
  for (const [name, config] of Object.entries(configs)) {
    mkdirSync(join(base, name, 'many'), { recursive: true });
    writeFileSync(join(base, name, '.acklint.yaml'), config);
    copyFileSync(valid, join(base, name, 'one.json'));
    for (let i = 0; i < 1000; i++) copyFileSync(valid, join(base, name, 'many', `spec-${String(i).padStart(4, '0')}.json`));
  }
  const count = spawnSync(process.execPath, [bin, '--format', 'json', join(base, 'with', 'one.json')], { encoding: 'utf8' });
  const ids = JSON.parse(count.stdout)[0].messages.map((m) => m.ruleId).filter((id) => id.startsWith('policy/'));
  const policies = (configs.with.match(/^ {2}- id: policy\//gm) ?? []).length;
  const one = [[bin, join(base, 'without', 'one.json')], [bin, join(base, 'with', 'one.json')]];
  timeInterleaved(one, 2);
  const [oneWithout, oneWith] = timeInterleaved(one, rounds);
  const many = [[bin, join(base, 'without', 'many')], [bin, join(base, 'with', 'many')]];
  timeInterleaved(many, 1);
  const [manyWithout, manyWith] = timeInterleaved(many, Math.max(3, Math.min(10, Math.floor(rounds / 3))));
  const ratio = (a, b) => `${(a.median / b.median).toFixed(2)}x, +${(a.median - b.median).toFixed(1)} ms median`;
  console.log(`policies: ${policies} (examples/policies and seven more); ${ids.length} policy findings per copy of examples/valid.json`);
  console.log(`acklint one.json, config without policies           ${fmt(oneWithout)}`);
  console.log(`acklint one.json, config with ${policies} policies          ${fmt(oneWith)}  (${ratio(oneWith, oneWithout)})`);
  console.log(`acklint <1,000 specs>, config without policies      ${fmt(manyWithout)}`);
  console.log(`acklint <1,000 specs>, config with ${policies} policies     ${fmt(manyWith)}  (${ratio(manyWith, manyWithout)})`);
  rmSync(base, { recursive: true, force: true });
}
