/**
 * The CI report formats (junit, github, gitlab, checkstyle), SARIF as GitHub code scanning reads it, stylish on a
 * terminal, and the end of a run whose reader goes away. Each format is checked against its published definition
 * (test/fixtures/formats: XML Schemas for JUnit and Checkstyle, run with xmllint; a JSON Schema for GitLab; GitHub's
 * documented workflow-command syntax and escaping).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SourceText, type Diagnostic, type RuleMeta } from '@acklint/core';
import { builtinRules } from '@acklint/rules';
import * as ci from '../packages/cli/src/formatters/ci.js';
import { stylish as stylishPieces } from '../packages/cli/src/formatters/stylish.js';
import { outputToString } from '../packages/cli/src/output.js';
import type { FileReport, FormatInput } from '../packages/cli/src/types.js';
/** The stylish report as one string (the formatter yields it piece by piece). */
const stylish = (i: FormatInput): string => outputToString(stylishPieces(i));
const { escapeGithubData, escapeGithubProperty } = ci;
const junit = (i: FormatInput): string => outputToString(ci.junit(i));
const github = (i: FormatInput): string => outputToString(ci.github(i));
const gitlab = (i: FormatInput): string => outputToString(ci.gitlab(i));
const checkstyle = (i: FormatInput): string => outputToString(ci.checkstyle(i));
import { BIN, makeTempDir, parseSarif, repoRoot, runCli, writeTree, type SarifLog } from './support/cli.js';

const formats = join(repoRoot, 'test', 'fixtures', 'formats');
const BROKEN = readFileSync(join(repoRoot, 'examples', 'broken.yaml'), 'utf8');

const tree = writeTree;

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error('xmllint is not installed (.ci/run installs libxml2-utils)');
    console.warn('xmllint is not installed: the XML Schema checks cannot run here');
    return false;
  }
}

/** Validate XML text against an XSD of test/fixtures/formats with xmllint; the errors it prints, or ''. */
function xsdErrors(xml: string, xsd: string): string {
  const dir = makeTempDir();
  const file = join(dir, 'report.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', join(formats, xsd), file], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr;
}

/** XPath count through xmllint. */
function xpath(xml: string, expr: string): string {
  const dir = makeTempDir();
  const file = join(dir, 'report.xml');
  writeFileSync(file, xml);
  return execFileSync('xmllint', ['--xpath', expr, file], { encoding: 'utf8' }).trim();
}

// A synthetic run: two files, findings whose messages hold every character the formats must escape, one suppressed.
const tricky = 'Bad <value> & "quotes" \'apos\' 100% done\nsecond line, with: colons\u0001';
const source = new SourceText('name: x\nregion_id: y\n');
const diag = (ruleId: string, line: number, message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  ruleId,
  severity: 'error',
  message,
  range: { start: { line, character: 2 }, end: { line, character: 5 } },
  span: { start: 0, end: 1 },
  path: ['name'],
  documentIndex: 0,
  related: [],
  docsUrl: `https://example.test/${ruleId}`,
  ...extra,
});
const top = makeTempDir();
const files: FileReport[] = [
  {
    displayPath: 'specs/a,b:c.yaml',
    absPath: join(top, 'specs', 'a,b:c.yaml'),
    source,
    diagnostics: [
      diag('cluster-name-format', 0, tricky),
      diag('cidr-host-bits', 1, 'plain', { severity: 'warning', path: ['region_id'] }),
      diag('public-api-endpoint', 1, 'info one', { severity: 'info', path: ['x'] }),
      diag('deprecated-field', 1, 'suppressed one', { suppressions: [{ kind: 'inSource', justification: 'why' }] }),
    ],
  },
  { displayPath: 'specs/clean.json', absPath: join(top, 'specs', 'clean.json'), source, diagnostics: [] },
];
const rules: RuleMeta[] = builtinRules.map((r) => r.meta);
const input: FormatInput = { files, rules, cwd: join(top, 'specs'), baseDir: top, color: false, executionSuccessful: true, notifications: [] };

