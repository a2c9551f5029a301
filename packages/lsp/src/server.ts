/**
 * The acklint language server. It lints with the same core, rules and config resolution as the CLI; what it adds is
 * the editor's side: documents as they are typed, which of them to lint and why, diagnostics pushed or pulled,
 * config and inventory files watched, hover and completion from the schema, quick fixes and a fix-all.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CONFIG_FILE_NAMES,
  ConfigError,
  ConfigResolver,
  DIRECTIVE_RULES,
  INTERNAL_ERROR_META,
  InventoryLoader,
  SourceText,
  defaultConfig,
  formatFromName,
  fixUntilStable,
  isAutoFixable,
  isClusterSpec,
  isConfigFile,
  isSuppressed,
  LintSession,
  lintSync,
  loadYamlParser,
  configNamesFile,
  nodePoolName,
  planEntries,
  renderPlanReport,
  safeFixEdits,
  redactText,
  secretsOf,
  settingsForFile,
  type AcklintConfig,
  type Diagnostic,
  type JsonValue,
  type LintOptions,
  type Node,
  type ParsedFile,
  type Rule,
  type RuleMeta,
  type SeveritySetting,
  type SourceFormat,
  type Span,
  VERSION,
  withPolicies,
} from '@acklint/core';
import { builtinRules } from '@acklint/rules';
import { modify as jsonModify } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Disposable,
  type DocumentSymbol,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { jsonContext, nodeAt, yamlContext } from './cursor.js';
import { disableCommentEdit } from './disable-comments.js';
import { fieldHover, fieldOf, keyCompletions, markdown, valueCompletions, valueHover } from './schema-help.js';

/** Client settings, section `acklint` (workspace/configuration, else initializationOptions.settings). */
export interface Settings {
  enable: boolean;
  /** Extra inventory files (relative paths are resolved against the workspace folder of the document). */
  inventory: string[];
  rules: Record<string, SeveritySetting>;
}

/** `acklint/status`: why a document is or is not linted, and which config applies. */
export interface StatusParams {
  uri: string;
  linted: boolean;
  reason: string;
  config?: string;
}

