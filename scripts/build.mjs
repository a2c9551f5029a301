#!/usr/bin/env node
// Build: (1) compile JSON Schemas into standalone ajv validators (no schema compilation at run time), (2) bundle the
// CLI with esbuild into packages/cli/dist (one entry file plus bundles loaded on demand; no node_modules lookups at
// run time), (3) bundle the language server into packages/lsp/dist/acklint-lsp.cjs.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateValidators } from './schema/compile.mjs';
import { yamlWithoutTokenLog } from './esbuild-yaml.mjs';
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * ip-num builds its table of special ranges (private, documentation, multicast…) eagerly when it is loaded: fifteen
 * CIDR parses, the IPv6 ones slow while the code is cold, about 15 ms of every acklint start. acklint never reads
 * those tables, so the bundle turns each of them into a getter that parses on first use. The build fails if the
 * pattern is not found (an ip-num upgrade changed the file), rather than silently losing the optimisation.
 */
const lazyIpNumStatics = {
  name: 'lazy-ip-num-statics',
  setup(b) {
    b.onLoad({ filter: /[\\/]ip-num[\\/]dist[\\/]src[\\/]IPNumber\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      let count = 0;
      const contents = source.replace(/^(IPv[46])\.([A-Z_]+) = ([^;]*?fromCidr[\s\S]*?);$/gm, (_m, cls, name, expr) => {
        count++;
        return `Object.defineProperty(${cls}, ${JSON.stringify(name)}, { configurable: true, enumerable: true, get() { const v = ${expr}; Object.defineProperty(${cls}, ${JSON.stringify(name)}, { value: v, enumerable: true }); return v; } });`;
      });
      if (count < 10) throw new Error(`lazy-ip-num-statics: expected the special-range tables in ${args.path}, found ${count}`);
      return { contents, loader: 'js' };
    });
  },
};

/**
 * jsonc-parser's modules have no side effects at load, but its package does not say so, and esbuild keeps what a
 * module runs at load even when nothing imports it: here its tables of indentation strings (string-intern.js, for
 * format and modify only, which the CLI never calls), 1,200 strings built at every start, about 0.3 ms of it.
 * Declared side-effect free, the unused modules are left out of the bundles.
 */
const jsoncWithoutSideEffects = {
  name: 'jsonc-without-side-effects',
  setup(b) {
    b.onResolve({ filter: /^(?:jsonc-parser$|\.)/ }, async (args) => {
      if (args.pluginData === 'jsonc' || !(args.path === 'jsonc-parser' || /[\\/]jsonc-parser[\\/]/.test(args.importer))) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'jsonc' });
      if (r.errors.length > 0) return { errors: r.errors };
      return { path: r.path, external: r.external, namespace: r.namespace, sideEffects: false };
    });
  },
};

/**
 * Code that only some runs need is bundled on its own and required on first use (the yaml library, formatters, the
 * policy compiler, `acklint plan`, the glob library, ip-num, the field descriptions). Each import of these is
 * redirected to its sibling bundle in dist/.
 *
 * The sources load most of these with `await import()`, which the bundles turn into a require() at that point. A
 * module that synchronous code needs lists its exports instead (`exports`): its import is then bound to a stand-in
 * whose functions require the sibling bundle on their first call.
 */
const LAZY = [
  { request: './yaml.js', from: /[\\/]core[\\/]src[\\/]parse[\\/]index\.ts$/, out: 'yaml.cjs', entry: 'packages/core/src/parse/yaml.ts' },
  { request: './formatters/sarif.js', from: /[\\/]cli[\\/]src[\\/]main\.ts$/, out: 'sarif.cjs', entry: 'packages/cli/src/formatters/sarif.ts' },
  // junit, github, gitlab and checkstyle output.
  { request: './formatters/ci.js', from: /[\\/]cli[\\/]src[\\/]main\.ts$/, out: 'ci-formats.cjs', entry: 'packages/cli/src/formatters/ci.ts' },
  // The policy compiler and ajv: only for a config with `policies:`.
  { request: './policies/load.js', from: /[\\/]core[\\/]src[\\/]config\.ts$/, out: 'policies.cjs', entry: 'packages/core/src/policies/load.ts' },
  // `acklint plan`: the address-plan subcommand (only its runs load it).
  { request: './plan.js', from: /[\\/]cli[\\/]src[\\/]main\.ts$/, out: 'plan.cjs', entry: 'packages/cli/src/plan.ts' },
  // Through require(), so that esbuild takes tinyglobby's and fdir's CommonJS builds (their ESM builds use
  // import.meta.url, which a CommonJS bundle does not have).
  { request: 'tinyglobby', from: /[\\/]cli[\\/]src[\\/]main\.ts$/, out: 'glob.cjs', contents: "module.exports = require('tinyglobby');" },
  // ip-num, for CIDR text that is not plain IPv4 (IPv6, odd forms); its module init costs about 0.7 ms of every start.
  { request: './cidr-ip-num.js', from: /[\\/]core[\\/]src[\\/]cidr\.ts$/, out: 'ip-num.cjs', entry: 'packages/core/src/cidr-ip-num.ts', exports: ['parseCidrWithIpNum'] },
  // The fields' descriptions and examples: 73 KB of JSON text that every start read and deserialized, for the gloss
  // of a missing field's message (the language server's hover and docs/fields.md read them too).
  { request: '../generated/createcluster-field-docs.js', from: /[\\/]core[\\/]src[\\/]schema[\\/]fields\.ts$/, out: 'field-docs.cjs', entry: 'packages/core/src/generated/createcluster-field-docs.js', exports: ['fieldDocsJson'] },
];

