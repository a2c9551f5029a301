/**
 * The command line as a CI gate and a pre-commit hook use it: --fix and --fix-dry-run, --only-specs, suppressions
 * and the config cascade seen through the CLI, and the small things new users tripped on.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, repoRoot, runCli, writeTree } from './support/cli.js';

const tree = writeTree;

const VALID = readFileSync(join(repoRoot, 'examples', 'valid.json'), 'utf8');
const BROKEN = readFileSync(join(repoRoot, 'examples', 'broken.yaml'), 'utf8');
/** A YAML spec with three safe fixes (an enum in the wrong case, a quoted boolean, a CIDR with host bits) and comments. */
const FIXABLE = [
  '# Production cluster',
  'name: prod-1',
  'region_id: cn-hangzhou',
  'cluster_type: ManagedKubernetes',
  'cluster_spec: ACK.PRO.SMALL   # the edition',
  'deletion_protection: "true"',
  'service_cidr: 172.21.0.5/20',
  '',
].join('\r\n');

type JsonOut = { filePath: string; output?: string; messages: { ruleId: string }[]; suppressedMessages: { ruleId: string; suppressions: unknown[] }[] }[];

describe('--fix and --fix-dry-run', () => {
  it('--fix-dry-run --format json shows the fixed text and writes nothing', () => {
    const dir = tree({ 'c.yaml': `\uFEFF${FIXABLE}` });
    const r = runCli(['--fix-dry-run', '-f', 'json', 'c.yaml'], { cwd: dir });
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out[0]!.output).toBe(`\uFEFF${FIXABLE.replace('ACK.PRO.SMALL', 'ack.pro.small').replace('"true"', 'true').replace('172.21.0.5/20', '172.21.0.0/20')}`);
    expect(out[0]!.messages.map((m) => m.ruleId)).not.toContain('invalid-value');
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toBe(`\uFEFF${FIXABLE}`);
  });

  it('--fix-dry-run output masks password values, like every other output', () => {
    const dir = tree({ 'p.yaml': `${FIXABLE}nodepools:\r\n  - scaling_group:\r\n      login_password: "Sekret-Pa55word"\r\n` });
    const r = runCli(['--fix-dry-run', '-f', 'json', 'p.yaml'], { cwd: dir });
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out[0]!.output).toContain('cluster_spec: ack.pro.small');
    expect(r.stdout).not.toContain('Sekret-Pa55word');
    expect(out[0]!.output).toContain('login_password: ****');
  });

  it('--fix writes the file, keeping comments, CRLF and the BOM, and reports what is left', () => {
    const dir = tree({ 'c.yaml': `\uFEFF${FIXABLE}`, 'ok.json': VALID });
    const r = runCli(['--fix', '.'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'c.yaml'), 'utf8');
    expect(fixed).toBe(`\uFEFF${FIXABLE.replace('ACK.PRO.SMALL', 'ack.pro.small').replace('"true"', 'true').replace('172.21.0.5/20', '172.21.0.0/20')}`);
    expect(readFileSync(join(dir, 'ok.json'), 'utf8')).toBe(VALID);
    expect(r.stdout).toContain('3 problems fixed by --fix');
    expect(r.stdout).not.toMatch(/invalid-value|invalid-type|cidr-host-bits/);
    // A second run finds nothing left to fix.
    const again = runCli(['--fix', '-f', 'json', 'c.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 'c.yaml'), 'utf8')).toBe(fixed);
    expect((JSON.parse(again.stdout) as JsonOut)[0]!.output).toBeUndefined();
  });

  it('never applies a suggestion that needs review, nor fixes a suppressed finding', () => {
    const text = BROKEN.replace(/^cluster_spec: .*$/m, 'cluster_spec: ACK.STANDARD # acklint-disable-line invalid-value');
    const dir = tree({ 'b.yaml': text });
    runCli(['--fix', 'b.yaml'], { cwd: dir });
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(text);
  });

  it('refuses --fix on standard input and --fix with --fix-dry-run', () => {
    expect(runCli(['--fix', '-'], { input: VALID })).toMatchObject({ code: 2, stderr: 'acklint: --fix cannot write to standard input; use --fix-dry-run --format json to see the fixed text\n' });
    expect(runCli(['--fix', '--fix-dry-run', 'x.json'])).toMatchObject({ code: 2, stderr: 'acklint: use either --fix or --fix-dry-run, not both\n' });
  });
});

