#!/usr/bin/env node
// Writes docs/rules.md from the built-in rules' metadata (`npm run docs`). The rules are TypeScript, so they are
// bundled with esbuild into a temporary module first; the table itself is rendered by scripts/rules-doc.ts, which
// test/rules-doc.test.ts also uses to check that docs/rules.md is up to date.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'acklint-docs-'));
try {
  const outfile = join(dir, 'rules-doc.mjs');
  await build({
    stdin: {
      contents: "export { builtinRules } from './rules/index.ts';\nexport { renderRulesDoc } from './scripts/rules-doc.ts';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  const { builtinRules, renderRulesDoc } = await import(pathToFileURL(outfile).href);
  const target = join(root, 'docs', 'rules.md');
  writeFileSync(target, renderRulesDoc(builtinRules));
  console.log(`wrote docs/rules.md (${builtinRules.length} rules)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
