import { accessSync, closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  collectSecrets,
  ConfigError,
  ConfigResolver,
  configNamesFile,
  defaultConfig,
  DIRECTIVE_RULES,
  fixUntilStable,
  INTERNAL_ERROR_ID,
  INTERNAL_ERROR_META,
  isSuppressed,
  VERSION,
  docsUrlOf,
  formatFromName,
  lint,
  lintSync,
  InventoryLoader,
  isConfigFile,
  loadYamlParser,
  parseFileSync,
  parseSize,
  settingsForFile,
  SourceText,
  suggest,
  type AcklintConfig,
  type LintOptions,
  type LintResult,
  type RuleMeta,
  type SeveritySetting,
  withPolicies,
  type SuppressionSettings,
} from '@acklint/core';
import { builtinRules } from '@acklint/rules';
import { stylishStream } from './formatters/stylish.js';
import { jsonStream } from './formatters/json.js';
import { whole, type FileReport, type Formatter, type RunInfo, type StreamingFormat } from './types.js';
import { HELP } from './help.js';
import { OutputSink } from './output.js';
import { DEFAULT_CACHE_FILE, LintCache, settingsKey } from './cache.js';

/** The output formats, by `--format` name, a file at a time as the CLI writes them. */
const STREAMS: Record<string, () => Promise<StreamingFormat>> = {
  stylish: async () => stylishStream,
  json: async () => jsonStream,
  sarif: async () => (await import('./formatters/sarif.js')).sarifStream,
  // Formats for CI systems other than code scanning (one lazily loaded bundle).
  junit: async () => (await import('./formatters/ci.js')).junitStream,
  github: async () => (await import('./formatters/ci.js')).githubStream,
  gitlab: async () => (await import('./formatters/ci.js')).gitlabStream,
  checkstyle: async () => (await import('./formatters/ci.js')).checkstyleStream,
};

/** The same formats over reports that are all at hand (the fuzzer runs every one of them). */
export const FORMATS: Record<string, () => Promise<Formatter>> = Object.fromEntries(
  Object.entries(STREAMS).map(([name, load]) => [name, async () => whole(await load())]),
);

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
/** ESLint's spellings, accepted by --rule: `warn`, and 0/1/2. */
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { warn: 'warning', 0: 'off', 1: 'warning', 2: 'error' };
/** Rule metadata of everything a run can report: the rules, the engine's internal error and the directive checks. */
const ruleMetas = (): RuleMeta[] => builtinRules.map((r) => r.meta);
const SPEC_EXTENSIONS = ['.json', '.jsonc', '.yaml', '.yml'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** A failure that ends the run with exit code 2 and one line on stderr. */
class UsageError extends Error {}

interface Target {
  /** Absolute path, or undefined for stdin. */
  abs?: string;
  /** Found by walking a directory (then only CreateCluster-looking files are linted). */
  fromWalk: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  inventory: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'stdin-filename': { type: 'string' },
  'list-rules': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'only-specs': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  'no-inline-config': { type: 'boolean' },
  'sarif-base': { type: 'string' },
  'print-config': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const parseCommandLine = (args: string[]) => parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS });

/** The command line as parseArgs reads it. */
function readArgs(argv: string[]): ReturnType<typeof parseCommandLine> {
  return plainArgs(argv) ?? parseCommandLine(argv);
}

/**
 * The usual command line, file names and boolean long flags (`acklint --no-color spec.yaml`), read as parseArgs reads
 * it but without it: Node loads and compiles its argument parser on first use, about 0.4 ms of a one-file lint.
 * Anything else (an option with a value, a short flag, `--`, `-`, an unknown option) is left to parseArgs, with its
 * errors.
 */
export function plainArgs(argv: string[]): ReturnType<typeof parseCommandLine> | undefined {
  const values: Record<string, unknown> = Object.create(null);
  const positionals: string[] = [];
  for (const arg of argv) {
    if (arg === '' || arg.startsWith('-')) {
      const name = arg.slice(2);
      if (!arg.startsWith('--') || !Object.hasOwn(OPTIONS, name) || OPTIONS[name as keyof typeof OPTIONS].type !== 'boolean') return undefined;
      values[name] = true;
    } else positionals.push(arg);
  }
  for (const [name, option] of Object.entries(OPTIONS)) if ('default' in option && values[name] === undefined) values[name] = option.default;
  return { values, positionals } as ReturnType<typeof parseCommandLine>;
}