describe('--only-specs (pre-commit)', () => {
  it('skips named JSON and YAML files that are not cluster specs, lints the specs', () => {
    const dir = tree({
      'compose.yaml': 'services:\n  web:\n    image: nginx\n',
      'workflow.yml': 'on: push\njobs: {}\n',
      'broken-other.yaml': 'a: [\n',
      'package.json': '{"name": "x"}',
      'spec.yaml': BROKEN,
    });
    const r = runCli(['--only-specs', 'compose.yaml', 'workflow.yml', 'broken-other.yaml', 'package.json', 'spec.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('spec.yaml');
    expect(r.stdout).not.toMatch(/compose|workflow|broken-other|package/);
    const quiet = runCli(['--only-specs', 'compose.yaml', 'workflow.yml', 'package.json'], { cwd: dir });
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    // Without the flag, a named file is always linted.
    expect(runCli(['compose.yaml'], { cwd: dir }).code).not.toBe(0);
  });
});

describe('suppressions and config through the CLI', () => {
  const SPEC = BROKEN.replace(/^name: .*$/m, '# acklint-disable-next-line cluster-name-format -- migrated as is\nname: prod hangzhou 1\n# acklint-disable-next-line rrsa-disabled');

  it('suppressed findings do not count; unused directives are warnings in CI, off elsewhere unless asked', () => {
    const dir = tree({ 's.yaml': SPEC });
    const local = runCli(['-f', 'json', 's.yaml'], { cwd: dir, env: { CI: undefined } });
    const out = JSON.parse(local.stdout) as JsonOut;
    expect(out[0]!.suppressedMessages.map((m) => [m.ruleId, m.suppressions])).toEqual([['cluster-name-format', [{ kind: 'inSource', justification: 'migrated as is' }]]]);
    expect(out[0]!.messages.map((m) => m.ruleId)).not.toContain('unused-disable-directive');
    const ci = JSON.parse(runCli(['-f', 'json', 's.yaml'], { cwd: dir, env: { CI: 'true' } }).stdout) as JsonOut;
    expect(ci[0]!.messages.filter((m) => m.ruleId === 'unused-disable-directive')).toHaveLength(1);
    const flag = JSON.parse(runCli(['-f', 'json', '--report-unused-disable-directives', 's.yaml'], { cwd: dir, env: { CI: undefined } }).stdout) as JsonOut;
    expect(flag[0]!.messages.filter((m) => m.ruleId === 'unused-disable-directive')).toHaveLength(1);
    const ignored = JSON.parse(runCli(['-f', 'json', '--no-inline-config', 's.yaml'], { cwd: dir }).stdout) as JsonOut;
    expect(ignored[0]!.suppressedMessages).toEqual([]);
    expect(ignored[0]!.messages.map((m) => m.ruleId)).toContain('cluster-name-format');
  });

  it('acklint plan leaves suppressed network findings out, as a lint does', () => {
    const dir = tree({
      'b.yaml': BROKEN,
      'quiet.yaml': BROKEN.replace(/^service_cidr: .*$/m, 'service_cidr: 172.20.16.0/20  # acklint-disable-line pod-service-cidr-overlap -- reviewed'),
    });
    expect(runCli(['plan', 'b.yaml'], { cwd: dir }).stdout).toContain('pod-service-cidr-overlap');
    expect(runCli(['plan', 'quiet.yaml'], { cwd: dir }).stdout).not.toContain('pod-service-cidr-overlap');
  });

  it('a suppressed error does not fail the run', () => {
    const spec = VALID.replace('"name": "prod-hangzhou-1"', '"name": "prod hangzhou 1"');
    const dir = tree({ 's.json': spec, '.acklint.yaml': 'overrides:\n  - files: ["*.json#/name"]\n    rules: { cluster-name-format: off }\n    reason: legacy\n' });
    expect(runCli(['s.json'], { cwd: dir }).code).toBe(0);
    const sarif = JSON.parse(runCli(['-f', 'sarif', 's.json'], { cwd: dir }).stdout) as { runs: { results: { ruleId: string; suppressions?: unknown }[] }[] };
    expect(sarif.runs[0]!.results.find((r) => r.ruleId === 'cluster-name-format')!.suppressions).toEqual([{ kind: 'external', justification: 'legacy' }]);
  });

  it('a nested config extends its parent; extends: acklint:strict raises levels', () => {
    const dir = tree({
      '.acklint.yaml': 'rules:\n  deletion-protection-disabled: off\n',
      'team/.acklint.yaml': 'rules:\n  rrsa-disabled: off\n',
      'team/s.yaml': BROKEN,
      'strict/.acklint.yaml': 'root: true\nextends: acklint:strict\n',
      'strict/s.yaml': BROKEN,
    });
    const team = runCli(['team/s.yaml'], { cwd: dir }).stdout;
    expect(team).not.toMatch(/deletion-protection-disabled|rrsa-disabled/);
    const printed = JSON.parse(runCli(['--print-config', 'team/s.yaml'], { cwd: dir }).stdout) as { sources: string[]; rules: Record<string, string> };
    expect(printed.sources).toEqual([join(dir, '.acklint.yaml'), join(dir, 'team', '.acklint.yaml')]);
    expect(printed.rules).toEqual({ 'deletion-protection-disabled': 'off', 'rrsa-disabled': 'off' });
    const strict = JSON.parse(runCli(['-f', 'json', 'strict/s.yaml'], { cwd: dir }).stdout) as { messages: { ruleId: string; severity: string }[] }[];
    const level = (id: string) => strict[0]!.messages.find((m) => m.ruleId === id)?.severity;
    expect(level('deletion-protection-disabled')).toBe('warning'); // security rules: warnings
    expect(level('cluster-spec-not-pro')).toBe('error');
  });
});

describe('stylish on a real terminal', () => {
  it('wraps to the terminal width (script(1) gives the CLI a pseudo-terminal) and keeps rule ids visible', () => {
    const dir = tree({ 'b.yaml': BROKEN });
    const r = spawnSync('script', ['-qec', `stty cols 120; "${process.execPath}" "${BIN}" --no-color b.yaml`, '/dev/null'], { cwd: dir, encoding: 'utf8' });
    const lines = r.stdout.replace(/\r/g, '').split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(120);
    const first = lines.find((l) => l.startsWith('  2:7 '))!;
    expect(first).toMatch(/^  2:7\s+error\s+The cluster name contains a space .+  cluster-name-format$/);
    expect(lines[lines.indexOf(first) + 1]).toMatch(/^ {18}\S/);
    // Piped, the same finding is one line.
    expect(runCli(['b.yaml'], { cwd: dir }).stdout.split('\n').filter((l) => l.includes('cluster-name-format'))[0]).toMatch(/^  2:7 .+not starting with "_"\.\s+cluster-name-format$/);
  });
});

describe('small things new users tripped on', () => {
  it('--rule accepts ESLint spellings (warn, 0, 1, 2)', () => {
    const dir = tree({ 'b.yaml': BROKEN });
    const r = JSON.parse(runCli(['-f', 'json', '--rule', 'cluster-name-format=warn', '--rule', 'login-credentials=0', 'b.yaml'], { cwd: dir }).stdout) as { messages: { ruleId: string; severity: string }[] }[];
    expect(r[0]!.messages.find((m) => m.ruleId === 'cluster-name-format')!.severity).toBe('warning');
    expect(r[0]!.messages.find((m) => m.ruleId === 'login-credentials')).toBeUndefined();
  });

  it('--list-rules -f sarif is refused clearly', () => {
    const r = runCli(['--list-rules', '-f', 'sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^acklint: --list-rules prints a table or, with --format json, JSON; it has no sarif form/);
  });

  it('acklint plan on a directory, on - and on a missing file gives one clear line', () => {
    const dir = tree({ 'specs/a.yaml': BROKEN });
    expect(runCli(['plan', 'specs'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'acklint: plan: specs is a directory; name the spec files in it (acklint plan specs/*.yaml)\n' });
    expect(runCli(['plan', '-'], { cwd: dir, input: BROKEN })).toEqual({ code: 2, stdout: '', stderr: 'acklint: plan: reads spec files, not standard input; name the file (acklint plan cluster.yaml)\n' });
    expect(runCli(['plan', 'nope.yaml'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'acklint: plan: no such file: nope.yaml\n' });
  });
});