describe('junit', () => {
  const xml = junit(input);
  it('is valid JUnit XML (Jenkins schema): one test case per file, one failure per finding, suppressed left out', () => {
    if (!hasXmllint()) return;
    expect(xsdErrors(xml, 'junit.xsd')).toBe('');
    expect(xpath(xml, 'count(//testcase)')).toBe('2');
    expect(xpath(xml, 'count(//testcase[@name="specs/a,b:c.yaml"]/failure)')).toBe('3');
    expect(xpath(xml, 'count(//testcase[@name="specs/clean.json"]/failure)')).toBe('0');
    expect(xpath(xml, 'string(/testsuites/testsuite/@tests)')).toBe('2');
    expect(xpath(xml, 'string(/testsuites/testsuite/@failures)')).toBe('1');
    // Escaped text reads back as written (the control character, not allowed in XML 1.0, is dropped).
    expect(xpath(xml, 'string(//failure[@type="cluster-name-format"]/@message)')).toBe(tricky.replace('\u0001', ''));
  });

  it('escapes markup', () => {
    expect(xml).toContain('Bad &lt;value&gt; &amp; &quot;quotes&quot;');
    expect(xml).not.toContain('suppressed one');
  });
});

describe('checkstyle', () => {
  const xml = checkstyle(input);
  it('is valid Checkstyle XML (format 4.3) with 1-based lines and columns', () => {
    if (!hasXmllint()) return;
    expect(xsdErrors(xml, 'checkstyle.xsd')).toBe('');
    expect(xpath(xml, 'count(//file)')).toBe('2');
    expect(xpath(xml, 'count(//error)')).toBe('3');
    expect(xpath(xml, 'string(//error[1]/@line)')).toBe('1');
    expect(xpath(xml, 'string(//error[1]/@column)')).toBe('3');
    expect(xpath(xml, 'string(//error[1]/@source)')).toBe('acklint.cluster-name-format');
    expect(xpath(xml, 'string(//error[3]/@severity)')).toBe('info');
  });
});

describe('gitlab', () => {
  const issues = JSON.parse(gitlab(input)) as { fingerprint: string; severity: string; location: { path: string; lines: { begin: number } }; categories: string[] }[];
  it('is a valid Code Quality report with paths from the repository root and unique fingerprints', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(formats, 'gitlab-code-quality.schema.json'), 'utf8')) as object);
    expect(validate(issues) ? [] : validate.errors).toEqual([]);
    expect(issues).toHaveLength(3);
    expect(issues.map((i) => i.location.path)).toEqual(['specs/a,b:c.yaml', 'specs/a,b:c.yaml', 'specs/a,b:c.yaml']);
    expect(issues.map((i) => [i.location.lines.begin, i.severity])).toEqual([
      [1, 'major'],
      [2, 'minor'],
      [2, 'info'],
    ]);
    expect(issues[2]!.categories).toEqual(['Security']);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(3);
  });

  it('gives the same fingerprint after an edit moves the finding to another line', () => {
    const moved: FormatInput = { ...input, files: [{ ...files[0]!, diagnostics: files[0]!.diagnostics.map((d) => ({ ...d, range: { start: { line: d.range.start.line + 5, character: 0 }, end: { line: d.range.end.line + 5, character: 1 } } })) }] };
    const again = JSON.parse(gitlab(moved)) as { fingerprint: string }[];
    expect(again.map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });
});

