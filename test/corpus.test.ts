/**
 * The real-world corpus (../shared/corpus, read-only): every file is linted through the core API and through the CLI.
 * Nothing may crash or report an internal error, every range must be inside its file, non-CreateCluster documents
 * must say so, and no password of the corpus may appear in any output.
 *
 * The findings are kept in test/fixtures/corpus.expected.txt, a reviewed snapshot compared exactly. After a rule
 * change, regenerate with `UPDATE_CORPUS=1 npx vitest run test/corpus.test.ts` and review the diff line by line.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_ID, lint, parseFile, type Diagnostic, type LintResult, type Node, type Range, type SourceText } from '@acklint/core';
import { builtinRules } from '@acklint/rules';
import { FIXTURE_NOW } from './support/fixtures.js';
import { corpusDir, parseSarif, repoRoot, runCli, type JsonFileResult } from './support/cli.js';

const SNAPSHOT = join(repoRoot, 'test', 'fixtures', 'corpus.expected.txt');
const update = process.env.UPDATE_CORPUS === '1';

const files = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => !f.startsWith('.')).sort() : [];

/** Corpus files by what PROVENANCE.md says they are. */
const provenance = existsSync(join(corpusDir, 'PROVENANCE.md')) ? readFileSync(join(corpusDir, 'PROVENANCE.md'), 'utf8') : '';
function formatTag(file: string): string | undefined {
  const row = provenance.split('\n').find((l) => l.startsWith('| ') && l.includes(` ${file} `));
  return row?.split('|')[3]?.trim();
}
const rosFiles = files.filter((f) => formatTag(f)?.startsWith('ros-'));
const NODEPOOL_FILE = '19-cb-spider-alibaba-createnodepool-template.json';

const ROS_MESSAGE = 'This looks like a Resource Orchestration Service (ROS) template, whose properties are not CreateCluster field names; the CreateCluster checks do not apply to it.';
const NODEPOOL_MESSAGE = 'This looks like a CreateClusterNodePool request body (nodepool_info, scaling_group, …), not a CreateCluster body; the CreateCluster checks do not apply to it.';

interface Linted {
  file: string;
  text: string;
  result: LintResult;
}
const linted: Linted[] = [];
/** Every login_password / LoginPassword value in the corpus. */
const secrets = new Set<string>();

beforeAll(async () => {
  for (const file of files) {
    const abs = join(corpusDir, file);
    const bytes = readFileSync(abs);
    const result = await lint(bytes, { fileName: abs, rules: builtinRules, now: FIXTURE_NOW });
    linted.push({ file, text: bytes.toString('utf8'), result });
    await collectPasswords(bytes, abs);
  }
});

async function collectPasswords(bytes: Buffer, abs: string): Promise<void> {
  const text = bytes.toString('utf8');
  // Whatever the parser makes of the file, quoted JSON values...
  for (const m of text.matchAll(/"(?:login_password|LoginPassword)"\s*:\s*"([^"]+)"/g)) secrets.add(m[1]!);
  // ...and what the parser reads: a plain value, or a ROS parameter's Default.
  const parsed = await parseFile(bytes, { fileName: abs });
  const walk = (n: Node, depth: number): void => {
    if (depth > 64) return;
    if (n.kind === 'object') {
      for (const e of n.entries) {
        if (/^(login_password|LoginPassword)$/.test(e.key)) {
          if (e.value.kind === 'string') secrets.add(String((e.value as { value: unknown }).value));
          if (e.value.kind === 'object') {
            const def = e.value.byKey.get('Default')?.value;
            if (def?.kind === 'string') secrets.add(String(def.value));
          }
        }
        walk(e.value, depth + 1);
      }
    } else if (n.kind === 'array') for (const i of n.items) walk(i, depth + 1);
  };
  for (const d of parsed.documents) if (d.root) walk(d.root, 0);
}

