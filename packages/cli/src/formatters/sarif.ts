import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { HOMEPAGE, TOOL_NAME, VERSION, docsUrlOf, toJsonPointer, type Diagnostic, type Range, type RuleMeta, type Severity } from '@acklint/core';
import type { FileReport, FormatInput } from '../types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: one run, every enabled rule described, paths
 * relative to %SRCROOT% (the working directory), UTF-16 columns, and fingerprints that survive line shifts.
 */
export function sarif(input: FormatInput): string {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  const artifacts: { location: { uri: string; uriBaseId: string } }[] = [];
  const artifactIndex = new Map<string, number>();
  const results: unknown[] = [];

  const artifactOf = (abs: string) => {
    const uri = relativeTo(input.cwd, abs).split('/').map(encodeURIComponent).join('/');
    if (!artifactIndex.has(uri)) {
      artifactIndex.set(uri, artifacts.length);
      artifacts.push({ location: { uri, uriBaseId: SRCROOT } });
    }
    return { artifactLocation: { uri, uriBaseId: SRCROOT, index: artifactIndex.get(uri)! } };
  };

  for (const file of input.files) {
    const uri = artifactUri(file, input.cwd);
    if (!artifactIndex.has(uri)) {
      artifactIndex.set(uri, artifacts.length);
      artifacts.push({ location: { uri, uriBaseId: SRCROOT } });
    }
    const index = artifactIndex.get(uri)!;
    const seen = new Map<string, number>();
    for (const d of file.diagnostics) {
      const location = { artifactLocation: { uri, uriBaseId: SRCROOT, index } };
      const result: Record<string, unknown> = {
        ruleId: d.ruleId,
        ruleIndex: ruleIndex.get(d.ruleId) ?? -1,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { ...location, region: region(d.range) }, ...logical(d) }],
        partialFingerprints: { 'acklintFindingHash/v1': fingerprint(d, uri, seen) },
      };
      if (d.related.length) {
        result.relatedLocations = d.related.map((r, i) => ({
          id: i + 1,
          message: { text: r.message },
          // A location in another file (an inventory file) is an artifact of its own.
          physicalLocation: { ...(r.file ? artifactOf(r.file) : location), region: region(r.range) },
        }));
      }
      if (d.fix) {
        result.fixes = [
          {
            description: { text: d.fix.title },
            artifactChanges: [
              {
                artifactLocation: { uri, uriBaseId: SRCROOT, index },
                replacements: d.fix.edits.map((e) => ({
                  deletedRegion: region(file.source.rangeOf(e)),
                  insertedContent: { text: e.newText },
                })),
              },
            ],
          },
        ];
      }
      results.push(result);
    }
  }

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
        originalUriBaseIds: { [SRCROOT]: { uri: dirUri(input.cwd) } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: input.executionSuccessful,
            workingDirectory: { uri: dirUri(input.cwd) },
            ...(input.notifications.length
              ? { toolExecutionNotifications: input.notifications.map((text) => ({ level: 'error', message: { text } })) }
              : {}),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function descriptor(meta: RuleMeta) {
  const docs = docsUrlOf(meta);
  const help = `${meta.details}\n\nDocumented: ${meta.fact.text} (source: ${meta.fact.source})\n\nDocs: ${docs}`;
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.details },
    helpUri: docs,
    help: {
      text: help,
      markdown: `${meta.details}\n\n**Documented:** ${meta.fact.text} (source: ${meta.fact.source})\n\n[Rule documentation](${docs})`,
    },
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { tags: meta.tags, category: meta.category },
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

/**
 * Stable across edits that move lines: rule + file + document + JSON pointer (+ message for findings without a
 * path, e.g. syntax errors), with an ordinal for repeats of the same key.
 */
function fingerprint(d: Diagnostic, uri: string, seen: Map<string, number>): string {
  const key = [d.ruleId, uri, String(d.documentIndex), toJsonPointer(d.path), d.path.length ? '' : d.message].join('\u0000');
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
}

function artifactUri(file: FileReport, cwd: string): string {
  const display = file.displayPath.split(/[\\/]/).map(encodeURIComponent).join('/');
  if (!file.absPath) return display;
  const rel = relativeTo(cwd, file.absPath);
  return rel.split('/').map(encodeURIComponent).join('/');
}

function relativeTo(from: string, to: string): string {
  const a = from.split(/[\\/]/).filter(Boolean);
  const b = to.split(/[\\/]/).filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

function dirUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
