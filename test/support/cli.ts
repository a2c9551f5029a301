/**
 * Helpers for end-to-end tests that spawn the real, bundled CLI (`packages/cli/bin/acklint.cjs`). `npm test` builds the
 * bundle before vitest runs; for a local run do `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const BIN = join(repoRoot, 'packages', 'cli', 'bin', 'acklint.cjs');
export const corpusDir = join(repoRoot, '..', 'shared', 'corpus');
export const referenceDir = join(repoRoot, '..', 'shared', 'reference');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Written to the child's standard input. */
  input?: string;
  /** Added to (or, with `undefined`, removed from) a colour-neutral copy of the environment. */
  env?: Record<string, string | undefined>;
  /** Arguments for node itself (before the script). */
  nodeArgs?: string[];
}

/** Run `node packages/cli/bin/acklint.cjs ...args` with pipes (so stdout is not a TTY). */
export function runCli(args: string[], opts: RunOptions = {}): RunResult {
  if (!existsSync(join(repoRoot, 'packages', 'cli', 'dist', 'acklint.cjs'))) {
    throw new Error('packages/cli/dist/acklint.cjs is missing: run `npm run build` first');
  }
  const env: Record<string, string | undefined> = { ...process.env };
  // Colour must come only from what a test asks for.
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], {
    cwd: opts.cwd ?? repoRoot,
    input: opts.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function makeTempDir(prefix = 'acklint-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A directory (a new temp one by default) holding the given files (relative path → content). */
export function writeTree(files: Record<string, string>, dir = makeTempDir()): string {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** Parse a SARIF log and validate it against the official SARIF 2.1.0 schema (test/fixtures/sarif). */
export function parseSarif(text: string): SarifLog {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  const log = JSON.parse(text) as SarifLog;
  const ok = validator(log);
  expect(ok ? [] : validator.errors, 'SARIF schema validation errors').toEqual([]);
  return log;
}

// Just enough of SARIF's shape for the assertions in the tests.
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
export interface SarifPhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string; index?: number };
  region: SarifRegion;
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: SarifPhysicalLocation; logicalLocations?: { fullyQualifiedName: string; kind: string }[] }[];
  relatedLocations?: { id: number; message: { text: string }; physicalLocation: SarifPhysicalLocation }[];
  partialFingerprints: Record<string, string>;
}
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[]; category: string };
}
export interface SarifRun {
  tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  artifacts: { location: { uri: string; uriBaseId: string } }[];
  columnKind: string;
  invocations: { executionSuccessful: boolean; workingDirectory: { uri: string }; toolExecutionNotifications?: unknown[] }[];
  results: SarifResult[];
}
export interface SarifLog {
  $schema: string;
  version: string;
  runs: SarifRun[];
}

/** One entry of the `json` formatter's output. */
export interface JsonFileResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  messages: {
    ruleId: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    pointer: string;
    document: number;
    related: { message: string; line: number; column: number; endLine: number; endColumn: number }[];
    docsUrl: string;
  }[];
}

/** ESC, as in an ANSI colour sequence. */
export const ANSI = /\u001b\[/;
