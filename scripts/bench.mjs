#!/usr/bin/env node
// acklint benchmark. Every figure is a median of runs interleaved with its comparison in this one invocation (one run
// of each command per round, so a slow spell of the machine hits all of them alike), and every row prints its ratio.
//
//   npm run bench [-- options]
//     --rounds N        rounds for the bulk rows (default 5); cold start uses --runs (default 30)
//     --before REF      also time the acklint of another commit (a build of `git archive REF`, cached under
//                       node_modules/.cache/acklint-bench), interleaved with this one, for before/after figures
//     --baseline DIR    the same with an already built checkout
//     --only a,b        only these groups of rows: cold, spectral, scale, yaml (yaml-10mb, yaml-aliases), editor, cache, lsp, policies
//     --no-spectral     skip the Spectral rows (which install @stoplight/spectral-cli into the cache folder)
//     --inventory-bench (only: one spec against 1,000 vSwitches and 200 clusters)
//     --policy-bench    (only: 20 policies against none, one spec and 1,000 specs; also part of a full run)
//
// Results go to bench/results.json; `node scripts/update-readme-bench.mjs` writes the README table from it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { stringify as toYaml } from 'yaml';
import { withCpuRatios } from './update-readme-bench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/acklint.cjs');
const cacheDir = join(root, 'node_modules/.cache/acklint-bench');
// Inputs are written under the cache folder rather than the system temp directory, where a stray .acklint.yaml of
// another run would become their config.
const work = join(cacheDir, 'work');
const SPECTRAL_VERSION = '6.16.3';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '5' },
    before: { type: 'string' },
    baseline: { type: 'string' },
    only: { type: 'string' },
    'no-spectral': { type: 'boolean' },
    'inventory-bench': { type: 'boolean' },
    'policy-bench': { type: 'boolean' },
    output: { type: 'string', default: join(root, 'bench/results.json') },
  },
});
const runs = Number(values.runs);
const rounds = Number(values.rounds);
const only = values.only ? new Set(values.only.split(',')) : undefined;
const wanted = (id) => !only || only.has(id);

// ---------------------------------------------------------------------------------------------------------------
// Measuring

const rssPreload = join(work, 'max-rss.cjs');

/**
 * Run one command; wall-clock milliseconds and, when `rss` is set, the process's peak resident set (MiB) and CPU time
 * (a preloaded module writes `process.resourceUsage()` at exit; it costs about a millisecond, so cold-start rows go
 * without). CPU time is shown because on a loaded machine the wall clock also counts time spent waiting for a core.
 */
function once(cmd, { rss = false, env } = {}) {
  const rssFile = join(work, `rss-${process.pid}.txt`);
  const args = rss ? ['-r', rssPreload, ...cmd] : cmd;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env, ...(rss ? { ACKLINT_BENCH_RSS: rssFile } : {}) },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (!rss) return { ms };
  const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
  return { ms, mib: usage.rss / 1024, cpu: usage.cpu };
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(s.length * q))];
  return { median: at(0.5), min: s[0], p90: at(0.9), n: s.length };
}

/**
 * Time several commands in rounds, one run of each per round (after one untimed warm-up round, which fills the file
 * cache). Returns per command the wall-clock stats and, with `rss`, the largest peak resident set seen.
 */
function interleaved(commands, n, opts = {}) {
  const samples = commands.map(() => []);
  const cpu = commands.map(() => []);
  const peaks = commands.map(() => 0);
  for (const c of commands) once(c.cmd, { env: c.env });
  for (let i = 0; i < n; i++) {
    commands.forEach((c, j) => {
      const r = once(c.cmd, { ...opts, env: c.env });
      samples[j].push(r.ms);
      if (r.mib !== undefined) peaks[j] = Math.max(peaks[j], r.mib);
      if (r.cpu !== undefined) cpu[j].push(r.cpu);
    });
  }
  return samples.map((s, j) => ({ ...stats(s), ...(opts.rss ? { peakMiB: peaks[j], cpuMedian: stats(cpu[j]).median } : {}) }));
}

const ms = (x) => `${x >= 100 ? Math.round(x).toLocaleString('en') : x >= 1 ? x.toFixed(1) : x.toFixed(3)} ms`;
const fmt = (t) => `median ${ms(t.median)} (min ${ms(t.min)}, p90 ${ms(t.p90)})${t.peakMiB ? `, peak ${Math.round(t.peakMiB)} MiB` : ''}${t.cpuP95 !== undefined ? `, CPU p95 ${ms(t.cpuP95)}` : ''}${t.cpuMedian !== undefined ? `, CPU ${ms(t.cpuMedian)}` : ''}`;

