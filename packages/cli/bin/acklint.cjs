#!/usr/bin/env node
// Launcher for the bundles in ../dist (built by `npm run build`, which `npm install` and `npm ci` run as `prepare`).
//
// Start-up is most of what a one-file lint costs, and compiling the main bundle (about 800 KB of JavaScript) is a
// large part of it. The build writes a V8 code cache next to each bundle (what Node 22's module.enableCompileCache
// does by itself; Node 20 has no such switch), and this loader compiles the bundles with it. A cache that does not
// match (another Node version, a changed bundle, other V8 flags) is rejected by V8 and the bundle is compiled
// normally, so a stale cache costs time, never correctness.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const dist = path.join(__dirname, '..', 'dist');
const writeCache = process.env.ACKLINT_WRITE_CODE_CACHE === '1';
// Tests and the benchmark check that V8 takes the caches (a rejected cache only costs time, so nothing else would tell).
const reportCache = process.env.ACKLINT_REPORT_CODE_CACHE === '1';
const modules = new Map();
const compiled = [];

function load(name) {
  const known = modules.get(name);
  if (known) return known.exports;
  const filename = path.join(dist, name);
  // The build keeps the bundles pure ASCII (esbuild escapes other characters), so latin1 reads them exactly, and
  // faster than UTF-8 decoding, which is a measurable part of start-up for the main bundle.
  const source = fs.readFileSync(filename, 'latin1');
  let cachedData;
  if (!writeCache) {
    try {
      cachedData = fs.readFileSync(`${filename}.cache`);
    } catch {
      cachedData = undefined;
    }
  }
  // The build writes each bundle as a function expression, `(function (exports, require, module, __filename,
  // __dirname) {...})`: compiled as it was read, with no copy of the source into a wrapped string.
  const script = new vm.Script(source, { filename, cachedData });
  if (writeCache) compiled.push([script, `${filename}.cache`]);
  if (reportCache) {
    const state = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
    process.stderr.write(`acklint: code cache ${state} for ${name}\n`);
  }
  const mod = { exports: {} };
  modules.set(name, mod);
  // Bundles require Node built-ins, and each other by './name.cjs'.
  const localRequire = (id) => (id.startsWith('./') ? load(id.slice(2)) : require(id));
  script.runInThisContext()(mod.exports, localRequire, mod, filename, dist);
  return mod.exports;
}

if (writeCache) {
  // Written at exit, so the cache also holds the functions compiled while running, not only the top level.
  process.on('exit', () => {
    for (const [script, file] of compiled) fs.writeFileSync(file, script.createCachedData());
  });
}

try {
  fs.accessSync(path.join(dist, 'acklint.cjs'));
} catch {
  process.stderr.write('acklint: the CLI bundle is missing; run `npm run build` in the acklint checkout\n');
  process.exit(2);
}
load('acklint.cjs');