/** Redirects the imports of `entries` to their sibling bundles. */
const siblingsOf = (entries) => ({
  name: 'lazy-siblings',
  setup(b) {
    for (const l of entries) {
      const filter = new RegExp(`^${l.request.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      b.onResolve({ filter }, (args) => {
        if (!l.from.test(args.importer)) return undefined;
        return l.exports ? { path: l.out, namespace: 'lazy-stand-in', pluginData: l } : { path: `./${l.out}`, external: true };
      });
    }
    b.onLoad({ filter: /.*/, namespace: 'lazy-stand-in' }, ({ pluginData: l }) => ({
      contents:
        `let m;\nconst load = () => (m ??= require(${JSON.stringify(`./${l.out}`)}));\n` +
        l.exports.map((name) => `export function ${name}(...args) { return load().${name}(...args); }\n`).join(''),
      loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/[\w-]+\.cjs$/, namespace: 'lazy-stand-in' }, (args) => ({ path: args.path, external: true }));
  },
});
const lazySiblings = siblingsOf(LAZY);

/**
 * The CLI ships as CommonJS bundles: Node starts a CommonJS entry about 10 ms faster than an ES module one (it skips
 * initialising the ESM loader), a quarter of acklint's whole start-up budget. The sources stay ES modules.
 */
const COMMON = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // Lazy siblings are loaded with require(), not import(), so the ESM loader never starts.
  supported: { 'dynamic-import': false },
  // Full minification: a third less code for V8 to read and compile at every start. Internal-error stack traces
  // (--debug) name minified functions; the message itself stays readable.
  minify: process.env.ACKLINT_NO_MINIFY !== "1",
  keepNames: false,
  legalComments: 'linked',
  logLevel: 'warning',
  // Which npm packages end up in the bundles: the published package's license notices list exactly those.
  metafile: true,
};

/** The npm packages (name of each node_modules directory) that esbuild put into the bundles. */
function bundledPackages(results) {
  const names = new Set();
  for (const r of results) {
    for (const input of Object.keys(r.metafile.inputs)) {
      const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) names.add(m[1]);
    }
  }
  return [...names].sort();
}

/**
 * The CLI bundles are loaded only by the launcher (packages/cli/bin/acklint.cjs), which compiles each as the body of a
 * CommonJS module function with vm.Script. The build writes them already wrapped in that function, so the launcher
 * hands V8 the string it read: wrapping it there made V8 copy the 800 KB main bundle into one flat string before
 * compiling, about 1 ms of every start (and a scavenge). They are not meant to be run or required directly.
 */
const CLI_WRAP = { banner: { js: '(function (exports, require, module, __filename, __dirname) {' }, footer: { js: '})' } };

async function bundleCli() {
  const outdir = join(root, 'packages/cli/dist');
  rmSync(outdir, { recursive: true, force: true });
  const results = await Promise.all([
    build({ ...COMMON, ...CLI_WRAP, entryPoints: [join(root, 'packages/cli/src/cli.ts')], outfile: join(outdir, 'acklint.cjs'), plugins: [lazySiblings, lazyIpNumStatics, yamlWithoutTokenLog, jsoncWithoutSideEffects] }),
    ...LAZY.map((l) =>
      build({
        ...COMMON,
        ...CLI_WRAP,
        ...(l.entry ? { entryPoints: [join(root, l.entry)] } : { stdin: { contents: l.contents, resolveDir: join(root, 'packages/cli'), loader: 'js' } }),
        outfile: join(outdir, l.out),
        // A lazy bundle loads the other lazy bundles it needs (plan.cjs parses YAML with yaml.cjs) rather than
        // carrying a copy.
        plugins: [lazySiblings, lazyIpNumStatics, yamlWithoutTokenLog, jsoncWithoutSideEffects],
      }),
    ),
  ]);
  // Read by scripts/prepack.mjs for THIRD_PARTY_NOTICES.md (not itself part of the package).
  writeFileSync(join(outdir, 'bundled-packages.json'), JSON.stringify(bundledPackages(results), null, 2) + '\n');
}

/**
 * The language server: one CommonJS bundle, packages/lsp/dist/acklint-lsp.cjs. It is a long-running process that loads
 * the YAML parser at start anyway, so only the policy compiler (ajv, a sixth of the bundle, for configs with policies
 * only) is split off, into policies.cjs beside it.
 */
async function bundleLsp() {
  const outdir = join(root, 'packages/lsp/dist');
  rmSync(outdir, { recursive: true, force: true });
  const policies = LAZY.filter((l) => l.out === 'policies.cjs');
  await Promise.all([
    build({ ...COMMON, entryPoints: [join(root, 'packages/lsp/src/main.ts')], outfile: join(outdir, 'acklint-lsp.cjs'), plugins: [siblingsOf(policies), lazyIpNumStatics, yamlWithoutTokenLog, jsoncWithoutSideEffects] }),
    ...policies.map((l) => build({ ...COMMON, entryPoints: [join(root, l.entry)], outfile: join(outdir, l.out), plugins: [lazyIpNumStatics, yamlWithoutTokenLog, jsoncWithoutSideEffects] })),
  ]);
}

/** The launcher reads the bundles as latin1 (faster than UTF-8): they must be pure ASCII, as esbuild writes them by default. */
function checkAscii() {
  const outdir = join(root, 'packages/cli/dist');
  for (const f of readdirSync(outdir).filter((n) => n.endsWith('.cjs'))) {
    const bytes = readFileSync(join(outdir, f));
    const i = bytes.findIndex((b) => b > 0x7f);
    if (i >= 0) throw new Error(`packages/cli/dist/${f} has a non-ASCII byte at offset ${i}; the launcher reads bundles as latin1`);
  }
}

/**
 * Run the CLI once over the examples in every format so that the launcher writes V8 code caches for the bundles
 * (packages/cli/bin/acklint.cjs explains why).
 */
function writeCodeCaches() {
  const bin = join(root, 'packages/cli/bin/acklint.cjs');
  const env = { ...process.env, ACKLINT_WRITE_CODE_CACHE: '1' };
  const net = join(root, 'examples', 'network');
  // Every example is plain YAML, which acklint reads without the yaml library: a spec with a tag loads it.
  const tmp = mkdtempSync(join(tmpdir(), 'acklint-build-'));
  const tagged = join(tmp, 'tagged.yaml');
  writeFileSync(tagged, 'name: !!str tagged\nregion_id: cn-hangzhou\ncluster_type: ManagedKubernetes\naddons:\n  - name: &ingress nginx-ingress-controller\n    config: |+\n      {}\n\n');
  // Each run writes the cache of every bundle it loaded, so the order matters: the last run writes acklint.cjs's
  // cache, and it should be the common case, a plain lint (a cache from the plan run lacked the lint path entirely).
  // The directory runs write the caches of the glob, SARIF and policy bundles, and the tagged spec that of the yaml
  // library's bundle.
  const runs = [
    ['plan', join(net, 'flannel.yaml'), ...['vpcs', 'vswitches', 'clusters'].flatMap((f) => ['--inventory', join(net, `${f}.json`)])],
    // A config with policies loads the policy compiler (policies.cjs).
    ['--config', join(root, 'examples', 'policies', 'acklint-policies.yaml'), '--no-color', join(root, 'examples', 'policies')],
    ['--format', 'sarif', '--no-color', join(root, 'examples'), tagged],
    // Last: one JSON and one YAML spec named on the command line. A cache holds every function its run compiled; this
    // one starts a one-file run about 4 ms (CPU) sooner than a cache from the directory run above, measured with 60
    // interleaved runs of each. What else a run needs is compiled when first called, as without a cache.
    ['--no-color', join(root, 'examples', 'valid.json'), join(root, 'examples', 'broken.yaml')],
  ];
  try {
    for (const args of runs) {
      const r = spawnSync(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0 && r.status !== 1) throw new Error(`writing code caches failed (exit ${r.status}): ${r.stderr}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

generateValidators(root);
await Promise.all([bundleCli(), bundleLsp()]);
checkAscii();
writeCodeCaches();