export const STATUS_NOTIFICATION = 'acklint/status';
export const PLAN_REQUEST = 'acklint/plan';
export const FIX_ALL_COMMAND = 'acklint.applyFixAll';
export const OPEN_DOCS_COMMAND = 'acklint.openDocs';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.acklint`;

export interface ServerOptions {
  /** "Today" for date-dependent rules and completion (tests fix it). */
  now?: () => Date;
  /** Milliseconds between the last keystroke and the lint of a pushed document (initializationOptions.lintDelay wins). */
  lintDelay?: number;
}

/** One lint decision and its result, for one version of one document. */
interface Linted {
  version: number;
  generation: number;
  linted: boolean;
  reason: string;
  format?: SourceFormat;
  parsed?: ParsedFile;
  diagnostics: Diagnostic[];
  lsp: LspDiagnostic[];
  config?: AcklintConfig;
  settings: Settings;
  path?: string;
  /** Milliseconds the parse and lint took. */
  cost?: number;
  /** How the document was linted (for fix-all, which lints again after each pass). */
  lintOptions?: LintOptions;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
const SEVERITY_SETTINGS = new Set(['off', 'info', 'warning', 'error']);
const RULES = new Map<string, Rule>(builtinRules.map((r) => [r.meta.id, r]));
/** What hover says about a finding: the built-in rules, and the engine's own findings (directives, internal errors). */
const META = new Map<string, RuleMeta>([...builtinRules.map((r) => r.meta), ...DIRECTIVE_RULES, INTERNAL_ERROR_META].map((m) => [m.id, m]));
const DEPRECATION_RULES = new Set(builtinRules.filter((r) => r.meta.tags.some((t) => t === 'deprecated' || t === 'deprecation')).map((r) => r.meta.id));
/** The policy of the config with this id (policies are rules of the config, not of acklint). */
function policyOf(config: AcklintConfig | undefined, id: string): RuleMeta | undefined {
  return config?.policies?.find((p) => p.meta.id === id)?.meta;
}
const LANGUAGE_FORMATS: Record<string, SourceFormat> = { json: 'json', jsonc: 'jsonc', yaml: 'yaml', 'yaml.docker-compose': 'yaml' };

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const now = options.now ?? (() => new Date());
  const documents = new TextDocuments(TextDocument);
  const knownIds = new Set(RULES.keys());
  // The YAML parser is loaded once, before the first lint; every lint after that is synchronous.
  const yamlReady = loadYamlParser().catch((err) => logError(`acklint: cannot load the YAML parser: ${String(err)}`));

  let initSettings: unknown;
  let lintDelay = options.lintDelay ?? 150;
  let pull = false;
  let configurationRequests = false;
  let dynamicWatch = false;
  let dynamicConfigChange = false;
  let refreshSupport = false;
  let snippets = false;
  let createFiles = false;
  let documentChanges = false;
  let showDocument = false;
  let resolveEdits = false;
  let folders: string[] = [];
  let workspaceFolderEvents = false;

  // Everything derived from files on disk (configs, inventories) belongs to one generation; a change to any of them
  // starts a new one, and results of an older generation are stale.
  let generation = 0;
  let resolver = new ConfigResolver(knownIds);
  let loaders = new Map<string, InventoryLoader>();
  const settingsCache = new Map<string, Promise<Settings>>();
  const results = new Map<string, Linted>();
  /** Per open document: its last parse and result, reused while its text and settings stay the same. */
  const sessions = new Map<string, LintSession>();
  const inflight = new Map<string, { version: number; generation: number; promise: Promise<Linted> }>();
  const timers = new Map<string, NodeJS.Timeout>();
  const lastStatus = new Map<string, string>();
  /** Problems found in config and inventory files, published on those files. */
  const fileProblems = new Map<string, LspDiagnostic[]>();
  /** Without file watching: the state of the config and inventory files each directory's result was made with. */
  const signatures = new Map<string, string>();
  let watched = new Set<string>();
  let watchRegistration: Promise<Disposable> | undefined;

  /** Messages to the client; once the connection is gone (the client quit) they are dropped. */
  const log = (message: string) => quietly(() => connection.console.info(message));
  const logError = (message: string) => quietly(() => connection.console.error(message));

  /** A handler that logs its exceptions and answers with `fallback` instead of failing the request. */
  function guarded<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        return await fn(...args);
      } catch (err) {
        if (err instanceof ResponseError) throw err;
        logError(`acklint: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; lintDelay?: unknown };
    initSettings = init.settings;
    if (typeof init.lintDelay === 'number' && init.lintDelay >= 0) lintDelay = init.lintDelay;
    pull = Boolean(caps.textDocument?.diagnostic);
    configurationRequests = Boolean(caps.workspace?.configuration);
    dynamicWatch = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    dynamicConfigChange = Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
    refreshSupport = Boolean(caps.workspace?.diagnostics?.refreshSupport);
    snippets = Boolean(caps.textDocument?.completion?.completionItem?.snippetSupport);
    createFiles = Boolean(caps.workspace?.workspaceEdit?.resourceOperations?.includes('create')) && Boolean(caps.workspace?.workspaceEdit?.documentChanges);
    documentChanges = Boolean(caps.workspace?.workspaceEdit?.documentChanges);
    showDocument = Boolean(caps.window?.showDocument?.support);
    resolveEdits = Boolean(caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'));
    workspaceFolderEvents = Boolean(caps.workspace?.workspaceFolders);
    folders = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined);
    if (!folders.length && params.rootUri) {
      const root = pathOf(params.rootUri);
      if (root) folders = [root];
    }
    return {
      capabilities: {
        // Core counts columns in UTF-16 code units, the encoding every client supports.
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', ' ', '-'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        documentSymbolProvider: true,
        executeCommandProvider: { commands: [FIX_ALL_COMMAND, OPEN_DOCS_COMMAND] },
        ...(pull ? { diagnosticProvider: { identifier: 'acklint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      ...(params.capabilities.workspace?.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      serverInfo: { name: 'acklint-lsp', version: VERSION },
    };
  });

  connection.onInitialized(
    guarded('initialized', undefined, async () => {
      if (dynamicConfigChange) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'acklint' });
      if (dynamicWatch) registerWatchers();
      if (workspaceFolderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          const removed = new Set(e.removed.map((f) => pathOf(f.uri)));
          folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined)];
          settingsCache.clear();
          reset('the workspace folders changed');
        });
      }
    }),
  );

  /** (Re-)registers file watchers for the config names and every other file results depend on (inventories, extends). */
  function registerWatchers(): void {
    const previous = watchRegistration;
    const watchers = [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }, ...[...watched].map((p) => ({ globPattern: p }))];
    watchRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    void previous?.then((d) => d.dispose()).catch(() => undefined);
  }

  // ---- settings ----

  function normalizeSettings(raw: unknown, uri: string): Settings {
    const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
    const base = folderOf(uri);
    const inventory = Array.isArray(s.inventory) ? s.inventory.filter((p): p is string => typeof p === 'string' && p !== '').map((p) => resolve(base, p)) : [];
    const rules: Record<string, SeveritySetting> = {};
    if (s.rules && typeof s.rules === 'object') {
      for (const [id, sev] of Object.entries(s.rules as Record<string, unknown>)) {
        if (!knownIds.has(id) && !id.startsWith('policy/')) log(`acklint: settings name an unknown rule "${id}"; ignored`);
        else if (typeof sev === 'string' && SEVERITY_SETTINGS.has(sev)) rules[id] = sev as SeveritySetting;
      }
    }
    return { enable: s.enable !== false, inventory, rules };
  }

  function settingsFor(uri: string): Promise<Settings> {
    let p = settingsCache.get(uri);
    if (!p) {
      p = (async () => {
        let raw: unknown;
        if (configurationRequests) {
          try {
            raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'acklint' });
          } catch {
            raw = undefined;
          }
        }
        return normalizeSettings(raw ?? initSettings, uri);
      })();
      settingsCache.set(uri, p);
    }
    return p;
  }

  function folderOf(uri: string): string {
    const path = pathOf(uri);
    if (!path) return folders[0] ?? process.cwd();
    return folders.filter((f) => path.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0] ?? dirname(path);
  }

  // ---- config and inventory files ----

  /** Forget everything read from config and inventory files, and lint the open documents again. */
  function reset(why: string): void {
    generation++;
    resolver = new ConfigResolver(knownIds);
    loaders = new Map();
    signatures.clear();
    for (const uri of fileProblems.keys()) quietly(() => connection.sendDiagnostics({ uri, diagnostics: [] }));
    fileProblems.clear();
    log(`acklint: ${why}; linting open documents again`);
    relintAll();
  }

  function relintAll(): void {
    if (pull) {
      if (refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
      // Statuses (and file problems) still follow each decision.
      for (const doc of documents.all()) void lintNow(doc).catch(() => undefined);
    } else {
      for (const doc of documents.all()) schedule(doc.uri, 0);
    }
  }

  /** A document's findings, plus the problems found in it as a config or inventory file (which its own lint lacks). */
  function withFileProblems(uri: string, r: Linted): LspDiagnostic[] {
    const extra = fileProblems.get(uri);
    return extra ? [...extra, ...r.lsp] : r.lsp;
  }

  function recordFileProblem(path: string, message: string, range?: LspRange): void {
    const uri = pathToFileURL(path).href;
    const d: LspDiagnostic = { range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'acklint', message };
    const prev = fileProblems.get(uri);
    if (prev && prev.some((p) => p.message === message)) return;
    const list = [...(prev ?? []), d];
    fileProblems.set(uri, list);
    quietly(() => connection.sendDiagnostics({ uri, diagnostics: list }));
  }

  /** A config error reads `path:line:col: message`; it becomes a diagnostic at that place of that file. */
  function configProblem(err: ConfigError, fallbackPath: string | undefined): string {
    const m = /^(.+?):(\d+):(\d+): ([\s\S]*)$/.exec(err.message);
    const file = m ? m[1]! : fallbackPath;
    if (file) {
      const pos = m ? { line: Number(m[2]) - 1, character: Number(m[3]) - 1 } : { line: 0, character: 0 };
      recordFileProblem(file, m ? m[4]! : err.message, { start: pos, end: { line: pos.line, character: pos.character + 1 } });
    }
    return file ?? 'the config';
  }

  /**
   * Without file watching, configs and inventories are checked on each lint: the config files in each directory up
   * from the document, and the other files the result depends on, by modification time and size.
   */
  function checkDiskState(path: string, inventory: readonly string[]): void {
    if (dynamicWatch) return;
    const parts: string[] = [];
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      for (const name of CONFIG_FILE_NAMES) parts.push(stamp(join(dir, name)));
      if (dirname(dir) === dir) break;
    }
    for (const p of inventory) parts.push(stamp(p));
    const sig = parts.join('|');
    const key = `${dirname(path)}\0${inventory.join('\0')}`;
    const prev = signatures.get(key);
    if (prev !== undefined && prev !== sig) {
      reset('a config or inventory file changed');
      signatures.set(key, sig);
      return;
    }
    signatures.set(key, sig);
  }

  // ---- linting ----

  function lintNow(doc: TextDocument): Promise<Linted> {
    const cached = results.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === generation) return Promise.resolve(cached);
    const running = inflight.get(doc.uri);
    if (running && running.version === doc.version && running.generation === generation) return running.promise;
    const settle = () => {
      if (inflight.get(doc.uri)?.promise === promise) inflight.delete(doc.uri);
    };
    const promise: Promise<Linted> = decideAndLint(doc).then((r) => {
      settle();
      // A newer version or generation may have finished first; keep the newest.
      const prev = results.get(doc.uri);
      if (documents.get(doc.uri) && (!prev || r.version > prev.version || (r.version === prev.version && r.generation >= prev.generation))) results.set(doc.uri, r);
      sendStatus(doc.uri, r);
      return r;
    }, (err: unknown) => {
      settle();
      throw err;
    });
    inflight.set(doc.uri, { version: doc.version, generation, promise });
    return promise;
  }

  async function decideAndLint(doc: TextDocument): Promise<Linted> {
    const version = doc.version;
    const uri = doc.uri;
    await yamlReady;
    const settings = await settingsFor(uri);
    const path = pathOf(uri);
    // The file name decides, as in the CLI; the editor's language where the name says nothing (untitled documents).
    const format = formatFromName(path ?? uri) ?? LANGUAGE_FORMATS[doc.languageId];
    const base = { version, generation, diagnostics: [], lsp: [], settings, ...(path ? { path } : {}) };
    if (!settings.enable) return { ...base, linted: false, reason: 'acklint.enable is false in the settings' };
    if (!format) return { ...base, linted: false, reason: `not JSON, JSONC or YAML (language ${doc.languageId})` };
    if (path && isConfigFile(path)) {
      await resolver.load(path).catch((err) => (err instanceof ConfigError ? configProblem(err, path) : Promise.reject(err)));
      return { ...base, linted: false, reason: 'an acklint config file (its problems are shown in it)' };
    }

    let config: AcklintConfig;
    let configNote = '';
    try {
      config = path ? await resolver.forFile(path) : folders[0] ? await resolver.forDirectory(folders[0]) : defaultConfig();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      const broken = configProblem(err, undefined);
      config = defaultConfig();
      configNote = `; ${broken} has an error, so the built-in defaults apply`;
    }
    const gen = generation;
    const loaderKey = settings.inventory.join('\0');
    let loader = loaders.get(loaderKey);
    if (!loader) loaders.set(loaderKey, (loader = new InventoryLoader(settings.inventory)));
    const inventoryPaths = loader.paths(config);
    // Files the result depends on besides the .acklint.* files up the tree: inventories, and configs named by extends:.
    const dependsOn = [...inventoryPaths, ...config.sources.filter((p) => !isConfigFile(p))];
    if (path) checkDiskState(path, dependsOn);
    if (gen !== generation) return decideAndLint(doc); // a file changed on disk: decide again from it
    if (dynamicWatch && dependsOn.some((p) => !watched.has(p))) {
      watched = new Set([...watched, ...dependsOn]);
      registerWatchers();
    }
    let inventory;
    try {
      inventory = loader.forConfig(config);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      const file = inventoryPaths.find((p) => err.message.includes(p)) ?? inventoryPaths[0];
      if (file) recordFileProblem(file, err.message);
      configNote += `; an inventory file has an error, so no inventory is used`;
    }

    const started = performance.now();
    const text = doc.getText();
    let session = sessions.get(uri);
    if (!session) sessions.set(uri, (session = new LintSession()));
    const parsed = session.parse(text, { ...(path ? { fileName: path } : {}), format, limits: { maxFileSize: config.maxFileSize } });
    const named = path !== undefined && configNamesFile(config, path);
    const configInfo = config.path ? { config: config.path } : {};
    if (!named && !isClusterSpec(parsed)) {
      const why = config.fileSets.some((f) => f.globs.length) && config.path ? ` and not named by files: in ${basename(config.path)}` : '';
      return { ...base, ...configInfo, config, format, parsed, linted: false, reason: `not a CreateCluster body (no cluster_type key)${why}${configNote}` };
    }
    // Rule levels, suppression settings and overrides at JSON pointers for this file, as the CLI applies them.
    const forFile = settingsForFile(config, path);
    const lintOptions: LintOptions = {
      ...(path ? { fileName: path } : {}),
      format,
      limits: { maxFileSize: config.maxFileSize },
      // The built-in rules and the policies of the config (the same array for every document under that config).
      rules: withPolicies(builtinRules, config),
      severities: { ...forFile.severities, ...settings.rules },
      suppressions: forFile.suppressions,
      pointerOverrides: forFile.pointerOverrides,
      now: now(),
      ...(inventory ? { inventory } : {}),
    };
    const result = session.lintParsed(parsed, lintOptions);
    const reason = named ? `named by files: in ${config.path}` : 'a CreateCluster body (it has cluster_type)';
    // Findings silenced by a suppression are kept by core for reports; an editor shows only the others.
    const shown = result.diagnostics.filter((d) => !isSuppressed(d));
    return {
      ...base,
      ...configInfo,
      config,
      format,
      parsed,
      linted: true,
      reason: reason + configNote,
      diagnostics: shown,
      lsp: shown.map((d) => toLsp(d, uri, parsed.source)),
      lintOptions,
      cost: performance.now() - started,
    };
  }

  function sendStatus(uri: string, r: Linted): void {
    const status: StatusParams = { uri, linted: r.linted, reason: r.reason, ...(r.config?.path ? { config: r.config.path } : {}) };
    quietly(() => connection.sendNotification(STATUS_NOTIFICATION, status));
    const line = `${r.linted ? 'linted' : 'not linted'}: ${r.reason}${r.config?.path ? ` (config ${r.config.path})` : ''}`;
    if (lastStatus.get(uri) !== line) {
      lastStatus.set(uri, line);
      log(`acklint: ${r.path ?? uri}: ${line}`);
    }
  }

  /**
   * The pause after a keystroke before linting: the configured delay, or as long as the last lint of the document took
   * when that is longer (up to 2 s), so that a large spec is not linted over and over while it is being typed.
   * A configured delay of 0 lints at once (the benchmark measures that way).
   */
  function typingDelay(uri: string): number {
    if (lintDelay === 0) return 0;
    return Math.max(lintDelay, Math.min(2000, results.get(uri)?.cost ?? 0));
  }

  function schedule(uri: string, delay = lintDelay): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publish(uri);
      }, delay),
    );
  }

  /** Push mode: lint the current version and publish, unless the document has moved on meanwhile. */
  const publish = guarded('lint', undefined, async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const r = await lintNow(doc);
    const current = documents.get(uri);
    if (!current || current.version !== r.version || r.generation !== generation) return; // stale: a newer lint follows
    await connection.sendDiagnostics({ uri, version: r.version, diagnostics: withFileProblems(uri, r) });
  });

  documents.onDidOpen((e) => {
    // Pull clients ask for diagnostics themselves; the status still follows the decision at once.
    if (pull) void lintNow(e.document).catch(() => undefined);
  });
  documents.onDidChangeContent((e) => {
    // Fired for the open too: the first lint starts at once, later ones after the pause in typing.
    const uri = e.document.uri;
    if (!pull) schedule(uri, results.has(uri) || inflight.has(uri) || timers.has(uri) ? typingDelay(uri) : 0);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    results.delete(uri);
    sessions.delete(uri);
    inflight.delete(uri);
    lastStatus.delete(uri);
    settingsCache.delete(uri);
    // A closed config or inventory file keeps its own problems until it is fixed.
    quietly(() => connection.sendDiagnostics({ uri, diagnostics: fileProblems.get(uri) ?? [] }));
  });
  documents.onDidSave((e) => {
    const path = pathOf(e.document.uri);
    if (path && (isConfigFile(path) || watched.has(path))) reset(`${basename(path)} was saved`);
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const cancelled = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'acklint: the request was cancelled', { retriggerRequest: true });
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (token.isCancellationRequested) throw cancelled();
      const r = await lintNow(doc);
      if (token.isCancellationRequested) throw cancelled();
      const resultId = `${r.generation}:${r.version}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      // Problems of the document as a config or inventory file travel by push alone: a client that pulls keeps pushed
      // and pulled diagnostics apart and would show them twice.
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: r.lsp };
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      logError(`acklint: diagnostics failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  connection.onDidChangeConfiguration(
    guarded('configuration change', undefined, (params) => {
      const s = (params.settings as { acklint?: unknown } | undefined)?.acklint;
      if (s !== undefined) initSettings = s;
      settingsCache.clear();
      reset('the settings changed');
    }),
  );
  connection.onDidChangeWatchedFiles(
    guarded('file change', undefined, (params) => {
      reset(`${params.changes.map((c) => basename(pathOf(c.uri) ?? c.uri)).join(', ')} changed`);
    }),
  );

  // ---- positions ----

  /** Core ranges count in the BOM-less text; the editor's text may still start with the BOM. */
  const bomShift = (source: SourceText) => (source.hadBom ? 1 : 0);

  function lspRange(source: SourceText, span: Span): LspRange {
    // Clamped like every finding's range: a parser's span of broken text may end inside a character (a surrogate pair).
    const r = source.rangeOf(source.clamp(span));
    const shift = bomShift(source);
    if (shift) {
      if (r.start.line === 0) r.start.character += shift;
      if (r.end.line === 0) r.end.character += shift;
    }
    return r;
  }

  function offsetOf(doc: TextDocument, source: SourceText, pos: { line: number; character: number }): number {
    let offset = doc.offsetAt(pos);
    // A position between the halves of a surrogate pair (a client may send one) stands for the start of its
    // character, so that no range made from it splits the character.
    const text = doc.getText();
    if (offset > 0 && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) offset--;
    return Math.max(0, offset - bomShift(source));
  }

  function toLsp(d: Diagnostic, uri: string, source: SourceText): LspDiagnostic {
    const out: LspDiagnostic = {
      range: lspRange(source, d.span),
      severity: SEVERITY[d.severity],
      code: d.ruleId,
      codeDescription: { href: d.docsUrl },
      source: 'acklint',
      message: d.message,
    };
    if (d.related.length) {
      out.relatedInformation = d.related.map((r) => ({
        location: { uri: r.file ? pathToFileURL(r.file).href : uri, range: r.file ? r.range : lspRange(source, r.span) },
        message: r.message,
      }));
    }
    if (DEPRECATION_RULES.has(d.ruleId)) out.tags = [DiagnosticTag.Deprecated];
    return out;
  }

  function lspEdits(source: SourceText, edits: readonly { start: number; end: number; newText: string }[]): LspTextEdit[] {
    return edits.map((e) => ({ range: lspRange(source, e), newText: e.newText }));
  }

  async function current(uri: string): Promise<{ doc: TextDocument; r: Linted } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    return { doc, r: await lintNow(doc) };
  }

  // ---- hover ----

  connection.onHover(
    guarded('hover', null, async (params): Promise<Hover | null> => {
      const got = await current(params.textDocument.uri);
      if (!got?.r.linted || !got.r.parsed) return null;
      const { doc, r } = got;
      const source = r.parsed!.source;
      const offset = offsetOf(doc, source, params.position);
      const parts: string[] = [];
      let range: LspRange | undefined;
      const hit = nodeAt(r.parsed!, offset);
      if (hit && hit.document.kind === 'cluster') {
        const f = fieldOf(hit.path);
        if (f) {
          const value = hit.on === 'value' && hit.node.kind === 'string' && !f.sensitive ? valueHover(hit.path, f, String((hit.node as { value: unknown }).value)) : undefined;
          parts.push(value ?? fieldHover(hit.path, f));
          range = lspRange(source, hit.span);
        }
      }
      for (const d of r.diagnostics) {
        if (offset < d.span.start || offset > d.span.end) continue;
        const meta = META.get(d.ruleId) ?? policyOf(r.config, d.ruleId);
        const line = `**acklint ${d.ruleId}**${meta ? `: ${meta.description}` : ''} [Docs](${d.docsUrl})`;
        if (!parts.includes(line)) parts.push(line);
        range ??= lspRange(source, d.span);
      }
      if (!parts.length) return null;
      // A value shown in a hover may be a password copied elsewhere in the document: masked as in every other output.
      return { contents: markdown(redactText(r.parsed!, parts.join('\n\n---\n\n'))), ...(range ? { range } : {}) };
    }),
  );

  // ---- completion ----

  connection.onCompletion(
    guarded('completion', [] as CompletionItem[], async (params) => {
      const got = await current(params.textDocument.uri);
      if (!got?.r.linted || !got.r.parsed) return [];
      const { doc, r } = got;
      const parsed = r.parsed!;
      const source = parsed.source;
      const offset = offsetOf(doc, source, params.position);
      const fmt = parsed.format;
      const document = parsed.documents.find((d) => offset >= d.span.start && offset <= d.span.end) ?? parsed.documents[0];
      const ctx = fmt === 'yaml' ? yamlContext(source, offset) : jsonContext(source.text, offset, document);
      if (!ctx) return [];
      const range = lspRange(source, ctx.replace);
      let items: Omit<CompletionItem, 'textEdit'>[];
      const extra: LspTextEdit[] = [];
      if (ctx.kind === 'key') {
        const typed = source.text.slice(ctx.replace.start, ctx.replace.end).replace(/^["']|["']$/g, '');
        ctx.present.delete(typed);
        items = keyCompletions(ctx.parent, ctx.present, { format: fmt, snippets, indent: ctx.indent, keyOnly: ctx.keyOnly, quoted: ctx.quoted, commaAfter: ctx.commaAfter, tab: indentUnit(source) });
        // `- ` in a list of strings: the values an item may take.
        if (!items.length && typeof ctx.parent[ctx.parent.length - 1] === 'number') items = valueCompletions(ctx.parent, { format: fmt, quoted: false, snippets }, now());
        if (ctx.commaBefore !== undefined) extra.push({ range: lspRange(source, { start: ctx.commaBefore, end: ctx.commaBefore }), newText: ',' });
      } else {
        items = valueCompletions(ctx.path, { format: fmt, quoted: ctx.quoted, snippets }, now());
      }
      return items.map((i) => ({ ...i, textEdit: { range, newText: i.insertText ?? i.label }, ...(extra.length ? { additionalTextEdits: extra } : {}) }));
    }),
  );

  // ---- code actions ----

  connection.onCodeAction(
    guarded('code action', [] as CodeAction[], async (params) => {
      const got = await current(params.textDocument.uri);
      if (!got?.r.linted || !got.r.parsed) return [];
      const { doc, r } = got;
      const source = r.parsed!.source;
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: CodeAction[] = [];
      const uri = doc.uri;
      const from = offsetOf(doc, source, params.range.start);
      const to = offsetOf(doc, source, params.range.end);
      const perRule = new Set<string>();
      for (let i = 0; i < r.diagnostics.length; i++) {
        const d = r.diagnostics[i]!;
        if (d.span.end < from || d.span.start > to) continue;
        const lsp = r.lsp[i]!;
        if (d.fix && wants(CodeActionKind.QuickFix)) {
          actions.push({
            title: d.fix.safe ? d.fix.title : `${d.fix.title} (unsafe: review the change)`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [lsp],
            isPreferred: d.fix.safe,
            edit: versionedEdit(doc, lspEdits(source, d.fix.edits)),
          });
        }
        if (perRule.has(d.ruleId) || !wants(CodeActionKind.QuickFix)) continue;
        perRule.add(d.ruleId);
        const suppress = r.config?.suppressions;
        if ((RULES.has(d.ruleId) || policyOf(r.config, d.ruleId)) && suppress?.inline !== false) {
          // A comment line inside a multi-line string (a YAML block scalar holding an addon's JSON config) would become
          // part of the string: there only the file-wide comment is offered.
          const lineStart = source.offsetAt({ line: d.range.start.line, character: 0 });
          const inString = nodeAt(r.parsed!, lineStart);
          const inside = inString?.on === 'value' && inString.node.kind === 'string' && inString.span.start < lineStart;
          for (const scope of inside ? (['file'] as const) : (['line', 'file'] as const)) {
            const edit = disableCommentEdit(source, r.parsed!.format, d.ruleId, d.range.start.line, scope, source.hadBom, suppress?.requireReason === true);
            if (edit) actions.push({ title: `Disable ${d.ruleId} for this ${scope}`, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: versionedEdit(doc, [edit]) });
          }
        }
        const off = turnOffAction(d.ruleId, r, lsp);
        if (off) actions.push(off);
        actions.push({ title: `Open docs for ${d.ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [lsp], command: { title: `Open docs for ${d.ruleId}`, command: OPEN_DOCS_COMMAND, arguments: [d.docsUrl] } });
      }
      if (wants(FIX_ALL_KIND) && (only || actions.length) && r.diagnostics.some(isAutoFixable)) {
        const action: CodeAction = { title: 'Fix all safe acklint problems', kind: FIX_ALL_KIND };
        // Asked for explicitly (on save, from a menu): every safe fix, pass after pass as `acklint --fix` applies them.
        // In the light bulb list the edit is made only if the client resolves the action (one pass where it cannot).
        if (only) action.edit = versionedEdit(doc, fixAllEdits(doc, r));
        else if (resolveEdits) action.data = { uri, version: doc.version };
        else action.edit = versionedEdit(doc, lspEdits(source, safeFixEdits(r.diagnostics)));
        actions.push(action);
      }
      return actions;
    }),
  );

  connection.onCodeActionResolve(
    guarded('code action resolve', null as unknown as CodeAction, async (action: CodeAction) => {
      const data = action.data as { uri?: unknown; version?: unknown } | undefined;
      if (action.kind !== FIX_ALL_KIND || typeof data?.uri !== 'string') return action;
      const got = await current(data.uri);
      if (!got || got.doc.version !== data.version || !got.r.linted) return action;
      return { ...action, edit: versionedEdit(got.doc, fixAllEdits(got.doc, got.r)) };
    }),
  );

  /**
   * Fix-all as one edit: core applies the safe fixes pass after pass (a fix can make another possible) until none is
   * left, and gives the text up if a pass would make it unreadable; the edit replaces only the part that changed
   * (see below for a part that holds a password).
   */
  function fixAllEdits(doc: TextDocument, r: Linted): LspTextEdit[] {
    if (!r.lintOptions) return [];
    const before = doc.getText();
    const out = fixUntilStable(before, (t) => lintSync(t, r.lintOptions!));
    if (!out.changed) return [];
    const edit = changedPart(doc, before, out.text);
    // The one edit carries the unchanged text between the first change and the last; where that holds a password,
    // the first pass's fixes go as they are instead (a fix's own text never holds one).
    if (r.parsed && secretsOf(r.parsed).contains(edit.newText)) return lspEdits(r.parsed.source, safeFixEdits(r.diagnostics));
    return [edit];
  }

  function versionedEdit(doc: TextDocument, edits: LspTextEdit[]): WorkspaceEdit {
    return documentChanges ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] } : { changes: { [doc.uri]: edits } };
  }

  /** "Turn <rule> off in .acklint.yaml": an edit of the nearest config, or a new .acklint.yaml beside the workspace. */
  function turnOffAction(ruleId: string, r: Linted, diagnostic: LspDiagnostic): CodeAction | undefined {
    if (!RULES.has(ruleId) && !policyOf(r.config, ruleId)) return undefined;
    const path = r.config?.path;
    if (path) {
      const open = documents.get(pathToFileURL(path).href);
      let text: string;
      try {
        text = open?.getText() ?? readText(path);
      } catch {
        return undefined;
      }
      const edits = setRuleOff(text, path, ruleId);
      if (!edits) return undefined;
      const uri = pathToFileURL(path).href;
      return {
        title: `Turn ${ruleId} off in ${basename(path)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: documentChanges ? { documentChanges: [{ textDocument: { uri, version: open?.version ?? null }, edits }] } : { changes: { [uri]: edits } },
      };
    }
    if (!createFiles || !r.path) return undefined;
    const dir = folders.find((f) => r.path!.startsWith(`${f}/`)) ?? dirname(r.path);
    const uri = pathToFileURL(join(dir, '.acklint.yaml')).href;
    return {
      title: `Turn ${ruleId} off in .acklint.yaml`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `rules:\n  ${ruleId}: off\n` }] },
        ],
      },
    };
  }

  // ---- commands and requests ----

  connection.onExecuteCommand(
    guarded('command', null, async (params) => {
      if (params.command === FIX_ALL_COMMAND) {
        const uri = params.arguments?.[0];
        if (typeof uri !== 'string') throw new ResponseError(-32602, `${FIX_ALL_COMMAND} expects the document URI as its argument`);
        const got = await current(uri);
        if (!got?.r.linted || !got.r.parsed) return null;
        const edits = fixAllEdits(got.doc, got.r);
        if (!edits.length) return null;
        await connection.workspace.applyEdit({ label: 'acklint: fix all safe problems', edit: versionedEdit(got.doc, edits) });
        return null;
      }
      if (params.command === OPEN_DOCS_COMMAND) {
        const url = params.arguments?.[0];
        if (typeof url !== 'string') return null;
        if (showDocument) await connection.window.showDocument({ uri: url, external: true });
        else await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `acklint docs for this rule: ${url}` });
        return null;
      }
      throw new ResponseError(-32601, `unknown command ${params.command}`);
    }),
  );

  connection.onRequest(
    PLAN_REQUEST,
    guarded('plan', { text: 'acklint: the plan could not be made (see the acklint output)' }, async (params: { uri?: unknown }) => {
      const uri = typeof params?.uri === 'string' ? params.uri : '';
      const got = await current(uri);
      if (!got) return { text: 'No address plan: the document is not open.' };
      const { r } = got;
      if (!r.linted || !r.parsed) return { text: `No address plan: ${r.reason}.` };
      const loader = loaders.get(r.settings.inventory.join('\0'));
      let inventory;
      try {
        inventory = r.config && loader ? loader.forConfig(r.config) : undefined;
      } catch {
        inventory = undefined;
      }
      const name = r.path ? basename(r.path) : uri;
      const forFile = r.config ? settingsForFile(r.config, r.path) : undefined;
      const entries = planEntries(r.parsed, name, {
        rules: builtinRules,
        severities: { ...forFile?.severities, ...r.settings.rules },
        ...(forFile ? { suppressions: forFile.suppressions, pointerOverrides: forFile.pointerOverrides } : {}),
        ...(r.path ? { fileName: r.path } : {}),
        ...(inventory ? { inventory } : {}),
      });
      return { text: entries.length ? renderPlanReport(entries) : 'No address plan: the document has no CreateCluster body.' };
    }),
  );

  // ---- document symbols ----

  connection.onDocumentSymbol(
    guarded('document symbols', [] as DocumentSymbol[], async (params) => {
      const got = await current(params.textDocument.uri);
      if (!got?.r.parsed) return [];
      const parsed = got.r.parsed;
      const source = parsed.source;
      const out: DocumentSymbol[] = [];
      for (const d of parsed.documents) {
        if (d.kind !== 'cluster' || d.root?.kind !== 'object') continue;
        const v = d.value as Record<string, JsonValue>;
        const name = typeof v['name'] === 'string' && v['name'] ? v['name'] : `cluster${parsed.documents.length > 1 ? ` (document ${d.index + 1})` : ''}`;
        const children: DocumentSymbol[] = [];
        const list = (key: string, kind: SymbolKind, nameOf: (item: JsonValue | undefined, i: number) => string) => {
          const entry = d.root!.kind === 'object' ? d.root!.byKey.get(key) : undefined;
          if (!entry || entry.value.kind !== 'array') return;
          const items = entry.value.items.map((item: Node, i: number) => symbol(nameOf((v[key] as JsonValue[] | undefined)?.[i], i), kind, item, item, []));
          children.push(symbol(key, SymbolKind.Array, { start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.value.end) }, entry.keySpan, items));
        };
        list('nodepools', SymbolKind.Object, (item, i) => nodePoolName(item, i).replace(/^node pool /, '').replace(/^"(.*)"$/, '$1'));
        list('addons', SymbolKind.Package, (item, i) => {
          const n = item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, JsonValue>)['name'] : undefined;
          return typeof n === 'string' && n ? n : `addons[${i}]`;
        });
        const nameEntry = d.root.byKey.get('name');
        out.push(symbol(name, SymbolKind.Module, d.span, nameEntry?.keySpan ?? { start: d.root.start, end: d.root.start }, children));
      }
      return out;

      function symbol(name: string, kind: SymbolKind, span: Span, selection: Span, children: DocumentSymbol[]): DocumentSymbol {
        const range = lspRange(source, span);
        const sel = lspRange(source, { start: Math.max(span.start, Math.min(selection.start, span.end)), end: Math.min(span.end, Math.max(selection.end, selection.start)) });
        // Names are the document's values (a node pool or cluster may be named with a password): masked like any output.
        return { name: redactText(parsed, name) || ' ', kind, range, selectionRange: sel, children };
      }
    }),
  );

  documents.listen(connection);
}

