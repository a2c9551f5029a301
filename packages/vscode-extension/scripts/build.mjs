#!/usr/bin/env node
// Build of the extension into dist/: the client (src/extension.ts and vscode-languageclient) as one CommonJS bundle,
// the language server as built by the repository build (packages/lsp/dist), and the config schema that VS Code
// validates .acklint.yaml/.acklint.json with. Nothing is fetched or resolved from node_modules at run time.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(here, '..', '..');
const dist = join(here, 'dist');
const serverDist = join(root, 'packages', 'lsp', 'dist');
const SERVER_ENTRY = 'acklint-lsp.cjs';

if (!existsSync(join(serverDist, SERVER_ENTRY))) {
  console.error(`packages/lsp/dist/${SERVER_ENTRY} is missing: run \`npm run build\` at the repository root first.`);
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'server'), { recursive: true });

await build({
  entryPoints: [join(here, 'src', 'extension.ts')],
  outfile: join(dist, 'extension.js'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // VS Code 1.91 (the oldest the manifest accepts) runs extensions on Node 20.
  target: 'node20',
  external: ['vscode'],
  minify: true,
  legalComments: 'none',
  sourcemap: false,
  logLevel: 'warning',
});

// The server: the language server's bundle and the sibling bundles it loads on demand.
for (const name of readdirSync(serverDist).filter((n) => n.endsWith('.cjs'))) {
  copyFileSync(join(serverDist, name), join(dist, 'server', name));
}

copyFileSync(join(root, 'packages', 'core', 'schemas', 'config.schema.json'), join(dist, 'config.schema.json'));
