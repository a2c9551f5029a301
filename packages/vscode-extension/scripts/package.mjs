#!/usr/bin/env node
// Packs the built extension into acklint-<version>.vsix with vsce, offline. The .vsix is made from a staging folder
// that holds exactly what ships: the bundles in dist/, README, CHANGELOG, LICENSE (with the notices of the bundled
// third-party code appended) and the icon; no sources, no node_modules.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));

if (!existsSync(join(here, 'dist', 'extension.js'))) {
  console.error('dist/ is missing: run `npm run build` in packages/vscode-extension first.');
  process.exit(1);
}

/**
 * The packages whose code the two bundles carry: the runtime dependency closure of the client library and of the
 * language server's workspace package (workspace packages themselves are acklint's own code).
 */
function bundledPackages() {
  const found = new Map();
  const visit = (name, from) => {
    const dir = packageDir(name, from);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const own = name.startsWith('@acklint/');
    const key = `${pkg.name}@${pkg.version}`;
    if (found.has(key)) return;
    if (!own) found.set(key, { name: pkg.name, version: pkg.version, license: pkg.license, dir });
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir);
  };
  visit('vscode-languageclient', here);
  visit('@acklint/lsp', here);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Node's lookup of a package folder: node_modules/<name> in `from` or the nearest folder above it. */
function packageDir(name, from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (needed from ${from})`);
  }
}

function licenseText(dir) {
  const file = readdirSync(dir).find((n) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(n));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
}

function licenseWithNotices() {
  const parts = [readFileSync(join(here, 'LICENSE'), 'utf8').trim(), '', '', 'Third-party software bundled in this extension', '='.repeat(46)];
  for (const p of bundledPackages()) {
    const text = licenseText(p.dir);
    if (!text) throw new Error(`${p.name}@${p.version} ships no license file; its notice cannot be included`);
    parts.push('', `${p.name} ${p.version} (${p.license})`, '-'.repeat(40), text);
  }
  return `${parts.join('\n')}\n`;
}

const stage = mkdtempSync(join(tmpdir(), 'acklint-vsix-'));
try {
  // The manifest's `files` says what ships; LICENSE is written with the notices added.
  for (const entry of manifest.files.map((f) => f.replace(/\/\*\*$/, '')).filter((f) => f !== 'LICENSE')) {
    cpSync(join(here, entry), join(stage, entry), { recursive: true });
  }
  writeFileSync(join(stage, 'LICENSE'), licenseWithNotices());
  // Links from the README to files elsewhere in the repository (the screenshot in docs/) point to the repository
  // itself once the README is shown outside it; vsce would only prefix them.
  const repository = manifest.repository.url.replace(/\.git$/, '');
  const readme = readFileSync(join(here, 'README.md'), 'utf8').replace(/\]\(\.\.\/\.\.\/([^)]+)\)/g, (_m, path) => `](${repository}/raw/HEAD/${path})`);
  writeFileSync(join(stage, 'README.md'), readme);
  const { scripts: _s, devDependencies: _d, ...shipped } = manifest;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(shipped, null, 2)}\n`);

  const out = join(here, `acklint-${manifest.version}.vsix`);
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-update-package-json', '--out', out], {
    cwd: stage,
    stdio: ['ignore', 'inherit', 'inherit'],
    // vsce 4 declares Node 22 but packs correctly on Node 20.
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  console.log(`${out.slice(root.length + 1)}: ${(statSync(out).size / 1024).toFixed(1)} KiB`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