function pos(r: Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** The snapshot: per file, one line per finding (`rule-id line:col-line:col severity message`), related locations indented. */
function renderSnapshot(): string {
  const out: string[] = [];
  for (const { file, result } of linted) {
    out.push(`## ${file}`);
    if (!result.diagnostics.length) out.push('(no findings)');
    for (const d of result.diagnostics) {
      out.push(`${d.ruleId} ${pos(d.range)} ${d.severity} ${d.message}`);
      for (const r of d.related) out.push(`  related ${pos(r.range)} ${r.message}`);
      if (d.fix) out.push(`  fix${d.fix.safe ? '' : '?'} ${d.fix.title}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function expectRangeMapsBack(source: SourceText, range: Range, span: { start: number; end: number }, what: string): void {
  expect(span.start, what).toBeGreaterThanOrEqual(0);
  expect(span.end, what).toBeGreaterThanOrEqual(span.start);
  expect(span.end, what).toBeLessThanOrEqual(source.text.length);
  for (const p of [range.start, range.end]) {
    expect(p.line, what).toBeGreaterThanOrEqual(0);
    expect(p.line, what).toBeLessThan(source.lineCount);
    expect(p.character, what).toBeGreaterThanOrEqual(0);
    expect(p.character, what).toBeLessThanOrEqual(source.lineText(p.line).length);
  }
  expect(source.offsetAt(range.start), what).toBe(span.start);
  expect(source.offsetAt(range.end), what).toBe(span.end);
}

describe('corpus', () => {
  it('is there, with the files PROVENANCE.md describes', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
    expect(files).toContain('PROVENANCE.md');
    expect(rosFiles.filter((f) => formatTag(f) === 'ros-snake')).toEqual(['20-ros-templates-anycluster-clusterconfig-snake.yaml']);
    expect(rosFiles).toEqual([
      '11-ros-templates-managed-kubernetes-cluster.yaml',
      '12-ros-templates-managed-k8s-case1.yaml',
      '13-ros-templates-managed-k8s-case2-nodepool.yaml',
      '14-ros-templates-managed-k8s-case3-vpc-nodepool.yaml',
      '20-ros-templates-anycluster-clusterconfig-snake.yaml',
      '21-infraguard-testdata-ack-public-endpoint-violation-ros.yaml',
    ]);
    expect(files).toContain(NODEPOOL_FILE);
    // The passwords the no-leak checks look for.
    for (const s of ['Hello1234', 'Hello1234!', 'Admin@123!', 'Admin123']) expect(secrets).toContain(s);
  });

  it.each(files)('%s: lints through the core API without internal errors, with ranges inside the file', (file) => {
    const { result } = linted.find((l) => l.file === file)!;
    expect(result.skipped).toBe(false);
    const check = (d: Diagnostic) => {
      expect(d.ruleId).not.toBe(INTERNAL_ERROR_ID);
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expectRangeMapsBack(result.source, d.range, d.span, `${d.ruleId} ${pos(d.range)}`);
      for (const r of d.related) expectRangeMapsBack(result.source, r.range, r.span, `${d.ruleId} related ${pos(r.range)}`);
      if (d.fix) for (const e of d.fix.edits) expect(e.end).toBeLessThanOrEqual(result.source.text.length);
    };
    result.diagnostics.forEach(check);
  });

  const rosPascal = rosFiles.filter((f) => formatTag(f) === 'ros-pascal');
  const rosSnake = rosFiles.filter((f) => formatTag(f) === 'ros-snake');

  it.each(rosPascal)('%s: ROS template with PascalCase properties gets one unsupported-document warning', (file) => {
    const { result } = linted.find((l) => l.file === file)!;
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.message, d.range.start.line])).toEqual([['unsupported-document', 'warning', ROS_MESSAGE, 0]]);
  });

  it.each(rosSnake)('%s: the AnyCluster ClusterConfig is linted in place, with paths into the template', (file) => {
    const { result } = linted.find((l) => l.file === file)!;
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(d.ruleId).not.toBe('unsupported-document');
      expect(d.path.slice(0, 4)).toEqual(['Resources', 'Cluster', 'Properties', 'ClusterConfig']);
    }
  });

  it('the CreateClusterNodePool body gets an unsupported-document warning', () => {
    const { result } = linted.find((l) => l.file === NODEPOOL_FILE)!;
    const unsupported = result.diagnostics.filter((d) => d.ruleId === 'unsupported-document');
    expect(unsupported.map((d) => [d.severity, d.message, pos(d.range)])).toEqual([['warning', NODEPOOL_MESSAGE, '1:1-1:2']]);
  });

  it('findings match the reviewed snapshot (test/fixtures/corpus.expected.txt)', () => {
    const actual = renderSnapshot();
    if (update) writeFileSync(SNAPSHOT, actual);
    expect(existsSync(SNAPSHOT), `${SNAPSHOT} is missing: run UPDATE_CORPUS=1 npx vitest run test/corpus.test.ts`).toBe(true);
    expect(actual).toBe(readFileSync(SNAPSHOT, 'utf8'));
    for (const s of secrets) expect(actual).not.toContain(s);
  });

  it('no corpus password appears in a core diagnostic', () => {
    for (const { result } of linted) {
      const text = JSON.stringify(result.diagnostics.map((d) => ({ ...d, path: d.path.map(String) })));
      for (const s of secrets) expect(text).not.toContain(s);
    }
  });

  describe('through the CLI', () => {
    const fromCli = (cli: JsonFileResult[]) =>
      cli.map((f) => [f.filePath, f.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.message}`)] as const);
    const fromCore = async (names: string[], now: Date) =>
      Promise.all(
        names.map(async (name) => {
          const core = await lint(readFileSync(join(corpusDir, name)), { fileName: join(corpusDir, name), rules: builtinRules, now });
          return [name, core.diagnostics.map((d) => `${d.ruleId} ${pos(d.range)} ${d.severity} ${d.message}`)] as const;
        }),
      );

    it('every file named: same findings as the core API, no internal error, no password', async () => {
      const now = new Date();
      const r = runCli([...files, '-f', 'json'], { cwd: corpusDir });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as JsonFileResult[];
      expect(out.map((f) => f.filePath)).toEqual(files);
      for (const f of out) for (const m of f.messages) expect(m.ruleId).not.toBe(INTERNAL_ERROR_ID);
      expect(fromCli(out)).toEqual(await fromCore(files, now));
      for (const s of secrets) expect(r.stdout).not.toContain(s);
    });

    it('the folder scanned in every format: only CreateCluster bodies, valid SARIF, no password', () => {
      const clusterFiles = linted.filter((l) => l.result.diagnostics.every((d) => d.ruleId !== 'unsupported-document')).map((l) => l.file);
      for (const format of ['stylish', 'json', 'sarif']) {
        const r = runCli(['.', '-f', format], { cwd: corpusDir });
        expect(r.code, format).toBe(1);
        expect(r.stderr).toBe('');
        for (const s of secrets) {
          expect(r.stdout, `${format} shows a password`).not.toContain(s);
          expect(r.stderr).not.toContain(s);
        }
        if (format === 'json') {
          const out = JSON.parse(r.stdout) as JsonFileResult[];
          expect(out.map((f) => f.filePath)).toEqual(clusterFiles);
          for (const f of out) {
            const lineCount = linted.find((l) => l.file === f.filePath)!.result.source.lineCount;
            for (const m of f.messages) {
              expect(m.ruleId).not.toBe(INTERNAL_ERROR_ID);
              expect(m.line).toBeGreaterThanOrEqual(1);
              expect(m.endLine).toBeLessThanOrEqual(lineCount);
            }
          }
        }
        if (format === 'sarif') {
          const log = parseSarif(r.stdout);
          const run = log.runs[0]!;
          expect(run.invocations[0]!.executionSuccessful).toBe(true);
          expect(run.artifacts.map((a) => a.location.uri)).toEqual(clusterFiles);
          for (const res of run.results) {
            expect(res.ruleId).not.toBe(INTERNAL_ERROR_ID);
            expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
          }
        }
      }
    });
  });
});