describe('github', () => {
  const out = github(input);
  // GitHub's syntax: ::<level> <key>=<value>,...::<message>; values and message escaped, so one command per line.
  const COMMAND = /^::(error|warning|notice) ((?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*)(,(?:file|line|col|endLine|endColumn|title)=[^,:\r\n]*)*::[^\r\n]*$/;

  it('writes one well-formed workflow command per finding, with GitHub escaping', () => {
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(COMMAND);
    expect(lines[0]).toBe(
      `::error file=specs/a%2Cb%3Ac.yaml,line=1,col=3,endLine=1,endColumn=6,title=cluster-name-format::Bad <value> & "quotes" 'apos' 100%25 done%0Asecond line, with: colons\u0001%0Ahttps://example.test/cluster-name-format`,
    );
    expect(lines[1]).toMatch(/^::warning file=specs\/a%2Cb%3Ac\.yaml,line=2,/);
    expect(lines[2]).toMatch(/^::notice /);
  });

  it('escapes as @actions/core does', () => {
    expect(escapeGithubData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeGithubProperty('a%b:c,d\n')).toBe('a%25b%3Ac%2Cd%0A');
  });

  it('gives columns only for a finding on one line', () => {
    const multi = github({ ...input, files: [{ ...files[0]!, diagnostics: [diag('x', 0, 'm', { range: { start: { line: 0, character: 1 }, end: { line: 3, character: 0 } } })] }] });
    expect(multi).toBe('::error file=specs/a%2Cb%3Ac.yaml,line=1,endLine=4,title=x::m%0Ahttps://example.test/x\n');
  });
});

describe('stylish', () => {
  const long = 'word '.repeat(60).trim();
  const wide: FormatInput = { ...input, files: [{ ...files[0]!, diagnostics: [diag('cluster-name-format', 0, long), diag('cidr-host-bits', 1, 'short')] }] };

  it('on a terminal, wraps messages to its width and keeps the rule id on each finding\'s first line', () => {
    const out = stylish({ ...wide, width: 80 });
    const lines = out.split('\n');
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(80);
    const first = lines.find((l) => l.includes('1:3'))!;
    expect(first).toMatch(/ cluster-name-format$/);
    expect(lines.find((l) => l.includes('2:3'))).toMatch(/short\s+cidr-host-bits$/);
    // Every word of the message is there, in order.
    expect(out.replace(' cluster-name-format', '').replace(/\s+/g, ' ')).toContain(long);
  });

  it('on a very narrow terminal, puts the message under the rule id', () => {
    const lines = stylish({ ...wide, width: 40 }).split('\n');
    expect(lines.find((l) => l.includes('1:3'))).toMatch(/error\s+cluster-name-format$/);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(40);
  });

  it('piped, keeps each finding on one line; counts suppressed findings and fixable ones', () => {
    const out = stylish(input);
    expect(out.split('\n').filter((l) => /^\s+\d+:\d+/.test(l))).toHaveLength(3);
    expect(out).toContain('1 suppressed finding not counted');
    expect(out).not.toContain('suppressed one');
  });
});

describe('SARIF for GitHub code scanning', () => {
  const specs = { 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/infra/prod/broken.yaml': BROKEN };

  const sarifOf = (args: string[], cwd: string): SarifLog => {
    const r = runCli(['-f', 'sarif', ...args], { cwd });
    expect(r.stderr).toBe('');
    return parseSarif(r.stdout);
  };

  it('gives paths relative to the git top level, or to --sarif-base', () => {
    const dir = tree(specs);
    const log = sarifOf(['prod'], join(dir, 'repo', 'infra'));
    expect(log.runs[0]!.artifacts.map((a) => a.location.uri)).toEqual(['infra/prod/broken.yaml']);
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`${pathToFileURL(join(dir, 'repo')).href}/`);
    const based = sarifOf(['prod', '--sarif-base', '.'], join(dir, 'repo', 'infra'));
    expect(based.runs[0]!.artifacts.map((a) => a.location.uri)).toEqual(['prod/broken.yaml']);
  });

  it('keeps primaryLocationLineHash when an edit moves the findings to other lines', () => {
    const dir = tree(specs);
    const before = sarifOf(['.'], join(dir, 'repo'));
    writeFileSync(join(dir, 'repo', 'infra', 'prod', 'broken.yaml'), `# a new comment\n# and another\n\n${BROKEN}`);
    const after = sarifOf(['.'], join(dir, 'repo'));
    const key = (log: SarifLog) => log.runs[0]!.results.map((r) => `${r.ruleId} ${r.partialFingerprints['primaryLocationLineHash']}`);
    expect(key(after)).toEqual(key(before));
    expect(after.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine).toBe(before.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine + 3);
    for (const r of before.runs[0]!.results) expect(Object.keys(r.partialFingerprints)).toEqual(['primaryLocationLineHash']);
  });

  it('ranks security rules, keeps fullDescription within 1,024 characters, links related locations from the message', () => {
    const dir = tree(specs);
    const log = sarifOf(['.'], join(dir, 'repo'));
    const driverRules = log.runs[0]!.tool.driver.rules as unknown as { id: string; fullDescription: { text: string }; properties: Record<string, unknown> }[];
    for (const r of driverRules) {
      expect(r.fullDescription.text.length, r.id).toBeLessThanOrEqual(1024);
      expect(['very-high', 'high', 'medium', 'low']).toContain(r.properties['precision']);
      expect(['error', 'warning', 'recommendation']).toContain(r.properties['problem.severity']);
      const meta = builtinRules.find((b) => b.meta.id === r.id)?.meta;
      if (meta?.category === 'security') {
        expect(r.properties['security-severity'], r.id).toMatch(/^\d+\.\d$/);
        expect(r.properties['tags']).toContain('security');
      } else expect(r.properties['security-severity'], r.id).toBeUndefined();
    }
    const withRelated = log.runs[0]!.results.filter((r) => r.relatedLocations?.length);
    expect(withRelated.length).toBeGreaterThan(0);
    for (const r of withRelated) {
      for (const rel of r.relatedLocations!) expect(r.message.text).toContain(`](${rel.id})`);
    }
  });

  it('reports suppressed findings with their suppressions', () => {
    const dir = tree({ ...specs, 'repo/infra/prod/broken.yaml': BROKEN.replace(/^name: .*$/m, 'name: prod hangzhou 1 # acklint-disable-line cluster-name-format -- imported from the old console') });
    const log = sarifOf(['.'], join(dir, 'repo'));
    const res = log.runs[0]!.results.find((r) => r.ruleId === 'cluster-name-format') as unknown as { suppressions: unknown };
    expect(res.suppressions).toEqual([{ kind: 'inSource', justification: 'imported from the old console' }]);
  });
});

describe('a reader that goes away', () => {
  // bash -o pipefail: the pipeline's status is acklint's.
  it.each(['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab', 'checkstyle'])('%s ends quietly when the pipe closes', (format) => {
    // Enough output to fill the pipe before head exits.
    const dir = tree(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`s${i}.yaml`, BROKEN])));
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" -f ${format} . | head -c 1 >/dev/null`], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    // acklint's own exit code (errors found), not a crash.
    expect(r.status).toBe(1);
  });
});

