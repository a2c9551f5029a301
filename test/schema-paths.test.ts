/**
 * Generated from the reference list of every CreateCluster field (`../shared/reference/createcluster-field-paths.tsv`)
 * and the schema's own field table:
 * - every listed path is in the schema, and the schema has no field the list lacks (except the documented additions);
 * - a request that sets the field to a valid value draws no schema finding (no false unknown-key or type error), in
 *   JSON and in YAML;
 * - for every field with allowed values, a range, a length, a pattern or a format, one invalid value draws exactly one
 *   `invalid-value` error whose range is exactly that value.
 * The expected ranges are found by searching the generated text, not through the document model under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fullFieldTable, lint, type FieldInfo } from '@acklint/core';

const FIELD_TABLE = fullFieldTable();
const fieldInfo = (p: string): FieldInfo | undefined => FIELD_TABLE.fields[p];
import { builtinRules } from '@acklint/rules';

const TSV = join(import.meta.dirname, '..', '..', 'shared', 'reference', 'createcluster-field-paths.tsv');
const referencePaths = readFileSync(TSV, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t')[0]!)
  // The list writes a list field as `addons[]`; the schema's field table calls it `addons` (`addons[].name` inside).
  .map((p) => p.replace(/\[\]$/, ''));

/**
 * Fields the schema accepts beyond the CreateCluster list: node-pool fields that the CreateClusterNodePool model
 * documents and real CreateCluster bodies use inside `nodepools[]` (the Go SDK's shared Nodepool model lags behind).
 */
const ADDITIONS = new Set(Object.keys(FIELD_TABLE.fields).filter((p) => /Node ?pool API|CreateClusterNodePool/i.test(FIELD_TABLE.fields[p]!.source ?? '')));

const schemaRules = builtinRules.filter((r) => r.meta.category === 'schema');
const BASE = { name: 'demo', region_id: 'cn-hangzhou', cluster_type: 'ManagedKubernetes' };

const FORMAT_SAMPLES: Record<string, string> = {
  cidr: '172.20.0.0/16',
  'ipv4-cidr': '172.20.0.0/16',
  'cidr-list': '172.21.0.0/20',
  'kubernetes-version': '1.35.1-aliyun.1',
  timezone: 'Asia/Shanghai',
  'region-id': 'cn-hangzhou',
  'dns-domain': 'cluster.local',
  'ip-or-dns': 'api.example.com',
  base64: 'ZWNobyBoZWxsbw==',
  'k8s-label-key': 'example.com/role',
  'k8s-label-value': 'web',
  'ecs-password': 'Hello1234!',
  'duration-hours': '3h',
  'maintenance-time': '03:00:00Z',
  'integer-string': '30',
  'ip-or-dns-list': '10.0.0.1,api.example.com',
  'ecs-instance-type': 'ecs.g7.xlarge',
};

function sampleString(f: { format?: string; pattern?: string; examples?: unknown[]; minLength?: number }, path: string): string {
  if (f.format) return FORMAT_SAMPLES[f.format] ?? `no sample for format ${f.format}`;
  if (f.pattern) {
    // Resource IDs (`^vsw-[a-z0-9]+$`) and similar: try a few plausible values, else ask for an example.
    const re = new RegExp(f.pattern, 'u');
    const prefix = /^\^([a-z]+-)/.exec(f.pattern)?.[1] ?? '';
    const found = [`${prefix}2zeabc123`, 'abc123', '30', 'x', 'value-1'].find((c) => re.test(c));
    if (found) return found;
    throw new Error(`${path} has a pattern but no examples: add one to the schema`);
  }
  return 'x'.repeat(Math.max(1, f.minLength ?? 1));
}

/** A valid value for a field. */
function sample(path: string, f: FieldInfo): unknown {
  if (f.examples && f.examples.length > 0) return f.examples[0];
  if (f.enum) return f.enum[0];
  if (f.range) return String(f.range[0]);
  switch (f.type) {
    case 'string':
      return sampleString(f, path);
    case 'integer':
    case 'number':
      return f.minimum ?? (f.maximum !== undefined ? Math.min(1, f.maximum) : 1);
    case 'boolean':
      return true;
    case 'object':
      return requiredObject(path);
    default:
      if (f.type.startsWith('map')) return {};
      if (f.type.startsWith('array<')) {
        const item = f.itemKeys ? requiredObject(`${path}[]`) : f.itemEnum ? f.itemEnum[0] : f.type === 'array<string>' ? sampleString({ format: f.itemFormat, pattern: f.itemPattern }, path) : 1;
        return Array.from({ length: Math.max(1, f.minItems ?? 1) }, () => item);
      }
      throw new Error(`no sample for ${path} of type ${f.type}`);
  }
}

