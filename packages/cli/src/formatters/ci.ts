/**
 * Report formats for CI systems other than code scanning: JUnit XML (GitLab test reports, Jenkins), GitHub Actions
 * workflow commands (inline annotations), GitLab Code Quality JSON and Checkstyle XML. Suppressed findings are left
 * out of all four. Each is written piece by piece (a line, or a finding, at a time). Loaded on demand (its own
 * bundle).
 */
import { TOOL_NAME, type Diagnostic, type Severity } from '@acklint/core';
import type { FormatInput } from '../types.js';
import { fingerprint, pathFrom, shown, xml } from './common.js';
import { Lazy, streamJson } from './json-stream.js';

const line = (d: Diagnostic) => d.range.start.line + 1;
const column = (d: Diagnostic) => d.range.start.character + 1;

/**
 * JUnit XML as Jenkins and GitLab read it (the Jenkins xunit schema): one test suite, one test case per linted file,
 * one failure per finding. A file without findings is a passing test case.
 */
export function* junit(input: FormatInput): Generator<string> {
  const cases = input.files.map((f) => ({ f, diags: shown(f) }));
  const failed = cases.filter((c) => c.diags.length > 0).length;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="${TOOL_NAME}" tests="${cases.length}" failures="${failed}" errors="0">\n`;
  yield `  <testsuite name="${TOOL_NAME}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0">\n`;
  for (const { f, diags } of cases) {
    const name = xml(f.displayPath);
    if (!diags.length) {
      yield `    <testcase classname="${TOOL_NAME}" name="${name}" time="0"/>\n`;
      continue;
    }
    yield `    <testcase classname="${TOOL_NAME}" name="${name}" time="0">\n`;
    for (const d of diags) {
      const body = `${f.displayPath}:${line(d)}:${column(d)}: ${d.severity}: ${d.message} [${d.ruleId}]\n${d.docsUrl}`;
      yield `      <failure message="${xml(d.message)}" type="${xml(d.ruleId)}">${xml(body)}</failure>\n`;
    }
    yield '    </testcase>\n';
  }
  yield '  </testsuite>\n</testsuites>\n';
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub's escaping of a workflow command's message (data). */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a workflow command's property value (file, title): the data escapes plus `:` and `,`. */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per finding, which the runner turns into annotations on the pull request:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>`. Paths are relative to the repository
 * root (the git top level), as annotations need; columns are given only for a finding on one line, since GitHub
 * ignores them otherwise.
 */
export function* github(input: FormatInput): Generator<string> {
  for (const f of input.files) {
    const path = pathFrom(input.baseDir, f);
    for (const d of shown(f)) {
      const props = [`file=${escapeGithubProperty(path)}`, `line=${line(d)}`];
      const endLine = d.range.end.line + 1;
      if (endLine === line(d)) props.push(`col=${column(d)}`, `endLine=${endLine}`, `endColumn=${Math.max(column(d), d.range.end.character + 1)}`);
      else props.push(`endLine=${endLine}`);
      props.push(`title=${escapeGithubProperty(d.ruleId)}`);
      yield `::${GITHUB_LEVEL[d.severity]} ${props.join(',')}::${escapeGithubData(`${d.message}\n${d.docsUrl}`)}\n`;
    }
  }
}

/** Unique per finding (GitLab compares reports by it): the finding's hash and, for repeats, its occurrence. */
const gitlabFingerprint = (f: { hash: string; occurrence: number }) => (f.occurrence === 1 ? f.hash.slice(0, 32) : `${f.hash.slice(0, 28)}${String(f.occurrence).padStart(4, '0')}`);

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality report (a subset of the Code Climate issue format): a JSON array with, per finding, description,
 * check_name, a fingerprint stable across edits that move lines, severity, and location (path relative to the
 * repository root, begin and end lines).
 */
export function* gitlab(input: FormatInput): Generator<string> {
  const security = new Set(input.rules.filter((r) => r.category === 'security').map((r) => r.id));
  function* issues(): Generator<unknown> {
    for (const f of input.files) {
      const path = pathFrom(input.baseDir, f);
      const seen = new Map<string, number>();
      for (const d of shown(f)) {
        yield {
          type: 'issue',
          check_name: d.ruleId,
          description: d.message,
          categories: [security.has(d.ruleId) ? 'Security' : 'Bug Risk'],
          severity: GITLAB_SEVERITY[d.severity],
          fingerprint: gitlabFingerprint(fingerprint(d, path, seen)),
          location: { path, lines: { begin: line(d), end: d.range.end.line + 1 } },
          engine_name: TOOL_NAME,
        };
      }
    }
  }
  yield* streamJson(new Lazy(issues()));
  yield '\n';
}

/** Checkstyle XML (version 4.3), read by Jenkins' warnings plugin, reviewdog and SonarQube importers. */
export function* checkstyle(input: FormatInput): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const f of input.files) {
    const diags = shown(f);
    if (!diags.length) {
      yield `  <file name="${xml(f.displayPath)}"/>\n`;
      continue;
    }
    yield `  <file name="${xml(f.displayPath)}">\n`;
    for (const d of diags) {
      yield `    <error line="${line(d)}" column="${column(d)}" severity="${d.severity}" message="${xml(`${d.message} (${d.ruleId})`)}" source="${xml(`${TOOL_NAME}.${d.ruleId}`)}"/>\n`;
    }
    yield '  </file>\n';
  }
  yield '</checkstyle>\n';
}
