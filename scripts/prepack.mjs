#!/usr/bin/env node
// Runs before `npm pack` / `npm publish` of packages/cli (the published `acklint` package):
// 1. builds the bundles if they are missing;
// 2. ships the language server: the bundle packages/lsp/dist/acklint-lsp.cjs (and its lazy siblings), when it has been
//    built, is copied to packages/cli/dist/lsp/, where bin/acklint-lsp.cjs starts it;
// 3. writes THIRD_PARTY_NOTICES.md: name, version, license and license text of every npm package bundled into it.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages', 'cli');
const dist = join(cli, 'dist');

if (!existsSync(join(dist, 'acklint.cjs')) || !existsSync(join(dist, 'bundled-packages.json'))) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The language server.
const lspDist = join(root, 'packages', 'lsp', 'dist');
const lspOut = join(dist, 'lsp');
rmSync(lspOut, { recursive: true, force: true });
const shipsServer = existsSync(join(lspDist, 'acklint-lsp.cjs'));
if (shipsServer) {
  mkdirSync(lspOut, { recursive: true });
  for (const f of readdirSync(lspDist)) if (f.endsWith('.cjs')) copyFileSync(join(lspDist, f), join(lspOut, f));
} else {
  console.warn('prepack: packages/lsp/dist/acklint-lsp.cjs is not built; the package ships without the language server');
}

// Bundled packages: exactly those esbuild put into the CLI bundles, plus the language server's production
// dependencies (and theirs) when the server ships.
const names = new Set(JSON.parse(readFileSync(join(dist, 'bundled-packages.json'), 'utf8')));
if (shipsServer) {
  const lspPkg = JSON.parse(readFileSync(join(root, 'packages', 'lsp', 'package.json'), 'utf8'));
  const queue = Object.keys(lspPkg.dependencies ?? {});
  while (queue.length) {
    const name = queue.shift();
    if (name.startsWith('@acklint/') || names.has(name)) continue;
    const dir = packageDir(name);
    if (!dir) continue;
    names.add(name);
    queue.push(...Object.keys(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies ?? {}));
  }
}

function packageDir(name) {
  const candidates = [join(root, 'node_modules', name), ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'node_modules', name))];
  return candidates.find((d) => existsSync(join(d, 'package.json')));
}

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;
const sections = [];
for (const name of [...names].sort()) {
  const dir = packageDir(name);
  if (!dir) throw new Error(`prepack: bundled package ${name} is not installed`);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see the package');
  const file = readdirSync(dir).find((f) => LICENSE_FILE.test(f));
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(${name} ships no license file; its package.json declares ${license}.)`;
  sections.push(`## ${name} ${pkg.version}\n\nLicense: ${license}${pkg.homepage ? `\nHomepage: ${pkg.homepage}` : ''}\n\n\`\`\`\n${text}\n\`\`\``);
}
writeFileSync(
  join(cli, 'THIRD_PARTY_NOTICES.md'),
  `# Third-party notices\n\nThe acklint package bundles the following npm packages into its JavaScript files (dist/). Their licenses follow.\n\n${sections.join('\n\n')}\n`,
);
