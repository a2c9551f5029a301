#!/usr/bin/env node
// Rewrites the command outputs shown in README.md with what the built CLI prints now (test/readme.test.ts fails when
// they differ). Run after `npm run build`: node scripts/update-readme-samples.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/acklint.cjs');
const run = (args) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).stdout.trim();
let readme = readFileSync(join(root, 'README.md'), 'utf8');
/** Replace the fenced block that follows `heading` (a line of the README). */
const replaceAfter = (heading, output) => {
  const i = readme.indexOf(heading);
  if (i < 0) throw new Error(`README has no line ${heading}`);
  const start = readme.indexOf('```\n', i) + 4;
  const end = readme.indexOf('\n```', start);
  readme = readme.slice(0, start) + output + readme.slice(end);
};
replaceAfter('Output for `npx acklint examples/`:', run(['examples/']));
const inv = ['vpcs', 'vswitches', 'clusters'].flatMap((f) => ['--inventory', `examples/network/${f}.json`]);
for (const ex of ['flannel.yaml', 'terway.json']) replaceAfter(`Output of \`acklint plan examples/network/${ex} `, run(['plan', `examples/network/${ex}`, ...inv]));
writeFileSync(join(root, 'README.md'), readme);