/** An object with its required keys filled in. */
function requiredObject(path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [p, f] of Object.entries(FIELD_TABLE.fields)) {
    if (!f.required || !p.startsWith(`${path}.`) || p.slice(path.length + 1).includes('.')) continue;
    out[p.slice(path.length + 1)] = sample(p, f);
  }
  return out;
}

/** A request with `value` at the field path, intermediate objects and list items created with their required keys. */
function requestWith(path: string, value: unknown): Record<string, unknown> {
  const doc: Record<string, unknown> = { ...BASE };
  const parts = path.split('.');
  let cur: Record<string, unknown> = doc;
  let sofar = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const isList = part.endsWith('[]');
    const key = isList ? part.slice(0, -2) : part;
    sofar = sofar ? `${sofar}.${key}` : key;
    if (last && !isList) {
      cur[key] = value;
      return;
    }
    if (last && isList) {
      cur[key] = Array.isArray(value) ? value : [value];
      return;
    }
    const child = isList ? requiredObject(`${sofar}[]`) : requiredObject(sofar);
    cur[key] = isList ? [child] : child;
    cur = child;
    if (isList) sofar = `${sofar}[]`;
  });
  return doc;
}

async function schemaDiagnostics(text: string, fileName: string) {
  const result = await lint(text, { fileName, rules: schemaRules });
  return result.diagnostics.filter((d) => d.ruleId !== 'deprecated-field');
}

describe('the schema covers the reference field list', () => {
  it('has every path of createcluster-field-paths.tsv', () => {
    expect(referencePaths.length).toBe(332);
    expect(referencePaths.filter((p) => !fieldInfo(p))).toEqual([]);
  });
  it('has no field the reference list lacks, except documented node-pool additions', () => {
    const listed = new Set(referencePaths);
    expect(Object.keys(FIELD_TABLE.fields).filter((p) => !listed.has(p) && !ADDITIONS.has(p))).toEqual([]);
  });
  it('describes every field', () => {
    expect(Object.keys(FIELD_TABLE.fields).filter((p) => !FIELD_TABLE.fields[p]!.description)).toEqual([]);
  });
});

const leaves = Object.entries(FIELD_TABLE.fields);

describe.each(['json', 'yaml'] as const)('a valid value is accepted (%s)', (format) => {
  it.each(leaves.map(([p]) => [p]))('%s', async (path) => {
    const doc = requestWith(path, sample(path, fieldInfo(path)!));
    const text = format === 'json' ? JSON.stringify(doc, null, 2) : stringify(doc);
    const diags = await schemaDiagnostics(text, `spec.${format}`);
    expect(diags.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});

/** An invalid value for a checked field, and where in the list it goes; undefined for unchecked fields. */
function invalidSample(f: FieldInfo): { value: unknown; literal: string } | undefined {
  const str = (s: string) => ({ value: s, literal: JSON.stringify(s) });
  if (f.enum) return typeof f.enum[0] === 'number' ? { value: 987654, literal: '987654' } : str('not-a-real-value');
  if (f.range) return str(String(f.range[1] + 1));
  if (f.maximum !== undefined) return { value: f.maximum + 1, literal: String(f.maximum + 1) };
  if (f.minimum !== undefined && f.minimum > 0) return { value: f.minimum - 1, literal: String(f.minimum - 1) };
  if (f.type === 'string' && (f.format || f.pattern)) return str('%%% not valid %%%');
  if (f.type === 'string' && f.maxLength !== undefined) return str('x'.repeat(f.maxLength + 1));
  if (f.type === 'array<string>' && f.itemEnum) return str('not-a-real-value');
  if (f.type === 'array<string>' && (f.itemFormat || f.itemPattern)) return str('%%% not valid %%%');
  return undefined;
}

const checked = leaves.filter(([, f]) => invalidSample(f) !== undefined);

describe.each(['json', 'yaml'] as const)('an invalid value is an error at exactly the value (%s)', (format) => {
  it('covers the checked fields', () => expect(checked.length).toBeGreaterThan(50));
  it.each(checked.map(([p]) => [p]))('%s', async (path) => {
    const f = fieldInfo(path)!;
    const bad = invalidSample(f)!;
    const value = f.type.startsWith('array<') ? [bad.value] : bad.value;
    const doc = requestWith(path, value);
    const text = format === 'json' ? JSON.stringify(doc, null, 2) : stringify(doc);
    // The bad value is the last thing the generator writes; in YAML a string may be written without quotes.
    const literal = format === 'json' || text.lastIndexOf(bad.literal) >= 0 ? bad.literal : String(bad.value);
    const start = text.lastIndexOf(literal);
    expect(start).toBeGreaterThan(0);
    const diags = await schemaDiagnostics(text, `spec.${format}`);
    expect(diags.map((d) => [d.ruleId, d.span.start, d.span.end])).toEqual([['invalid-value', start, start + literal.length]]);
    if (f.sensitive) expect(diags[0]!.message).not.toContain(String(bad.value));
  });
});