describe('end to end', () => {
  it.each(['junit', 'checkstyle'])('the CLI writes valid %s for a real run', (format) => {
    if (!hasXmllint()) return;
    const dir = tree({ 'broken.yaml': BROKEN, 'ok.json': readFileSync(join(repoRoot, 'examples', 'valid.json'), 'utf8') });
    const r = runCli(['-f', format, '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(xsdErrors(r.stdout, `${format}.xsd`)).toBe('');
    expect(r.stdout).not.toContain('Not-In-Output-1');
  });

  it('the CLI writes a valid GitLab report and GitHub commands for a real run', () => {
    const dir = tree({ '.git/HEAD': 'x', 'specs/broken.yaml': BROKEN });
    const gl = runCli(['-f', 'gitlab', 'broken.yaml'], { cwd: join(dir, 'specs') });
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(join(formats, 'gitlab-code-quality.schema.json'), 'utf8')) as object);
    expect(validate(JSON.parse(gl.stdout))).toBe(true);
    expect((JSON.parse(gl.stdout) as { location: { path: string } }[])[0]!.location.path).toBe('specs/broken.yaml');
    const gh = runCli(['-f', 'github', 'broken.yaml'], { cwd: join(dir, 'specs') });
    expect(gh.code).toBe(1);
    for (const l of gh.stdout.trimEnd().split('\n')) expect(l).toMatch(/^::(error|warning|notice) file=specs\/broken\.yaml,line=\d+,/);
  });
});
