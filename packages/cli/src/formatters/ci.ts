/**
 * Report formats for CI systems other than code scanning: JUnit XML (GitLab test reports, Jenkins), GitHub Actions
 * workflow commands (inline annotations), GitLab Code Quality JSON and Checkstyle XML. Suppressed findings are left
 * out of all four. Each is written piece by piece (a line, or a finding, at a time). Loaded on demand (its own
 * bundle).
 */
import { TOOL_NAME, type Diagnostic, type Severity } from '@acklint/core';
import { whole, type FileReport, type FormatStream, type RunInfo } from '../types.js';
import { Deferred, fingerprint, pathFrom, shown, xml } from './common.js';
import { jsonArrayStream } from './json-stream.js';

const line = (d: Diagnostic) => d.range.start.line + 1;
const column = (d: Diagnostic) => d.range.start.character + 1;

/**
 * JUnit XML as Jenkins and GitLab read it (the Jenkins xunit schema): one test suite, one test case per linted file,
 * one failure per finding. A file without findings is a passing test case.
 */
export const junit = whole(junitStream);

/**
 * {@link junit} a file at a time. The header counts test cases and failures, so the cases are written after the run:
 * until then only their text is kept (on disk once it grows), not the reports.
 */
export function junitStream(): FormatStream {
  let tests = 0;
  let failed = 0;
  const cases = new Deferred();
  return {
    start: () => [],
    *file(f: FileReport) {
      const diags = shown(f);
      const name = xml(f.displayPath);
      tests++;
      if (!diags.length) {
        cases.add(`    <testcase classname="${TOOL_NAME}" name="${name}" time="0"/>\n`);
        return;
      }
      failed++;
      cases.add(`    <testcase classname="${TOOL_NAME}" name="${name}" time="0">\n`);
      for (const d of diags) {
        const body = `${f.displayPath}:${line(d)}:${column(d)}: ${d.severity}: ${d.message} [${d.ruleId}]\n${d.docsUrl}`;
        cases.add(`      <failure message="${xml(d.message)}" type="${xml(d.ruleId)}">${xml(body)}</failure>\n`);
      }
      cases.add('    </testcase>\n');
    },
    *end() {
      yield '<?xml version="1.0" encoding="UTF-8"?>\n';
      yield `<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failed}" errors="0">\n`;
      yield `  <testsuite name="${TOOL_NAME}" tests="${tests}" failures="${failed}" errors="0" skipped="0" time="0">\n`;
      yield* cases.drain();
      yield '  </testsuite>\n</testsuites>\n';
    },
  };
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
export const github = whole(githubStream);

export function githubStream(input: RunInfo): FormatStream {
  return {
    start: () => [],
    *file(f: FileReport) {
      const path = pathFrom(input.baseDir, f);
      for (const d of shown(f)) {
        const props = [`file=${escapeGithubProperty(path)}`, `line=${line(d)}`];
        const endLine = d.range.end.line + 1;
        if (endLine === line(d)) props.push(`col=${column(d)}`, `endLine=${endLine}`, `endColumn=${Math.max(column(d), d.range.end.character + 1)}`);
        else props.push(`endLine=${endLine}`);
        props.push(`title=${escapeGithubProperty(d.ruleId)}`);
        yield `::${GITHUB_LEVEL[d.severity]} ${props.join(',')}::${escapeGithubData(`${d.message}\n${d.docsUrl}`)}\n`;
      }
    },
    end: () => [],
  };
}

/** Unique per finding (GitLab compares reports by it): the finding's hash and, for repeats, its occurrence. */
const gitlabFingerprint = (f: { hash: string; occurrence: number }) => (f.occurrence === 1 ? f.hash.slice(0, 32) : `${f.hash.slice(0, 28)}${String(f.occurrence).padStart(4, '0')}`);

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality report (a subset of the Code Climate issue format): a JSON array with, per finding, description,
 * check_name, a fingerprint stable across edits that move lines, severity, and location (path relative to the
 * repository root, begin and end lines).
 */
export const gitlab = whole(gitlabStream);

export function gitlabStream(input: RunInfo): FormatStream {
  const security = new Set(input.rules.filter((r) => r.category === 'security').map((r) => r.id));
  const array = jsonArrayStream();
  return {
    start: () => [],
    *file(f: FileReport) {
      const path = pathFrom(input.baseDir, f);
      const seen = new Map<string, number>();
      for (const d of shown(f)) {
        yield* array.item({
          type: 'issue',
          check_name: d.ruleId,
          description: d.message,
          categories: [security.has(d.ruleId) ? 'Security' : 'Bug Risk'],
          severity: GITLAB_SEVERITY[d.severity],
          fingerprint: gitlabFingerprint(fingerprint(d, path, seen)),
          location: { path, lines: { begin: line(d), end: d.range.end.line + 1 } },
          engine_name: TOOL_NAME,
        });
      }
    },
    end: () => [...array.end(), '\n'],
  };
}

/** Checkstyle XML (version 4.3), read by Jenkins' warnings plugin, reviewdog and SonarQube importers. */
export const checkstyle = whole(checkstyleStream);

export function checkstyleStream(): FormatStream {
  return {
    start: () => ['<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n'],
    *file(f: FileReport) {
      const diags = shown(f);
      if (!diags.length) {
        yield `  <file name="${xml(f.displayPath)}"/>\n`;
        return;
      }
      yield `  <file name="${xml(f.displayPath)}">\n`;
      for (const d of diags) {
        yield `    <error line="${line(d)}" column="${column(d)}" severity="${d.severity}" message="${xml(`${d.message} (${d.ruleId})`)}" source="${xml(`${TOOL_NAME}.${d.ruleId}`)}"/>\n`;
      }
      yield '  </file>\n';
    },
    end: () => ['</checkstyle>\n'],
  };
}
