import { pathToFileURL } from 'node:url';
import { HOMEPAGE, TOOL_NAME, VERSION, docsUrlOf, toJsonPointer, type Diagnostic, type Range, type RuleMeta, type Severity } from '@acklint/core';
import type { FileReport, FormatStream, RunEnd, RunInfo } from '../types.js';
import { Deferred, fingerprint, pathFrom, relativeTo } from './common.js';
import { jsonArrayStream, Raw, streamJson } from './json-stream.js';

/** Where the results array stands in the log (`runs[0].results`): its indentation. */
const RESULTS_INDENT = '      ';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';
/** GitHub code scanning shows at most this much of a rule's fullDescription. */
export const MAX_FULL_DESCRIPTION = 1024;

/**
 * How code scanning ranks a security rule (`security-severity`: a numeric string, 9.0+ critical, 7.0+ high, 4.0+
 * medium, below low) and shows its kind of finding (`problem.severity`), from the rule's default level.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '7.5', warning: '5.0', info: '2.0' };
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, every enabled rule described, paths
 * relative to %SRCROOT% (the repository's top level, or --sarif-base), UTF-16 columns, `primaryLocationLineHash`
 * fingerprints that survive edits which move lines, security ranking on security rules, related locations linked from
 * the message, and suppressed findings kept with their suppressions.
 *
 * Written a file at a time. The log lists its artifacts and the run's outcome before the results, so nothing is
 * written until the end: each file's results are turned into their text when the file is done (kept in memory while
 * small, then in a temporary file), and only the list of artifacts is kept, not the reports or their texts.
 */
export function sarifStream(input: RunInfo): FormatStream {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  const artifacts: { location: { uri: string; uriBaseId: string } }[] = [];
  const artifactIndex = new Map<string, number>();

  const artifactOf = (uri: string) => {
    if (!artifactIndex.has(uri)) {
      artifactIndex.set(uri, artifacts.length);
      artifacts.push({ location: { uri, uriBaseId: SRCROOT } });
    }
    return { artifactLocation: { uri, uriBaseId: SRCROOT, index: artifactIndex.get(uri)! } };
  };
  const encode = (rel: string) => rel.split('/').map(encodeURIComponent).join('/');

  const results = new Deferred();
  const array = jsonArrayStream(RESULTS_INDENT);

  function file(file: FileReport): Iterable<string> {
    const uri = encode(pathFrom(input.baseDir, file));
    const location = artifactOf(uri);
    // Artifacts are numbered in the order files and their related files are first met.
    for (const d of file.diagnostics) for (const r of d.related) if (r.file) artifactOf(encode(relativeTo(input.baseDir, r.file)));
    const seen = new Map<string, number>();
    for (const d of file.diagnostics) {
      const fp = fingerprint(d, uri, seen);
      const result: Record<string, unknown> = {
        ruleId: d.ruleId,
        ruleIndex: ruleIndex.get(d.ruleId) ?? -1,
        level: LEVEL[d.severity],
        message: { text: d.related.length ? withLinks(d) : d.message },
        locations: [{ physicalLocation: { ...location, region: region(d.range) }, ...logical(d) }],
        // GitHub keys alerts on primaryLocationLineHash alone; ours does not depend on line numbers or line text.
        partialFingerprints: { primaryLocationLineHash: `${fp.hash.slice(0, 16)}:${fp.occurrence}` },
      };
      if (d.related.length) {
        result.relatedLocations = d.related.map((r, i) => ({
          id: i + 1,
          message: { text: r.message },
          // A location in another file (an inventory file) is an artifact of its own.
          physicalLocation: { ...(r.file ? artifactOf(encode(relativeTo(input.baseDir, r.file))) : location), region: region(r.range) },
        }));
      }
      if (d.fix) {
        result.fixes = [
          {
            description: { text: d.fix.title },
            artifactChanges: [
              {
                ...location,
                replacements: d.fix.edits.map((e) => ({
                  deletedRegion: region(file.source.rangeOf(e)),
                  insertedContent: { text: e.newText },
                })),
              },
            ],
          },
        ];
      }
      if (d.suppressions?.length) {
        result.suppressions = d.suppressions.map((s) => ({ kind: s.kind, ...(s.justification ? { justification: s.justification } : {}) }));
      }
      for (const piece of array.item(result)) results.add(piece);
    }
    return [];
  }

  function* end(run: RunEnd): Generator<string> {
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: TOOL_NAME,
              version: VERSION,
              semanticVersion: VERSION,
              informationUri: HOMEPAGE,
              rules: input.rules.map(descriptor),
            },
          },
          automationDetails: { id: `${TOOL_NAME}/` },
          originalUriBaseIds: { [SRCROOT]: { uri: dirUri(input.baseDir) } },
          artifacts,
          columnKind: 'utf16CodeUnits',
          invocations: [
            {
              executionSuccessful: run.executionSuccessful,
              workingDirectory: { uri: dirUri(input.cwd) },
              ...(run.notifications.length
                ? { toolExecutionNotifications: run.notifications.map((text) => ({ level: 'error', message: { text } })) }
                : {}),
            },
          ],
          results: new Raw(resultsText()),
        },
      ],
    };
    yield* streamJson(log);
    yield '\n';
  }

  function* resultsText(): Generator<string> {
    yield* results.drain();
    yield* array.end();
  }

  return { start: () => [], file, end };
}

/** SARIF message text: literal square brackets are escaped, and `[text](id)` links a related location. */
function escapeBrackets(s: string): string {
  return s.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** The message with a link to each related location, so that GitHub shows them as links in the alert. */
function withLinks(d: Diagnostic): string {
  const links = d.related.map((r, i) => `[${escapeBrackets(r.message.replace(/[.\s]+$/, ''))}](${i + 1})`);
  return `${escapeBrackets(d.message)} See: ${links.join('; ')}.`;
}

/** At most `max` characters, cut after a sentence (or else a word) and marked with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const sentence = head.lastIndexOf('. ');
  const cut = sentence > max / 2 ? sentence + 1 : head.lastIndexOf(' ') > max / 2 ? head.lastIndexOf(' ') : head.length;
  return `${head.slice(0, cut).trimEnd()}…`;
}

function descriptor(meta: RuleMeta) {
  const docs = docsUrlOf(meta);
  const help = `${meta.details}\n\nDocumented: ${meta.fact.text} (source: ${meta.fact.source})\n\nDocs: ${docs}`;
  const security = meta.category === 'security';
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: { text: truncate(meta.details, MAX_FULL_DESCRIPTION) },
    helpUri: docs,
    help: {
      text: help,
      markdown: `${meta.details}\n\n**Documented:** ${meta.fact.text} (source: ${meta.fact.source})\n\n[Rule documentation](${docs})`,
    },
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: {
      // Code scanning uses security-severity only on rules tagged "security".
      tags: security && !meta.tags.includes('security') ? [...meta.tags, 'security'] : meta.tags,
      category: meta.category,
      precision: 'high',
      'problem.severity': PROBLEM_SEVERITY[meta.defaultSeverity],
      ...(security ? { 'security-severity': SECURITY_SEVERITY[meta.defaultSeverity] } : {}),
    },
  };
}

function region(r: Range) {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

function logical(d: Diagnostic) {
  if (!d.path.length) return {};
  return { logicalLocations: [{ fullyQualifiedName: toJsonPointer(d.path), kind: 'member' }] };
}

function dirUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
