#!/usr/bin/env node
// `npm run fuzz -- --seed N --count M`: bundles the fuzzer (scripts/fuzz/*.ts, with core, the rules and the CLI
// formatters from source) with esbuild and runs it. Needs `npm run build` once (for the generated validators).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'packages/core/src/generated/createcluster-validator.js'))) {
  process.stderr.write('fuzz: run `npm run build` first (it generates the schema validators)\n');
  process.exit(2);
}
const outdir = join(root, 'node_modules', '.cache', 'acklint-fuzz');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, 'fuzz.mjs');
await build({
  entryPoints: [join(root, 'scripts/fuzz/main.ts')],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const { fuzzMain } = await import(pathToFileURL(outfile).href);
process.exitCode = await fuzzMain(root);
