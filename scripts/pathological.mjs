#!/usr/bin/env node
// Writes the pathological inputs that the README's limits section measures (node scripts/pathological.mjs DIR), then
// `for f in DIR/*; do /usr/bin/time -v node packages/cli/bin/acklint.cjs "$f" -f json -o /dev/null; done`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.pathological';
mkdirSync(dir, { recursive: true });
const write = (name, data) => writeFileSync(join(dir, name), data);
const head = { cluster_type: 'ManagedKubernetes', name: 'big', region_id: 'cn-hangzhou', cluster_spec: 'ack.pro.small', kubernetes_version: '1.33.3-aliyun.1', vpcid: 'vpc-bp1example', login_password: 'Patho1ogicalPw' };
const pool = (i) => ({ nodepool_info: { name: `np-${i}` }, scaling_group: { vswitch_ids: [`vsw-bp1example${String(i).padStart(10, '0')}`], instance_types: ['ecs.g7.large'], system_disk_category: 'cloud_essd', system_disk_size: 120, desired_size: 2, login_password: 'Patho1ogicalPw' } });

// 10 MB JSON and YAML: one spec with many tags of long values (just under the 10 MiB default limit).
const tags = [];
for (let i = 0, size = 0; size < 9_600_000; i++) {
  tags.push({ key: `k${i}`, value: 'v'.repeat(200) });
  size += 240;
}
write('10mb.json', JSON.stringify({ ...head, tags }, null, 1));
write('10mb.yaml', `${Object.entries(head).map(([k, v]) => `${k}: ${v}`).join('\n')}\ntags:\n${tags.slice(0, Math.floor(tags.length * 0.97)).map((t) => `  - key: ${t.key}\n    value: ${t.value}`).join('\n')}\n`);
// 100k-element arrays.
const arr = Array.from({ length: 100_000 }, (_, i) => `vsw-${i}`);
write('100k-array.json', JSON.stringify({ ...head, vswitch_ids: arr }));
write('100k-array.yaml', `cluster_type: ManagedKubernetes\nvswitch_ids:\n${arr.map((s) => `  - ${s}`).join('\n')}\n`);
// 60k-deep nesting.
write('60k-deep.json', `{"cluster_type":"ManagedKubernetes","x":${'['.repeat(60_000)}${']'.repeat(60_000)}}`);
write('60k-deep-flow.yaml', `cluster_type: ManagedKubernetes\nx: ${'['.repeat(60_000)}${']'.repeat(60_000)}\n`);
// Block style: compact nested sequences on one line (indented mappings 60k deep would be gigabytes of spaces).
write('60k-deep-block.yaml', `cluster_type: ManagedKubernetes\nx:\n  ${'- '.repeat(60_000)}x\n`);
write('60k-deep-flow-map.yaml', `cluster_type: ManagedKubernetes\nx: ${'{a: '.repeat(60_000)}1${'}'.repeat(60_000)}\n`);
// Alias bomb with merge keys.
let bomb = 'cluster_type: ManagedKubernetes\na0: &a0 {k: v, login_password: Patho1ogicalPw}\n';
for (let i = 1; i < 30; i++) bomb += `a${i}: &a${i}\n  <<: [*a${i - 1}, *a${i - 1}]\n  l: [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]\n`;
bomb += 'tags: [*a29, *a29, *a29]\n';
write('alias-bomb.yaml', bomb);
// 5,000 YAML documents.
write('5000-docs.yaml', Array.from({ length: 5000 }, (_, i) => `cluster_type: ManagedKubernetes\nname: c-${i}\nlogin_password: Patho1ogicalPw\n`).join('---\n'));
// 10,000 node pools.
write('10000-pools.json', JSON.stringify({ ...head, nodepools: Array.from({ length: 10_000 }, (_, i) => pool(i)) }, null, 2));
write('10000-pools.yaml', `${Object.entries(head).map(([k, v]) => `${k}: ${v}`).join('\n')}\nnodepools:\n${Array.from({ length: 10_000 }, (_, i) => `  - nodepool_info: {name: np-${i}}\n    scaling_group:\n      vswitch_ids: [vsw-bp1example${String(i).padStart(10, '0')}]\n      instance_types: [ecs.g7.large]\n      system_disk_size: 20\n      login_password: Patho1ogicalPw`).join('\n')}\n`);
// Many findings on long lines.
write('long-lines.yaml', `cluster_type: ManagedKubernetes\n${Array.from({ length: 2000 }, (_, i) => `unknown_${i}: ${'x'.repeat(2000)}`).join('\n')}\n`);
// Megabyte-long keys and values where names are looked up (unknown field, enum value, addon name, region).
const long = 'x'.repeat(1_000_000);
write('long-tokens.json', JSON.stringify({ ...head, [long]: 1, cluster_spec: long, region_id: long, addons: [{ name: long }], nodepools: [{ scaling_group: { [long]: long, instance_charge_type: long } }] }));
// Invalid UTF-8 and UTF-16 with a byte-order mark.
write('invalid-utf8.json', Buffer.concat([Buffer.from('{"cluster_type": "Managed'), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')]));
write('utf16-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(head), 'utf16le')]));
process.stdout.write(`wrote the pathological inputs to ${dir}\n`);