export async function main(argv: string[]): Promise<number> {
  // `acklint plan …`: the address plan of a spec (its own bundle, loaded only for this subcommand).
  if (argv[0] === 'plan') return (await import('./plan.js')).plan(argv.slice(1));
  let debug = argv.includes('--debug');
  let sink: OutputSink | undefined;
  try {
    const { values, positionals } = readArgs(argv);
    debug = Boolean(values.debug);
    if (values.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (values.version) {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const format = values.format!;
    if (!(format in FORMATS)) throw new UsageError(`unknown format "${format}"${suggest(format, Object.keys(FORMATS))}; use one of: ${Object.keys(FORMATS).join(', ')}`);

    const knownIds = new Set(builtinRules.map((r) => r.meta.id));
    if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run, not both');
    if (values.fix && positionals.includes('-')) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run --format json to see the fixed text');
    const cliRules = parseRuleFlags(values.rule ?? [], knownIds);
    const maxWarnings = values['max-warnings'] === undefined ? -1 : parseCount(values['max-warnings'], '--max-warnings');
    const maxFileSize = values['max-file-size'] === undefined ? undefined : parseSizeFlag(values['max-file-size']);
    // Whether standard output is a terminal is asked only when a report has something to show, and once (a formatter
    // asks for each finding; reading process.env is a call into Node each time).
    let colored: boolean | undefined;
    const color = () => (colored ??= values['no-color'] ? false : values.color ? true : !process.env.NO_COLOR && !values.output && stdoutIsTerminal());

    const resolver = new ConfigResolver(ruleMetas());
    const explicitConfig = values.config ? await resolver.load(resolve(values.config)) : undefined;
    const configFor = async (abs: string | undefined): Promise<AcklintConfig> =>
      explicitConfig ?? (abs ? await resolver.forFile(abs) : await resolver.forDirectory(process.cwd()));

    if (values['print-config'] !== undefined) {
      // The config that applies to one file, after the cascade, extends and overrides: what to look at when a level
      // is not what you expect.
      const abs = resolve(values['print-config']);
      const config = await configFor(abs);
      const settings = settingsForFile(config, abs);
      const shown = {
        file: abs,
        sources: config.sources,
        rules: { ...settings.severities, ...cliRules },
        pointerOverrides: settings.pointerOverrides,
        suppressions: settings.suppressions,
        files: config.fileSets,
        inventory: config.inventory,
        maxFileSize: config.maxFileSize,
        policies: (config.policies ?? []).map((p) => p.meta.id),
      };
      process.stdout.write(JSON.stringify(shown, null, 2) + '\n');
      return 0;
    }

    if (values['list-rules']) {
      if (format !== 'stylish' && format !== 'json') throw new UsageError(`--list-rules prints a table or, with --format json, JSON; it has no ${format} form (a ${format} report lists the rules it ran)`);
      const config = await configFor(undefined);
      for (const id of Object.keys(cliRules)) {
        if (!knownIds.has(id) && !config.policies?.some((p) => p.meta.id === id)) throw new UsageError(`unknown rule "${id}": the config defines no such policy`);
      }
      process.stdout.write(listRules(format, { ...config.rules, ...cliRules }, config.policies?.map((p) => p.meta) ?? []));
      return 0;
    }

    if (positionals.length === 0) throw new UsageError('no files given; try `acklint .` or `acklint --help`');
    const stdinName = values['stdin-filename'];
    const targets = await expandTargets(positionals);

    const cwd = process.cwd();
    const options: LintRunOptions = {
      cwd,
      stdinName,
      configPath: values.config ? resolve(values.config) : undefined,
      cliRules,
      maxFileSize,
      quiet: Boolean(values.quiet),
      inventory: (values.inventory ?? []).map((p) => resolve(p)),
      fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined,
      onlySpecs: Boolean(values['only-specs']),
      // A directive that suppresses nothing: the flag, else the config, else a warning in CI (where stale ones pile up).
      suppressions: {
        ...(values['report-unused-disable-directives'] ? { reportUnused: 'warning' } : {}),
        ...(values['no-inline-config'] ? { inline: false } : {}),
      },
      unusedDefault: isCi() ? 'warning' : 'off',
      // --fix lints the text it fixed, not the file's: the cache is for plain runs.
      cache: values.cache && !values.fix && !values['fix-dry-run'] ? new LintCache(cacheLocation(values['cache-location'])) : undefined,
      keepSources: format === 'sarif',
    };
    // The configs of every target are read first: the rules a run reports on are known before its first file (SARIF
    // lists them, by index, ahead of the results), and a broken config or an unknown policy in --rule ends the run
    // before anything is written.
    const settings = new RunSettings(options, resolver, explicitConfig);
    for (const t of targets) {
      await settings.forTarget(t);
      if (t.abs && !t.fromWalk) checkReadable(t.abs, cwd);
    }
    const { enabledIds, policies } = settings;
    // A policy id in --rule is known only once the configs of the run are read.
    for (const id of Object.keys(cliRules)) {
      if (!knownIds.has(id) && !policies.has(id)) throw new UsageError(`unknown rule "${id}"${suggest(id, policies.keys())}: no config of this run defines that policy`);
    }
    const rules: RuleMeta[] = [...ruleMetas(), ...policies.values()].filter((m) => enabledIds.has(m.id));
    rules.push(INTERNAL_ERROR_META, ...DIRECTIVE_RULES);
    const info: RunInfo = {
      rules,
      cwd,
      baseDir: values['sarif-base'] ? resolve(values['sarif-base']) : (gitTopLevel(cwd) ?? cwd),
      get color() {
        return color();
      },
      get width() {
        return !values.output && stdoutIsTerminal() ? process.stdout.columns : undefined;
      },
    };
    const stream = (await STREAMS[format]!())(info);
    // Each file's report is written as soon as it and every file before it are done, and then dropped. --fix keeps
    // the output until the end, as a file it cannot write ends the run with nothing written. (The --output file itself
    // is written when the run ends, so it may be one of the files linted: it is read as it was before the run.)
    const output = new OutputSink(values.output, {
      hold: options.fix === 'write',
      flushEachFile: !values.output,
      fail: (err) => new UsageError(`cannot write ${values.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`),
    });
    sink = output;
    output.write(stream.start());
    let internal = false;
    let errors = 0;
    let warnings = 0;
    const fixErrors: string[] = [];
    const { notifications } = await lintAll(targets, options, settings, (report) => {
      // Suppressed findings are reported (SARIF, JSON) but never fail the run.
      for (const d of report.diagnostics) {
        if (d.ruleId === INTERNAL_ERROR_ID) internal = true;
        if (isSuppressed(d)) continue;
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
      }
      if (report.fixError) fixErrors.push(`${report.displayPath}: ${report.fixError}`);
      output.write(stream.file(report));
      output.fileDone();
    });
    const cacheProblem = options.cache?.save();
    if (cacheProblem) process.stderr.write(`acklint: ${cacheProblem}\n`);

    const tooManyWarnings = maxWarnings >= 0 && warnings > maxWarnings;
    const code = internal || notifications.length ? 2 : errors > 0 || tooManyWarnings ? 1 : 0;
    process.exitCode = code;
    output.write(stream.end({ executionSuccessful: !internal && notifications.length === 0, notifications }));
    output.close();
    // A reader that went away early (`| head`) does not change the exit code.
    if (output.gone) return code;
    for (const n of notifications) process.stderr.write(`acklint: ${n}\n`);
    for (const e of fixErrors) process.stderr.write(`acklint: ${e}\n`);
    if (tooManyWarnings && errors === 0 && code === 1) process.stderr.write(`acklint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return code;
  } catch (err) {
    // A run that fails leaves the --output file as it was.
    sink?.abort();
    if (err instanceof UsageError || err instanceof ConfigError || isArgError(err)) {
      process.stderr.write(`acklint: ${(err as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`acklint: internal error: ${(err as Error)?.message ?? String(err)}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return 2;
  }
}


/** What a run needs to lint a list of targets; plain data, so that worker threads can get it too. */
interface LintRunOptions {
  cwd: string;
  stdinName?: string;
  /** --config, resolved. */
  configPath?: string;
  cliRules: Record<string, SeveritySetting>;
  maxFileSize?: number;
  quiet: boolean;
  /** --inventory files, resolved. */
  inventory: string[];
  /** --fix writes the fixed files; --fix-dry-run only reports the fixed text. */
  fix?: 'write' | 'dry-run';
  /** --only-specs: named files that are not cluster specs are skipped silently, as in a directory scan. */
  onlySpecs: boolean;
  /** Suppression settings from the command line (over the config's). */
  suppressions: SuppressionSettings;
  /** reportUnused when neither the command line nor the config sets it. */
  unusedDefault: SeveritySetting;
  /** --cache (then the run stays on one thread). */
  cache?: LintCache;
  /** The output format reads the text of files with findings (SARIF: the ranges of fix edits); others get none. */
  keepSources: boolean;
}

interface LintOutput {
  notifications: string[];
}

/** Receives each file's report, in target order. */
type ReportSink = (report: FileReport) => void;

/**
 * From this many files on, V8 optimises without inlining. V8 optimises a function once it has run often, and with
 * inlining each of those compilations also compiles the functions it calls, again and again. A large run calls a
 * hundred rules a few thousand times each, so most of its CPU time went into optimising rather than linting: without
 * inlining a thousand specs take about a third less CPU and ten thousand a quarter less (`npm run bench`), and the
 * optimised code is hardly slower. A run of a few files ends before much is optimised, and would only pay for loading
 * `node:v8` (with the stream modules it needs), so it keeps the defaults.
 */
const MANY_FILES = 100;

async function tuneForManyFiles(targets: readonly Target[]): Promise<void> {
  if (targets.length < MANY_FILES) return;
  // The bundles' code caches are written under the default flags, and V8 rejects a cache written under other flags:
  // the bundle of the yaml library, which such a run likely needs for some file (YAML that acklint's own reader of
  // plain YAML declines), is loaded first (the others are small).
  if (targets.some((t) => t.abs === undefined || !/\.jsonc?$/i.test(t.abs))) await loadYamlParser();
  (await import('node:v8')).setFlagsFromString('--no-turbo-inlining');
}

/** Below this many files a run stays on one thread: starting a worker costs about as much as linting 300 specs. */
const PARALLEL_MIN_FILES = 600;

const NO_TEXT = new SourceText('');

/**
 * Lints the targets in order. Large runs on machines with four cores or more are shared with worker threads, each
 * taking a contiguous slice; the reports come back in target order, so output does not depend on the split.
 */
async function lintAll(targets: Target[], options: LintRunOptions, settings: RunSettings, emit: ReportSink): Promise<LintOutput> {
  await tuneForManyFiles(targets);
  // Worker threads besides this one. On two cores V8's own background threads (garbage collection, compilation)
  // already use the second core and a worker gained nothing (measured), so by default workers start only from four
  // cores. ACKLINT_THREADS=N sets the total number of threads (1: no workers).
  const launcher = typeof __dirname === 'string' ? join(__dirname, '..', 'bin', 'acklint.cjs') : undefined;
  const minFiles = Number(process.env.ACKLINT_PARALLEL_MIN_FILES) || PARALLEL_MIN_FILES; // lowered by tests
  if (options.cache || targets.length < minFiles || !launcher || !existsSync(launcher) || targets.some((t) => t.abs === undefined)) {
    return lintTargets(targets, options, settings, emit);
  }
  // Only a large run asks: node:os is loaded on first use, not at every start (about 0.1 ms).
  const forced = Number(process.env.ACKLINT_THREADS);
  const threads = Number.isInteger(forced) && forced >= 1 ? Math.min(7, forced - 1) : Math.min(3, process.getBuiltinModule('node:os').availableParallelism() - 2);
  if (threads < 1) return lintTargets(targets, options, settings, emit);
  const share = Math.ceil(targets.length / (threads + 1));
  const slices = Array.from({ length: threads + 1 }, (_, i) => targets.slice(i * share, (i + 1) * share)).filter((s) => s.length > 0);
  const fromWorkers = slices.slice(1).map((slice) => runInWorker(launcher, slice, options));
  // A worker that fails is reported when its turn comes, not as an unhandled rejection while others still run.
  for (const w of fromWorkers) w.catch(() => undefined);
  // Tests check that a run really was shared (the output must not show it).
  if (process.env.ACKLINT_REPORT_THREADS === '1') process.stderr.write(`acklint: ${fromWorkers.length} worker thread(s)\n`);
  // This thread's slice is written as it goes; a worker's reports come back at once and are written in their turn.
  const notifications = (await lintTargets(slices[0]!, options, settings, emit)).notifications;
  for (const pending of fromWorkers) {
    const reply = await pending;
    for (const report of reply.reports) emit(report);
    notifications.push(...reply.notifications);
  }
  return { notifications };
}

interface WorkerReply {
  ok: boolean;
  error?: string;
  reports?: Array<Omit<FileReport, 'source'> & { text: string }>;
  notifications?: string[];
}

/** The argument a worker thread of a large run is started with (see cli.ts). */
export const WORKER_ARG = '--acklint-worker-thread';

function runInWorker(launcher: string, targets: Target[], options: LintRunOptions): Promise<LintOutput & { reports: FileReport[] }> {
  return new Promise((resolvePromise, reject) => {
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    const worker = new Worker(launcher, { argv: [WORKER_ARG], workerData: { acklintWorker: true, targets, options }, stdout: false, stderr: false });
    worker.once('message', (reply: WorkerReply) => {
      void worker.terminate();
      if (!reply.ok) return reject(new UsageError(reply.error ?? 'a worker thread failed'));
      resolvePromise({
        // Only reports with findings carry their text (formatters read it for fix ranges); the rest get an empty one.
        reports: reply.reports!.map(({ text, ...r }) => ({ ...r, source: new SourceText(text) })),
        notifications: reply.notifications!,
      });
    });
    worker.once('error', (err) => reject(err));
  });
}

/** Entry point of a worker thread started by {@link runInWorker}. */
export async function workerMain(data: { targets: Target[]; options: LintRunOptions }): Promise<void> {
  const port = process.getBuiltinModule('node:worker_threads').parentPort!;
  try {
    const resolver = new ConfigResolver(ruleMetas());
    const explicitConfig = data.options.configPath ? await resolver.load(data.options.configPath) : undefined;
    const reports: WorkerReply['reports'] = [];
    const out = await lintTargets(data.targets, data.options, new RunSettings(data.options, resolver, explicitConfig), ({ source, ...r }) =>
      reports.push({ ...r, text: r.diagnostics.length ? source.text : '' }),
    );
    port.postMessage({ ok: true, reports, notifications: out.notifications } satisfies WorkerReply);
  } catch (err) {
    port.postMessage({ ok: false, error: (err as Error)?.message ?? String(err) } satisfies WorkerReply);
  }
}

/**
 * What the configs say about each file of a run: its config, rule levels and suppression settings, worked out once per
 * config (per file for a config with overrides); and what the run reports on: the rules enabled for any of its files
 * and the policies of its configs.
 */
class RunSettings {
  readonly enabledIds = new Set<string>();
  /** The policies of the configs used, by id (the last config read wins for an id defined twice). */
  readonly policies = new Map<string, RuleMeta>();
  // What a config says about its files, when it says the same about all of them (no overrides): most runs have one
  // or two configs, so this is not redone for every file.
  private readonly perConfig = new Map<AcklintConfig, FileSettings>();
  // Each target is asked for twice (before the first report, for the rules the run reports on; then when it is linted).
  private readonly perTarget = new WeakMap<Target, { absPath?: string; config: AcklintConfig; forFile: FileSettings }>();

  constructor(
    private readonly options: LintRunOptions,
    private readonly resolver: ConfigResolver,
    readonly explicitConfig?: AcklintConfig,
  ) {}

  async configFor(abs: string | undefined): Promise<AcklintConfig> {
    return this.explicitConfig ?? (abs ? await this.resolver.forFile(abs) : await this.resolver.forDirectory(process.cwd()));
  }

  async forTarget(t: Target): Promise<{ absPath?: string; config: AcklintConfig; forFile: FileSettings }> {
    const known = this.perTarget.get(t);
    if (known) return known;
    const { stdinName } = this.options;
    // Where the file is, or would be: stdin with --stdin-filename counts as that file for config lookup and SARIF.
    const absPath = t.abs ?? (stdinName ? resolve(stdinName) : undefined);
    const config = await this.configFor(absPath);
    let forFile = this.perConfig.get(config);
    if (!forFile) {
      forFile = this.fileSettings(config, absPath);
      if (!config.overrides.length) this.perConfig.set(config, forFile);
    }
    const found = { absPath, config, forFile };
    this.perTarget.set(t, found);
    return found;
  }

  private fileSettings(config: AcklintConfig, absPath: string | undefined): FileSettings {
    // Rule levels of this file: the config (with its overrides for this path), then --rule.
    const settings = settingsForFile(config, absPath);
    const severities = { ...settings.severities, ...this.options.cliRules };
    for (const r of withPolicies(builtinRules, config)) if ((severities[r.meta.id] ?? r.meta.defaultSeverity) !== 'off') this.enabledIds.add(r.meta.id);
    for (const p of config.policies ?? []) this.policies.set(p.meta.id, p.meta);
    const suppressions: SuppressionSettings = { reportUnused: this.options.unusedDefault, ...settings.suppressions, ...this.options.suppressions };
    return { settings, severities, suppressions };
  }
}

interface FileSettings {
  settings: ReturnType<typeof settingsForFile>;
  severities: Record<string, SeveritySetting>;
  suppressions: SuppressionSettings;
}

async function lintTargets(targets: Target[], options: LintRunOptions, run: RunSettings, emit: ReportSink): Promise<LintOutput> {
  const { cwd, stdinName, cliRules, maxFileSize } = options;
  const explicitConfig = run.explicitConfig;
  // Inventory files from --inventory (relative to the working directory) and from each file's config (relative
  // to the config): read once per distinct list; a bad file ends the run with exit code 2 before anything is linted.
  const inventories = new InventoryLoader(options.inventory, (p) => displayOf(p, cwd));
  if (options.inventory.length) inventories.forConfig(explicitConfig ?? defaultConfig());
  const notifications: string[] = [];
  // --cache: what besides its bytes decides a file's findings, worked out once per file settings and kind of target.
  const cacheKeys = new WeakMap<object, Map<string, string>>();
  const cacheSettings = (forFile: object, parts: Parameters<typeof settingsKey>[0] & { config: AcklintConfig }): string => {
    let keys = cacheKeys.get(forFile);
    if (!keys) cacheKeys.set(forFile, (keys = new Map()));
    const id = `${parts.config.path ?? ''}\0${parts.limit}\0${parts.filtered}`;
    let key = keys.get(id);
    if (key === undefined) keys.set(id, (key = settingsKey({ ...parts, file: forFile })));
    return key;
  };

  for (const t of targets) {
    const { absPath, config, forFile } = await run.forTarget(t);
    const { settings, severities, suppressions } = forFile;
    const filtered = (t.fromWalk || options.onlySpecs) && t.abs !== undefined;

    const limit = maxFileSize ?? config.maxFileSize;
    let bytes: Uint8Array;
    let fileSize: number | undefined;
    let displayPath: string;
    if (t.abs === undefined) {
      bytes = readStdin();
      displayPath = stdinName ?? '<stdin>';
    } else {
      try {
        ({ bytes, size: fileSize } = readUpTo(t.abs, limit));
      } catch (err) {
        const msg = `cannot read ${displayOf(t.abs, cwd)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
        if (!t.fromWalk) throw new UsageError(msg);
        notifications.push(msg);
        continue;
      }
      displayPath = displayOf(t.abs, cwd);
    }

    let onlyClusterSpecs = false;
    if ((t.fromWalk || options.onlySpecs) && t.abs) {
      const named = configNamesFile(config, t.abs);
      if (!named) {
        // Cheap pre-filter: a file that never mentions cluster_type cannot be a CreateCluster body.
        if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('cluster_type') < 0) continue;
        // A file over the size limit is not parsed, so it cannot show that it is a spec; one whose first bytes
        // mention cluster_type is reported as too large rather than skipped.
        onlyClusterSpecs = fileSize === undefined || fileSize <= limit;
      }
    }

    const fileName = t.abs ?? stdinName;
    const inventory = inventories.forConfig(config);
    const lintOptions: LintOptions = {
      ...(inventory ? { inventory } : {}),
      fileName,
      format: fileName ? formatFromName(fileName) : undefined,
      rules: withPolicies(builtinRules, config),
      severities,
      limits: { maxFileSize: limit },
      fileSize,
      onlyClusterSpecs,
      suppressions,
      pointerOverrides: settings.pointerOverrides,
    };
    const cacheKey = options.cache && t.abs ? LintCache.key(bytes, fileSize, cacheSettings(forFile, { config, cliRules, inventory: inventories.paths(config), limit, filtered })) : undefined;
    const cached = cacheKey ? options.cache!.get(t.abs!, cacheKey, bytes) : undefined;
    let result: LintResult = cached ?? (await lint(bytes, lintOptions));
    if (cacheKey && !cached) options.cache!.set(t.abs!, cacheKey, result);
    if (result.skipped) continue;
    const report: FileReport = { displayPath, absPath, diagnostics: [], source: result.source };
    if (options.fix && result.problems.every((p) => p.code !== 'too-large' && p.code !== 'binary' && p.code !== 'encoding')) {
      const fixed = await fixFile(result, lintOptions);
      result = fixed.result;
      if (fixed.error) report.fixError = fixed.error;
      if (fixed.changed) {
        // The fixed text is the file itself: its password values are masked, as in every other output.
        if (options.fix === 'dry-run') report.output = collectSecrets(parseFileSync(fixed.text, { fileName, format: result.format })).scrub(fixed.text);
        else {
          try {
            writeFileSync(t.abs!, fixed.text);
          } catch (err) {
            throw new UsageError(`cannot write ${displayPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
          }
        }
        report.fixed = fixed.count;
      }
      report.source = result.source;
    }
    report.diagnostics = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    // A report keeps no text unless its format reads it for a file with findings: a large run holds only what it
    // will print.
    if (!options.keepSources || (!report.diagnostics.length && report.output === undefined)) report.source = NO_TEXT;
    emit(report);
  }
  return { notifications };
}

/**
 * --fix / --fix-dry-run on one file: safe fixes applied until none is left (core's fixUntilStable), then the findings
 * of the fixed text.
 */
async function fixFile(first: LintResult, options: LintOptions): Promise<{ text: string; changed: boolean; count: number; error?: string; result: LintResult }> {
  if (first.format === 'yaml') await loadYamlParser();
  const original = (first.source.hadBom ? '\uFEFF' : '') + first.source.text;
  let firstPass = true;
  const outcome = fixUntilStable(original, (text) => {
    if (firstPass) {
      firstPass = false;
      return first;
    }
    return lintSync(text, options);
  });
  return { text: outcome.text, changed: outcome.changed, count: outcome.fixed.length, ...(outcome.error ? { error: outcome.error } : {}), result: outcome.result };
}

/**
 * Standard output is a terminal. Asking Node (process.stdout.isTTY) creates the process.stdout stream, and with it
 * loads Node's stream modules: a few per cent of the start-up of a one-file run, which writes its report with
 * fs.writeSync. A file, a pipe, a socket or /dev/null, what CI, hooks and scripts give, is told apart without it.
 */
function stdoutIsTerminal(): boolean {
  return (stdoutTerminal ??= askStdoutIsTerminal());
}

let stdoutTerminal: boolean | undefined;

function askStdoutIsTerminal(): boolean {
  if (process.platform !== 'win32') {
    try {
      const st = fstatSync(1);
      if (st.isFile() || st.isFIFO() || st.isSocket()) return false;
      if (st.isCharacterDevice() && st.rdev === statSync('/dev/null').rdev) return false;
    } catch {
      // Closed or unusual: Node decides.
    }
  }
  return Boolean(process.stdout.isTTY);
}

/** The CI environment variable most CI systems set (GitHub Actions, GitLab CI, CircleCI, Travis, Buildkite…). */
function isCi(): boolean {
  const v = process.env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** The top of the git work tree around `dir` (where `.git` is), found without running git; undefined outside one. */
export function gitTopLevel(dir: string): string | undefined {
  let cur = resolve(dir);
  for (;;) {
    if (existsSync(join(cur, '.git'))) return cur;
    const parent = resolve(cur, '..');
    if (parent === cur) return undefined;
    cur = parent;
  }
}

/** --cache-location: a file, or a directory to hold the default cache file; .acklintcache in the working directory by default. */
function cacheLocation(given: string | undefined): string {
  const abs = resolve(given ?? DEFAULT_CACHE_FILE);
  try {
    if (statSync(abs).isDirectory()) return join(abs, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: it is the cache file
  }
  return abs;
}

function isArgError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function parseRuleFlags(flags: string[], known: Set<string>): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const f of flags) {
    const m = /^([^=]+)=(.+)$/.exec(f);
    if (!m) throw new UsageError(`--rule expects id=severity (for example --rule cluster-name-format=off), got "${f}"`);
    const [, rawId, rawSev] = m as unknown as [string, string, string];
    const id = rawId.trim();
    const sev = SEVERITY_ALIASES[rawSev.trim()] ?? rawSev.trim();
    // A policy id is checked against the configs of the run once they are read.
    if (!known.has(id) && !id.startsWith('policy/')) throw new UsageError(`unknown rule "${id}"${suggest(id, known)}`);
    if (!(SEVERITIES as readonly string[]).includes(sev)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')} (or warn, 0, 1, 2)`);
    out[id] = sev as SeveritySetting;
  }
  return out;
}

function parseCount(s: string, flag: string): number {
  if (!/^\d+$/.test(s)) throw new UsageError(`${flag} expects a whole number, got "${s}"`);
  return Number(s);
}

function parseSizeFlag(s: string): number {
  try {
    return parseSize(/^\d+$/.test(s) ? Number(s) : s);
  } catch (err) {
    throw new UsageError(`--max-file-size: ${(err as Error).message}`);
  }
}

/**
 * A file's bytes; for a file over the size limit only its first 64 KiB (enough for a directory scan to see whether it
 * mentions cluster_type): it is reported as too large, never read whole.
 */
function readUpTo(path: string, limit: number): { bytes: Uint8Array; size: number } {
  const fd = openSync(path, 'r');
  try {
    // A file of up to 64 KiB (most specs) is read into a buffer shared by all files and copied out, without asking
    // for its size: the size check and readFileSync each asked, once as a Stats object to build (about 6% of the CPU
    // time of a run of 4,000 small specs).
    let total = 0;
    while (total < HEAD_BYTES) {
      const n = readSync(fd, readBuffer, total, HEAD_BYTES - total, null);
      if (n === 0) return { bytes: Buffer.from(readBuffer.subarray(0, total)), size: total };
      total += n;
    }
    const size = fstatSync(fd).size;
    if (size > limit) return { bytes: Buffer.from(readBuffer), size };
    // The rest from where the first 64 KiB end (a pipe reports no size, and is read to its end).
    const rest = readFileSync(fd);
    return { bytes: Buffer.concat([readBuffer, rest]), size: total + rest.length };
  } finally {
    closeSync(fd);
  }
}

/** What is read of a file over the size limit, and of every file before its size is asked for. */
const HEAD_BYTES = 64 * 1024;
const readBuffer = Buffer.allocUnsafe(HEAD_BYTES);

/**
 * A file named on the command line that cannot be read ends the run (exit code 2) before anything is written, as it
 * did when reports were written at the end of the run.
 */
function checkReadable(abs: string, cwd: string): void {
  try {
    accessSync(abs, constants.R_OK);
  } catch (err) {
    throw new UsageError(`cannot read ${displayOf(abs, cwd)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EOF') return new Uint8Array();
    throw new UsageError(`cannot read standard input: ${code ?? (err as Error).message}`);
  }
}

function displayOf(abs: string, cwd: string): string {
  // A file under the working directory (most files of most runs) without path.relative's normalising.
  if (abs.length > cwd.length + 1 && abs.startsWith(cwd) && abs[cwd.length] === sep && !cwd.endsWith(sep)) {
    const rel = abs.slice(cwd.length + 1);
    return sep === '/' ? rel : rel.split(sep).join('/');
  }
  const rel = relative(cwd, abs);
  return rel && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

async function expandTargets(args: string[]): Promise<Target[]> {
  const out: Target[] = [];
  let stdin = false;
  for (const arg of args) {
    if (arg === '-') {
      if (!stdin) out.push({ fromWalk: false });
      stdin = true;
      continue;
    }
    const abs = resolve(arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) walk(abs, out);
    else if (st) out.push({ abs, fromWalk: false });
    else if (/[*?[\]{}]/.test(arg)) {
      const { glob } = await import('tinyglobby');
      const matches = await glob(arg, { absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true });
      if (!matches.length) throw new UsageError(`no files match "${arg}"`);
      for (const m of matches) out.push({ abs: resolve(m), fromWalk: false });
    } else {
      throw new UsageError(`no such file or directory: ${arg}`);
    }
  }
  // Deterministic order; a file named twice is linted once (explicit beats found-by-walking). Paths are in the order of
  // their characters ignoring case, then with case (not a locale-aware comparison, which first sets up ICU's
  // collation data: about 5 ms of every run of two files or more).
  const byPath = new Map<string, Target>();
  for (const t of out) {
    const key = t.abs ?? '\u0000stdin';
    const prev = byPath.get(key);
    if (!prev || (prev.fromWalk && !t.fromWalk)) byPath.set(key, t);
  }
  const keyed = [...byPath.values()].map((t) => ({ t, path: t.abs ?? '', folded: (t.abs ?? '').toLowerCase() }));
  keyed.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return keyed.map((k) => k.t);
}

function walk(dir: string, out: Target[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(join(dir, e.name), out);
    } else if (e.isFile() && SPEC_EXTENSIONS.some((x) => e.name.toLowerCase().endsWith(x)) && !isConfigFile(e.name)) {
      out.push({ abs: join(dir, e.name), fromWalk: true });
    }
  }
}

function listRules(format: string, severities: Record<string, SeveritySetting>, policies: readonly RuleMeta[]): string {
  const rows = [...ruleMetas(), ...policies].map((m) => ({
    id: m.id,
    severity: severities[m.id] ?? m.defaultSeverity,
    defaultSeverity: m.defaultSeverity,
    category: m.category,
    description: m.description,
    fixable: Boolean(m.fixable),
    docs: docsUrlOf(m),
  }));
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const w = Math.max(...rows.map((r) => r.id.length));
  const lines = rows.map((r) => `${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.category.padEnd(11)}  ${r.description}`);
  return `${'rule'.padEnd(w)}  ${'level'.padEnd(7)}  ${'category'.padEnd(11)}  description\n${lines.join('\n')}\n`;
}