// ---------------------------------------------------------------------------------------------------------------
// What is compared

/** The acklint to compare with (`--before REF` builds one from git; `--baseline DIR` names a built checkout). */
function baselineDir() {
  if (values.baseline) return values.baseline;
  if (!values.before) return undefined;
  const sha = spawnSync('git', ['rev-parse', values.before], { cwd: root, encoding: 'utf8' }).stdout.trim();
  if (!sha) throw new Error(`--before: unknown commit ${values.before}`);
  const dir = join(cacheDir, `before-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, 'packages/cli/dist/acklint.cjs'))) {
    console.log(`building acklint ${sha.slice(0, 12)} in ${dir} …`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = spawnSync('sh', ['-c', `git archive ${sha} | tar -x -C "${dir}"`], { cwd: root, stdio: 'inherit' });
    if (tar.status !== 0) throw new Error('git archive failed');
    // The same dependencies as this checkout (without its cache folder, where the copy itself is); workspace links are
    // relative, so they point into the copy.
    mkdirSync(join(dir, 'node_modules'));
    const deps = readdirSync(join(root, 'node_modules')).filter((n) => n !== '.cache').map((n) => join(root, 'node_modules', n));
    const cp = spawnSync('cp', ['-a', ...deps, join(dir, 'node_modules')], { stdio: 'inherit' });
    if (cp.status !== 0) throw new Error('copying node_modules for the baseline failed');
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('building the baseline failed');
  }
  return dir;
}

/** Spectral, installed with npm into the cache folder on first use (it is not a dependency of acklint). */
function spectralBin() {
  const dir = join(cacheDir, `spectral-${SPECTRAL_VERSION}`);
  const binJs = join(dir, 'node_modules/@stoplight/spectral-cli/dist/index.js');
  if (!existsSync(binJs)) {
    console.log(`installing @stoplight/spectral-cli@${SPECTRAL_VERSION} into ${dir} …`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'acklint-bench-spectral', private: true }));
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', `@stoplight/spectral-cli@${SPECTRAL_VERSION}`], { cwd: dir, stdio: 'inherit' });
    if (npm.status !== 0 || !existsSync(binJs)) throw new Error('installing Spectral failed (use --no-spectral to skip its rows)');
  }
  return binJs;
}

/**
 * Five Spectral rules that check what five acklint rules check, so both tools read and walk the same files: the
 * cluster_type enum (schema-enum), the cluster name pattern (cluster-name-format), region_id present
 * (schema-required), deletion protection on (deletion-protection-disabled), and the node-pool system disk size range
 * (schema-range). acklint runs with every one of its rules, so the comparison favours Spectral.
 */
const SPECTRAL_RULESET = {
  rules: {
    'cluster-type': { severity: 'error', given: '$', then: { field: 'cluster_type', function: 'enumeration', functionOptions: { values: ['Kubernetes', 'ManagedKubernetes', 'ExternalKubernetes'] } } },
    'cluster-name': { severity: 'error', given: '$.name', then: { function: 'pattern', functionOptions: { match: '^[A-Za-z0-9\\u4e00-\\u9fa5][A-Za-z0-9_\\-\\u4e00-\\u9fa5]{0,62}$' } } },
    'region-required': { severity: 'error', given: '$', then: { field: 'region_id', function: 'truthy' } },
    'deletion-protection': { severity: 'info', given: '$', then: { field: 'deletion_protection', function: 'truthy' } },
    'system-disk-size': {
      severity: 'error',
      given: '$.nodepools[*].scaling_group',
      then: { field: 'system_disk_size', function: 'length', functionOptions: { min: 20, max: 2048 } },
    },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** The bench spec: examples/valid.json with ten more lines (maintenance window, tags), 55 lines. */
const benchSpec = join(root, 'bench/spec.json');

function fill(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  files.forEach((src, i) => copyFileSync(src, join(dir, `spec-${String(i).padStart(5, '0')}${extOf(src)}`)));
  return dir;
}
const extOf = (f) => /\.[^.]+$/.exec(f)[0];

/**
 * The rule fixtures (JSON and YAML, not inventories), half YAML, cycled to `count` files. The input-limit fixtures
 * (an alias bomb, nesting past the limit) are left out: Spectral runs out of memory on the alias bomb.
 */
function mixedFixtures(count) {
  const all = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'input-limit') walk(join(d, e.name));
      }
      else if (/\.(json|ya?ml)$/.test(e.name) && !/\.inventory\./.test(e.name)) all.push(join(d, e.name));
    }
  };
  walk(join(root, 'rules/fixtures'));
  all.sort();
  const yaml = all.filter((f) => /\.ya?ml$/.test(f));
  const json = all.filter((f) => f.endsWith('.json'));
  return Array.from({ length: count }, (_, i) => (i % 2 ? yaml : json)[Math.floor(i / 2) % (i % 2 ? yaml : json).length]);
}

/**
 * A spec with `pools` node pools (distinct names and sizes), as JSON or YAML text. With `shared`, the pools share
 * their vSwitch and instance type lists and management settings, which YAML writes as anchors and aliases.
 */
function bigSpec(pools, format, { shared = false } = {}) {
  const base = JSON.parse(readFileSync(join(root, 'examples/valid.json'), 'utf8'));
  const pool = base.nodepools[0];
  base.nodepools = Array.from({ length: pools }, (_, i) => {
    const p = shared ? { ...pool } : structuredClone(pool);
    return { ...p, nodepool_info: { name: `pool-${i}` }, scaling_group: { ...p.scaling_group, desired_size: i % 10 } };
  });
  return format === 'yaml' ? toYaml(base) : JSON.stringify(base, null, 2) + '\n';
}

/** Node pools needed for about `lines` lines of text. */
function poolsFor(lines, format) {
  const one = bigSpec(1, format).split('\n').length;
  const per = bigSpec(2, format).split('\n').length - one;
  return Math.max(1, Math.round((lines - one) / per) + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

/** The rows in table order (rows of other ids, from further benches, come after them). */
const ROW_ORDER = ['spectral-spec', 'spectral-mixed', 'scale-10000', 'marginal', 'yaml-10mb', 'yaml-aliases', 'editor-200-yaml', 'editor-200-json', 'editor-20k-yaml', 'editor-20k-json', 'editor-20k-yaml-resize', 'editor-20k-json-resize', 'cold-json', 'cold-yaml', 'cache-warm'];

const results = {
  date: new Date().toISOString(),
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
  node: process.version,
  cpus: cpus().length,
  loadBefore: loadavg().map((x) => +x.toFixed(2)),
  before: undefined,
  rows: [],
};

/**
 * One row of the results: `after` is this checkout, `before` the baseline (if any), `other` the comparison it is
 * measured against, `ratio` the figure the target is about.
 */
function addRow(row) {
  withCpuRatios(row);
  results.rows.push(row);
  const line = [`${row.case}:`, `acklint ${fmt(row.after)}`];
  if (row.before) line.push(`before ${fmt(row.before)}`);
  if (row.other) line.push(`${row.otherName} ${fmt(row.other)}`);
  if (row.ratio !== undefined) line.push(`ratio ${row.ratio.toFixed(2)}x${row.ratioBefore !== undefined ? ` (before ${row.ratioBefore.toFixed(2)}x)` : ''}`);
  if (row.cpuRatio !== undefined) line.push(`ratio of CPU times ${row.cpuRatio.toFixed(2)}x${row.cpuRatioBefore !== undefined ? ` (before ${row.cpuRatioBefore.toFixed(2)}x)` : ''}`);
  line.push(`target ${row.target}${row.met === undefined ? '' : row.met ? ' (met)' : ' (NOT met)'}`);
  console.log(line.join('\n    '));
}

function coldRows(base) {
  const valid = join(root, 'examples/valid.json');
  const broken = join(root, 'examples/broken.yaml');
  const commands = [{ cmd: ['-e', ''] }, { cmd: [bin, valid] }, { cmd: [bin, broken] }];
  if (base) commands.push({ cmd: [join(base, 'packages/cli/bin/acklint.cjs'), valid] }, { cmd: [join(base, 'packages/cli/bin/acklint.cjs'), broken] });
  const [bare, json, yaml, bJson, bYaml] = interleaved(commands, runs);
  for (const [id, file, after, before] of [['cold-json', 'examples/valid.json', json, bJson], ['cold-yaml', 'examples/broken.yaml', yaml, bYaml]]) {
    const ratio = after.median / bare.median;
    addRow({
      id,
      case: `one file cold (${file}) vs bare node -e ''`,
      command: `acklint ${file}`,
      after,
      ...(before ? { before, ratioBefore: before.median / bare.median } : {}),
      other: bare,
      otherName: "node -e ''",
      ratio,
      target: '<= 1.3x',
      met: ratio <= 1.3,
    });
  }
}

function spectralRows(base) {
  const spectral = spectralBin();
  const ruleset = join(work, 'spectral-ruleset.json');
  writeFileSync(ruleset, JSON.stringify(SPECTRAL_RULESET, null, 2));
  const sets = [
    { id: 'spectral-spec', name: '1,000 copies of bench/spec.json (55 lines)', files: Array(1000).fill(benchSpec), target: 5 },
    { id: 'spectral-mixed', name: '1,000 rule fixtures, half YAML', files: mixedFixtures(1000), target: 3 },
  ];
  for (const s of sets) {
    const dir = fill(join(work, s.id), s.files);
    const commands = [
      { cmd: [bin, dir] },
      // Spectral is told which files by glob, the same files acklint finds in the directory.
      { cmd: [spectral, 'lint', '--ruleset', ruleset, '--format', 'json', '--quiet', `${dir}/*.{json,yaml,yml}`] },
    ];
    if (base) commands.push({ cmd: [join(base, 'packages/cli/bin/acklint.cjs'), dir] });
    const [after, other, before] = interleaved(commands, rounds, { rss: true });
    addRow({
      id: s.id,
      case: `${s.name} in one call vs Spectral ${SPECTRAL_VERSION} (5-rule ruleset, same files)`,
      command: `acklint <dir>  vs  spectral lint --ruleset <5 rules> '<dir>/*.{json,yaml,yml}'`,
      after,
      other,
      otherName: `spectral ${SPECTRAL_VERSION}`,
      ratio: other.median / after.median,
      ...(before ? { before, ratioBefore: other.median / before.median } : {}),
      target: `>= ${s.target}x`,
      met: other.median / after.median >= s.target,
    });
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 10,000 specs in one call (time and peak memory), and the marginal cost of a spec: the slope between 1,000 and
 * 10,000 files, against the same slope of a script that only reads and JSON.parses the files (the floor).
 */
function scaleRows(base) {
  const floor = join(work, 'parse-floor.cjs');
  writeFileSync(
    floor,
    `const fs = require('node:fs'), path = require('node:path'); const dir = process.argv[2]; let n = 0;
     for (const f of fs.readdirSync(dir).sort()) { const v = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); if (v.cluster_type) n++; }
     if (!n) process.exit(3);`,
  );
  const d1 = fill(join(work, 'scale-1000'), Array(1000).fill(benchSpec));
  const d10 = fill(join(work, 'scale-10000'), Array(10000).fill(benchSpec));
  const commands = [{ cmd: [bin, d1] }, { cmd: [bin, d10] }, { cmd: [floor, d1] }, { cmd: [floor, d10] }];
  if (base) commands.push({ cmd: [join(base, 'packages/cli/bin/acklint.cjs'), d1] }, { cmd: [join(base, 'packages/cli/bin/acklint.cjs'), d10] });
  const [a1, a10, f1, f10, b1, b10] = interleaved(commands, rounds, { rss: true });
  addRow({
    id: 'scale-10000',
    case: '10,000 specs (bench/spec.json) in one call',
    command: 'acklint <dir of 10,000 specs>',
    after: a10,
    ...(b10 ? { before: b10 } : {}),
    target: '<= 3,000 ms, <= 150 MiB',
    met: a10.median <= 3000 && a10.peakMiB <= 150,
  });
  // Per added spec: the difference of the medians (wall clock and CPU) of the two runs, over the 9,000 more files.
  const slope = (small, large) => (large.median - small.median) / 9000;
  const cpuSlope = (small, large) => (large.cpuMedian - small.cpuMedian) / 9000;
  // A slope is one figure per series (a difference of medians), so it has no spread of its own.
  const one = (small, large) => ({ median: slope(small, large), min: slope(small, large), p90: slope(small, large), cpuMedian: cpuSlope(small, large) });
  const after = one(a1, a10);
  const floorSlope = one(f1, f10);
  addRow({
    id: 'marginal',
    case: 'marginal cost per spec (slope 1,000 → 10,000 files) vs parse-only floor (read + JSON.parse, one process)',
    command: 'acklint <dir of 1,000> and <dir of 10,000>  vs  node parse-floor.cjs on the same dirs',
    after,
    ...(b1 ? { before: one(b1, b10), ratioBefore: slope(b1, b10) / floorSlope.median, cpuRatioBefore: cpuSlope(b1, b10) / floorSlope.cpuMedian } : {}),
    other: floorSlope,
    otherName: 'JSON.parse floor',
    ratio: after.median / floorSlope.median,
    cpuRatio: after.cpuMedian / floorSlope.cpuMedian,
    target: '<= 8x',
    met: after.median / floorSlope.median <= 8,
  });
  rmSync(d1, { recursive: true, force: true });
  rmSync(d10, { recursive: true, force: true });
}

/** A 10 MB YAML spec, and a smaller one with aliases, each against `yaml.parseDocument` of the same text alone. */
function yamlRows(base) {
  const dir = join(work, 'yaml-big');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const parseOnly = join(dir, 'parse-document.cjs');
  esbuild.buildSync({
    stdin: { contents: `const { parseDocument } = require('yaml'); const d = parseDocument(require('node:fs').readFileSync(process.argv[2], 'utf8')); if (d.errors.length) process.exit(3);`, resolveDir: join(root, 'packages/core'), loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', outfile: parseOnly, logLevel: 'warning',
  });
  const per = Buffer.byteLength(bigSpec(2, 'yaml')) - Buffer.byteLength(bigSpec(1, 'yaml'));
  const cases = [
    { id: 'yaml-10mb', pools: Math.floor((10_000_000 - Buffer.byteLength(bigSpec(1, 'yaml'))) / per), shared: false, target: '<= 5,000 ms, <= 400 MiB', met: (t) => t.median <= 5000 && t.peakMiB <= 400 },
    // Aliases: each used to cost a walk of the whole document (quadratic); no target in the table.
    { id: 'yaml-aliases', pools: 500, shared: true, target: 'linear in the input (no target in the table)' },
  ];
  for (const c of cases) {
    if (only && !only.has(c.id) && !only.has('yaml')) continue;
    const spec = join(dir, `${c.id}.yaml`);
    writeFileSync(spec, bigSpec(c.pools, 'yaml', { shared: c.shared }));
    const size = statSync(spec).size;
    const commands = [{ cmd: [bin, spec] }, { cmd: [parseOnly, spec] }];
    if (base) commands.push({ cmd: [join(base, 'packages/cli/bin/acklint.cjs'), spec] });
    const [after, other, before] = interleaved(commands, Math.max(2, Math.ceil(rounds / 2)), { rss: true });
    addRow({
      id: c.id,
      case: `${(size / 1e6).toFixed(1)} MB YAML spec (${c.pools.toLocaleString('en')} node pools${c.shared ? ' sharing lists through anchors and aliases' : ''}) vs yaml.parseDocument alone`,
      command: `acklint ${c.id}.yaml  vs  node -e "yaml.parseDocument(text)"`,
      after,
      ...(before ? { before, ratioBefore: before.median / other.median } : {}),
      other,
      otherName: 'yaml.parseDocument',
      ratio: after.median / other.median,
      target: c.target,
      ...(c.met ? { met: c.met(after) } : {}),
    });
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The editor path, in one process: a document is linted, then re-linted after each of many one-digit edits (a
 * node pool's desired_size), as a language server does after each keystroke, through a core lint session (what an
 * edit leaves unchanged is reused); a checkout without one re-lints with a full `lintSync`.
 */
function editorRows(base) {
  const dir = join(work, 'editor');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const cases = [
    { id: 'editor-200-yaml', format: 'yaml', lines: 222, edits: 500, target: 5 },
    { id: 'editor-200-json', format: 'json', lines: 222, edits: 500, target: 5 },
    { id: 'editor-20k-yaml', format: 'yaml', lines: 20000, edits: 20, target: 150 },
    { id: 'editor-20k-json', format: 'json', lines: 20000, edits: 30, target: 60 },
    // Twenty cluster specs of about 1,000 lines in one file, `---` between them: an edit changes one document.
    { id: 'editor-20docs-yaml', format: 'yaml', lines: 1000, documents: 20, edits: 40 },
    // Typing and deleting rather than typing over: each edit inserts a digit before a desired_size's digit, the next
    // one deletes it again, so the text after the edit moves (no target in the table; the same targets apply).
    { id: 'editor-20k-yaml-resize', format: 'yaml', lines: 20000, edits: 20, resize: true, target: 150 },
    { id: 'editor-20k-json-resize', format: 'json', lines: 20000, edits: 30, resize: true, target: 60 },
  ];
  for (const c of cases) {
    const one = bigSpec(poolsFor(c.lines, c.format), c.format);
    writeFileSync(join(dir, `${c.id}.${c.format}`), c.documents ? Array(c.documents).fill(one).join('---\n') : one);
  }
  const entry = (checkout) => `
    const core = require('@acklint/core');
    const { builtinRules } = require('@acklint/rules');
    const fs = require('node:fs');
    const [file, edits, resize] = [process.argv[2], Number(process.argv[3]), process.argv[4] === 'resize'];
    (async () => {
      await core.loadYamlParser();
      let text = fs.readFileSync(file, 'utf8');
      const fileName = file;
      const now = new Date('2026-11-01T00:00:00Z');
      const session = core.LintSession ? new core.LintSession({ fileName, rules: builtinRules, now }) : undefined;
      const run = (t) => (session ? session.update(t) : core.lintSync(t, { fileName, rules: builtinRules, now }));
      run(text);
      const sites = [];
      const re = /desired_size"?: (\\d)/g;
      for (let m; (m = re.exec(text)); ) sites.push(m.index + m[0].length - 1);
      const times = [];
      const cpu = [];
      for (let i = 0; i < edits; i++) {
        if (resize) {
          const at = sites[(Math.floor(i / 2) * 7919) % sites.length];
          text = i % 2 === 0 ? text.slice(0, at) + '1' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
        } else {
          const at = sites[(i * 7919) % sites.length];
          text = text.slice(0, at) + String((Number(text[at]) + 1) % 10) + text.slice(at + 1);
        }
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        run(text);
        const c = process.cpuUsage(c0);
        times.push(performance.now() - t0);
        cpu.push((c.user + c.system) / 1000);
      }
      const p95 = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
      process.stdout.write(JSON.stringify({ p95: p95(times), cpuP95: p95(cpu), lines: text.split('\\n').length }));
    })();`;
  const bundle = (checkout, out) =>
    esbuild.buildSync({ stdin: { contents: entry(checkout), resolveDir: checkout, loader: 'js' }, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: out, logLevel: 'error' });
  const mine = join(dir, 'editor-after.cjs');
  bundle(root, mine);
  const theirs = base ? join(dir, 'editor-before.cjs') : undefined;
  if (theirs) bundle(base, theirs);
  const runScript = (script, file, edits, resize) => {
    const r = spawnSync(process.execPath, [script, file, String(edits), resize ? 'resize' : ''], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`editor bench failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  for (const c of cases) {
    const file = join(dir, `${c.id}.${c.format}`);
    const a = [];
    const b = [];
    // Interleaved processes; each reports the p95 of its edits. The median over processes is the figure.
    for (let i = 0; i < 3; i++) {
      a.push(runScript(mine, file, c.edits, c.resize));
      if (theirs) b.push(runScript(theirs, file, c.edits, c.resize));
    }
    // The CPU time of the process is shown too: on a loaded machine the wall clock also counts time spent waiting for
    // a core.
    const p = (xs) => ({ ...stats(xs.map((x) => x.p95)), cpuP95: stats(xs.map((x) => x.cpuP95)).median });
    const after = p(a);
    addRow({
      id: c.id,
      case: c.documents
        ? `editor: p95 re-lint after a one-digit edit, ${a[0].lines.toLocaleString('en')}-line YAML file of ${c.documents} specs (${c.edits} edits)`
        : c.resize
          ? `editor: p95 re-lint after inserting or deleting a digit, ${a[0].lines.toLocaleString('en')}-line ${c.format.toUpperCase()} spec (${c.edits} edits)`
          : `editor: p95 re-lint after a one-digit edit, ${a[0].lines.toLocaleString('en')}-line ${c.format.toUpperCase()} spec (${c.edits} edits)`,
      command: 'LintSession.update after each edit, in one process',
      after,
      ...(theirs ? { before: p(b) } : {}),
      ...(c.target === undefined
        ? { target: 'unchanged documents reused (no target in the table)' }
        : { target: `p95 <= ${c.target} ms`, met: after.median <= c.target }),
    });
  }
  rmSync(dir, { recursive: true, force: true });
}

/** A warm second run with `--cache` (first run writes the cache) against the same run without it. */
function cacheRow() {
  const dir = fill(join(work, 'cache-1000'), mixedFixtures(1000));
  const location = join(work, 'cache-1000.acklintcache');
  rmSync(location, { force: true });
  const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout;
  if (!help.includes('--cache')) {
    console.log('cache: this checkout has no --cache; row skipped');
    return;
  }
  once([bin, '--cache', '--cache-location', location, dir]);
  const [cold, warm] = interleaved([{ cmd: [bin, dir] }, { cmd: [bin, '--cache', '--cache-location', location, dir] }], rounds, { rss: true });
  addRow({
    id: 'cache-warm',
    case: '1,000 rule fixtures (half YAML), warm second run with --cache vs without',
    command: 'acklint --cache --cache-location <file> <dir>  vs  acklint <dir>',
    after: warm,
    other: cold,
    otherName: 'no cache',
    ratio: cold.median / warm.median,
    target: 'faster than without (no target in the table)',
  });
  rmSync(dir, { recursive: true, force: true });
  rmSync(location, { force: true });
}

// ---------------------------------------------------------------------------------------------------------------

mkdirSync(work, { recursive: true });
writeFileSync(
  rssPreload,
  `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.ACKLINT_BENCH_RSS, JSON.stringify({ rss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n`,
);

if (values['inventory-bench']) {
  (await import('./bench-inventory.mjs')).inventoryBench({ root, bin, runs, interleaved, fmt });
  process.exit(0);
}
const policyBenchRun = async () => {
  const timeInterleaved = (cmds, n) => interleaved(cmds.map((cmd) => ({ cmd })), n);
  (await import('./bench-policies.mjs')).policyBench({ root, bin, rounds: runs, timeInterleaved, fmt });
};
if (values['policy-bench']) {
  await policyBenchRun();
  process.exit(0);
}

const base = baselineDir();
if (base) results.before = values.before ?? basename(base);
console.log(`acklint ${results.commit}${base ? `, before: ${results.before} (${base})` : ''}; ${results.cpus} CPUs, load ${results.loadBefore.join(' ')}`);
if (wanted('cold')) coldRows(base);
if (wanted('spectral') && !values['no-spectral']) spectralRows(base);
if (wanted('scale')) scaleRows(base);
if (wanted('yaml-10mb') || wanted('yaml-aliases') || wanted('yaml')) yamlRows(base);
if (wanted('editor')) editorRows(base);
if (wanted('cache')) cacheRow();

// Further benches (the editor path through the language server, user policies) add their rows here with addRow().
// The editor path through acklint-lsp (its own script; prints its own figures).
if (wanted('lsp')) spawnSync(process.execPath, [join(root, 'scripts/bench-editor.mjs')], { stdio: 'inherit' });
// The cost of user policies: 20 policies against none (its own script; prints its own figures).
if (wanted('policies')) await policyBenchRun();

results.loadAfter = loadavg().map((x) => +x.toFixed(2));
mkdirSync(dirname(values.output), { recursive: true });
// A partial run (--only) keeps the other rows of the previous results.
if (only && existsSync(values.output)) {
  const previous = JSON.parse(readFileSync(values.output, 'utf8'));
  const fresh = new Set(results.rows.map((r) => r.id));
  // A kept row says which run measured it (the header of the table describes this run).
  const kept = previous.rows
    .filter((r) => !fresh.has(r.id))
    .map((r) => (r.measured ? r : { ...r, measured: { commit: previous.commit, date: previous.date, ...(previous.before ? { before: previous.before } : {}) } }));
  results.rows = [...kept, ...results.rows];
  const rank = (r) => (ROW_ORDER.includes(r.id) ? ROW_ORDER.indexOf(r.id) : ROW_ORDER.length);
  results.rows.sort((a, b) => rank(a) - rank(b));
}
writeFileSync(values.output, JSON.stringify(results, null, 2) + '\n');
console.log(`load average ${results.loadAfter.join(' ')}; results written to ${values.output}`);
rmSync(work, { recursive: true, force: true });