/** Runs a send to the client, dropping the failure when the connection has closed (sync throw or rejection). */
function quietly(send: () => unknown): void {
  try {
    const p = send();
    if (p instanceof Promise) p.catch(() => undefined);
  } catch {
    // The client is gone; there is no one to tell.
  }
}

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The edits that set `rules.<id>: off` in a config text (YAML through the yaml library, JSON through jsonc-parser). */
export function setRuleOff(text: string, path: string, ruleId: string): LspTextEdit[] | undefined {
  const source = new SourceText(text);
  if (/\.ya?ml$/i.test(path)) {
    const doc = parseDocument(source.text);
    if (doc.errors.length) return undefined;
    if (doc.contents === null) return [{ range: { start: { line: 0, character: 0 }, end: source.rangeOf({ start: text.length, end: text.length }).end }, newText: `rules:\n  ${ruleId}: off\n` }];
    doc.setIn(['rules', ruleId], 'off');
    const end = source.positionAt(source.text.length);
    return [{ range: { start: { line: 0, character: source.hadBom ? 1 : 0 }, end: source.hadBom && end.line === 0 ? { line: 0, character: end.character + 1 } : end }, newText: doc.toString() }];
  }
  const edits = jsonModify(source.text, ['rules', ruleId], 'off', { formattingOptions: { insertSpaces: true, tabSize: 2, eol: source.text.includes('\r\n') ? '\r\n' : '\n' } });
  const shift = source.hadBom ? 1 : 0;
  return edits.map((e) => {
    const r = source.rangeOf({ start: e.offset, end: e.offset + e.length });
    if (shift) {
      if (r.start.line === 0) r.start.character += shift;
      if (r.end.line === 0) r.end.character += shift;
    }
    return { range: r, newText: e.content };
  });
}

/** One edit that turns `before` (the document's text) into `after`, covering only what differs between them. */
function changedPart(doc: TextDocument, before: string, after: string): LspTextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isHighSurrogate(before.charCodeAt(before.length - end - 1))) end--;
  return { range: { start: doc.positionAt(start), end: doc.positionAt(before.length - end) }, newText: after.slice(start, after.length - end) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The indentation unit of a YAML document (the smallest indentation it uses), two spaces by default. */
function indentUnit(source: SourceText): string {
  let min = Infinity;
  const lines = Math.min(source.lineCount, 400);
  for (let l = 0; l < lines; l++) {
    const m = /^( +)\S/.exec(source.lineText(l));
    if (m && m[1]!.length < min) min = m[1]!.length;
  }
  return ' '.repeat(Number.isFinite(min) && min <= 8 ? min : 2);
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A file's modification time and size, or `-` when it does not exist. */
function stamp(path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? `${st.mtimeMs}:${st.size}` : '-';
}
