/**
 * Checks a CreateCluster body against the schema (the ajv validator generated at build time) and turns every ajv error
 * into a finding with the exact place, a sentence a person understands and, where one is clear, a fix. One walk over
 * the known fields adds what the validator does not report: deprecated fields and values, and placeholders. Findings
 * are grouped by kind; a rule per kind (`invalid-type`, `invalid-value`, `unknown-field`, `missing-field`,
 * `deprecated-field`, `placeholder-value`) reports them, so each can be configured on its own.
 */
import type { ErrorObject } from 'ajv';
import validate from '../generated/createcluster-validator.js';
import { closest } from '../config.js';
import { INVALID, type ClusterDocument, type Entry, type JsonPath, type JsonValue, type Node } from '../model.js';
import { formatPath } from '../path.js';
import { oncePer, showValue } from '../values.js';
import type { FixSpec, Report } from '../rule.js';
import type { Span } from '../text.js';
import { allowedKeys, fieldDocs, fieldInfo, fieldPath, fieldsAliased, fieldsNamed, fieldTree, type FieldInfo, type FieldNode } from './fields.js';
import { FORMAT_HINTS, instanceTypeSpelling, passwordProblem, placeholderKind, timeZoneSpelling, type FormatName } from './formats.js';
import { terraformName } from './terraform-names.js';

export type SchemaFindingKind = 'type' | 'value' | 'unknown' | 'missing' | 'deprecated' | 'placeholder' | 'also-accepted';

export interface SchemaFinding {
  kind: SchemaFindingKind;
  report: Report;
}

/** The schema findings of a document (computed once per document, whichever rule asks first). */
export const schemaFindings: (doc: ClusterDocument) => readonly SchemaFinding[] = oncePer(check);

function check(doc: ClusterDocument): SchemaFinding[] {
  const value = doc.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const out: SchemaFinding[] = [];
  validate(value);
  const errors = validate.errors;
  const seen = errors?.length ? new Set<string>() : undefined;
  for (const err of errors ?? []) {
    const finding = fromError(doc, err);
    if (!finding) continue;
    // ajv reports some problems once per failing branch; one finding per place and message is enough.
    const key = `${finding.kind}\0${JSON.stringify(finding.report.at)}\0${finding.report.message}`;
    if (seen!.has(key)) continue;
    seen!.add(key);
    out.push(finding);
    if (finding.kind === 'also-accepted') {
      // The number is taken, so the range of the string it stands for still applies.
      const path = toPath(doc, err.instancePath)!;
      const range = rangeProblem(path, doc.get(path));
      if (range) out.push(range);
    }
  }
  walk(doc, out);
  return out;
}

/** RFC 6901 pointer → path, with array indices as numbers. */
function toPath(doc: ClusterDocument, pointer: string): JsonPath | undefined {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  // One walk down the value alongside the pointer (what doc.get gives for each prefix).
  let cur: JsonValue | undefined = doc.value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.includes('~') ? raw.replace(/~1/g, '/').replace(/~0/g, '~') : raw;
    if (Array.isArray(cur)) {
      const i = Number(seg);
      if (!Number.isInteger(i)) return undefined;
      path.push(i);
      cur = cur[i];
    } else {
      path.push(seg);
      cur = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, seg) ? cur[seg] : undefined;
    }
  }
  return path;
}

/** A field name as messages show it: the document path, which says exactly which node pool or disk is meant. */
const label = (path: JsonPath) => formatPath(path);

function describeValue(v: JsonValue | undefined, node: Node | undefined): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return node?.kind === 'string' && node.plain && /^(?:y|n|yes|no|on|off|true|false)$/i.test(v) ? `the YAML string ${v}` : 'a string';
    case 'number':
      return Number.isInteger(v) ? 'a whole number' : 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return 'an unreadable value';
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** A value as a message quotes it (any shape; see showValue). */
function quoted(v: JsonValue | undefined): string {
  return showValue(v);
}

/** The text of a value as written (for numbers: `0.39` stays `0.39`). */
function sourceText(doc: ClusterDocument, node: Node): string {
  return doc.source.text.slice(node.start, node.end);
}

function fromError(doc: ClusterDocument, err: ErrorObject): SchemaFinding | undefined {
  let custom: string | undefined;
  if (err.keyword === 'errorMessage') {
    const inner = (err.params as { errors?: ErrorObject[] }).errors?.[0];
    if (!inner) return undefined;
    custom = err.message;
    err = inner;
  }
  const path = toPath(doc, err.instancePath);
  if (!path) return undefined;
  const v = doc.get(path);
  if (v === INVALID) return undefined; // a syntax error, reported already
  const node = doc.node(path);
  const field = fieldInfo(path);
  const name = label(path);
  const params = err.params as Record<string, unknown>;
  // A number or boolean the API also takes here is reported once, by its type finding; its enum check reads it as text.
  const also = field?.alsoAccepts;
  if (err.keyword === 'enum' && also && (typeof v === 'number' || typeof v === 'boolean') && also.types.includes(typeof v)) {
    if (((params.allowedValues as unknown[]) ?? []).includes(String(v))) return undefined;
  }
  // A placeholder is reported once, as such (see walk below), not as a malformed value.
  if (typeof v === 'string' && err.keyword !== 'type' && !field?.sensitive && placeholderKind(v)) return undefined;
  const must = (text: string) => (custom ? `${name} ${sentence(custom)}` : `${name} ${text}`);

  switch (err.keyword) {
    case 'type': {
      // The API (Go's JSON decoder) reads null as "not set" for every field.
      if (v === null) return undefined;
      if (also && (typeof v === 'number' || typeof v === 'boolean') && also.types.includes(typeof v) && node && !field.sensitive) {
        return { kind: 'also-accepted', report: alsoAcceptedReport(doc, path, v, node, also.why) };
      }
      return { kind: 'type', report: typeReport(doc, path, String(params.type), v, node, field) };
    }
    case 'additionalProperties':
      return { kind: 'unknown', report: unknownReport(doc, path, String(params.additionalProperty)) };
    case 'required': {
      const missing = String(params.missingProperty);
      const what = missingGloss([...path, missing]);
      const where = path.length === 0 ? 'The request' : name;
      return {
        kind: 'missing',
        report: {
          message: `${where} is missing the required field ${missing}${what}.`,
          at: path.length === 0 ? rootSpan(doc) : { path, on: 'key' },
        },
      };
    }
    case 'enum':
      return { kind: 'value', report: enumReport(doc, path, v, (params.allowedValues as unknown[]) ?? [], field, custom) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = params.limit;
      const rel = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[err.keyword];
      const range = field?.minimum !== undefined && field?.maximum !== undefined ? `from ${field.minimum} to ${field.maximum}` : `${rel} ${limit}`;
      return { kind: 'value', report: { message: must(`must be ${range}; found ${quoted(v)}.`), at: { path } } };
    }
    case 'x-range': {
      const { min, max } = params as { min: number; max: number };
      return { kind: 'value', report: { message: must(`must be a whole number from ${min} to ${max}, written as a string; found ${quoted(v)}.`), at: { path } } };
    }
    case 'minLength':
    case 'maxLength': {
      if (field?.sensitive) return { kind: 'value', report: { message: `${name} has the wrong length.`, at: { path } } };
      const n = typeof v === 'string' ? [...v].length : 0;
      const limit = Number(params.limit);
      const message =
        err.keyword === 'minLength'
          ? limit === 1
            ? `must not be empty.`
            : `must be at least ${limit} characters long (it has ${n}).`
          : `must be at most ${limit} characters long (it has ${n}).`;
      return { kind: 'value', report: { message: must(message), at: { path } } };
    }
    case 'minItems':
      return { kind: 'value', report: { message: must(`must list at least ${params.limit} item${params.limit === 1 ? '' : 's'}.`), at: { path } } };
    case 'maxItems': {
      const limit = Number(params.limit);
      const count = Array.isArray(v) ? v.length : 0;
      // Point at the items beyond the limit: they are what has to go.
      const at: Span | { path: JsonPath } =
        node?.kind === 'array' && node.items.length > limit ? { start: node.items[limit]!.start, end: node.items[node.items.length - 1]!.end } : { path };
      return { kind: 'value', report: { message: must(`may list at most ${limit} items; it lists ${count}.`), at } };
    }
    case 'uniqueItems': {
      const { i, j } = params as { i: number; j: number };
      // ajv reports the later index as i and the earlier as j.
      const [first, dup] = i < j ? [i, j] : [j, i];
      return {
        kind: 'value',
        report: {
          message: `${label([...path, dup])} repeats ${label([...path, first])}: each item of ${name} must be different.`,
          at: { path: [...path, dup] },
          related: [{ path: [...path, first], message: 'first listed here' }],
        },
      };
    }
    case 'pattern':
    case 'not': {
      const found = field?.sensitive || typeof v !== 'string' ? '' : `; found ${JSON.stringify(v)}`;
      const text = custom ? sentence(custom, found) : `does not have the expected form (pattern ${String(params.pattern ?? '')})${found}.`;
      return { kind: 'value', report: { message: `${name} ${text}`, at: { path } } };
    }
    case 'format':
      return { kind: 'value', report: formatReport(doc, path, String(params.format) as FormatName, v, field, custom) };
    default:
      return { kind: 'value', report: { message: `${name} ${sentence(custom ?? err.message ?? 'is not valid')}`, at: { path } } };
  }
}

/** `custom` (an ajv-errors message) as the end of a sentence, with `found` before the full stop. */
function sentence(custom: string, found = ''): string {
  return `${custom.trim().replace(/[.]$/, '')}${found}.`;
}

const glosses = new Map<string, string>();

/** ` (what the field is)` for a missing-field message, or '' for a field without a description; one per field. */
function missingGloss(path: JsonPath): string {
  const key = fieldPath(path);
  let what = glosses.get(key);
  if (what === undefined) {
    const description = fieldDocs(key)?.description;
    glosses.set(key, (what = description ? ` (${firstSentence(description)})` : ''));
  }
  return what;
}

/** A short gloss of a field for a parenthesis: its description up to the first full stop, comma or parenthesis. */
function firstSentence(s: string): string {
  const m = /^(.*?)(?:[.!?](?:\s|$)|,| \(|$)/.exec(s);
  return (m ? m[1]! : s).trim();
}

/** Where to show a problem of the whole request: the opening brace of a JSON object, the first key in YAML. */
function rootSpan(doc: ClusterDocument): Span {
  const root = doc.root;
  if (!root) return { start: doc.span.start, end: doc.span.start };
  if (doc.source.text[root.start] === '{') return { start: root.start, end: root.start + 1 };
  if (root.kind === 'object' && root.entries[0]) return { ...root.entries[0].keySpan };
  return { start: root.start, end: Math.min(root.end, root.start + 1) };
}

/** String fields that hold a comma-separated list (people often write a list instead). */
const COMMA_SEPARATED = new Set(['api_audiences', 'custom_san']);

const YAML_TRUE = /^(?:y|yes|on|true)$/i;
const YAML_FALSE = /^(?:n|no|off|false)$/i;

function typeReport(doc: ClusterDocument, path: JsonPath, expected: string, v: JsonValue | undefined, node: Node | undefined, field: FieldInfo | undefined): Report {
  const name = label(path);
  const want = expected
    .split(',')
    .map((t) => TYPE_WORDS[t] ?? t)
    .join(' or ');
  const found = describeValue(v, node);
  const at = { path };
  const replace = (newText: string, title: string, safe: boolean): FixSpec => ({ title, safe, edits: [{ target: { path }, newText }] });
  const secret = field?.sensitive === true;

  if (expected === 'boolean' && typeof v === 'string') {
    const b = YAML_TRUE.test(v.trim()) ? 'true' : YAML_FALSE.test(v.trim()) ? 'false' : undefined;
    if (b) {
      const hint =
        node?.kind === 'string' && node.plain
          ? `YAML 1.2 reads ${v} as a string, and the API rejects a string here. Write ${b}.`
          : `Write ${b} without quotes.`;
      return { message: `${name} must be a boolean (true or false), not ${found}. ${hint}`, at, fix: replace(b, `Write ${b}`, true) };
    }
  }
  if (expected === 'string' && (typeof v === 'number' || typeof v === 'boolean') && node && !secret) {
    const text = typeof v === 'number' ? sourceText(doc, node) : String(v);
    const literal = JSON.stringify(text);
    return {
      message: `${name} must be a string: the API reads this field as text. Write ${literal}.`,
      at,
      fix: replace(literal, `Quote the value: ${literal}`, true),
    };
  }
  if ((expected === 'integer' || expected === 'number') && typeof v === 'string' && /^\s*-?[0-9]+\s*$/.test(v) && !secret) {
    const n = String(Number(v.trim()));
    return { message: `${name} must be ${want}, not a string. Write ${n} without quotes.`, at, fix: replace(n, `Write ${n}`, true) };
  }
  if (expected === 'array' && typeof v === 'string' && !secret) {
    const items = field?.type === 'array<string>' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [v];
    const literal = `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
    return { message: `${name} must be a list, not ${found}. Write ${literal}.`, at, fix: replace(literal, `Make it a list: ${literal}`, false) };
  }
  if (expected === 'string' && Array.isArray(v) && v.every((x) => typeof x === 'string') && COMMA_SEPARATED.has(fieldPath(path))) {
    const joined = JSON.stringify((v as string[]).join(','));
    return { message: `${name} must be one string of comma-separated values, not a list. Write ${joined}.`, at, fix: replace(joined, `Join into ${joined}`, false) };
  }
  return { message: `${name} must be ${want}, not ${found}.`, at };
}

/** A JSON number or boolean in a string field that the API also reads that way: a warning that says why. */
function alsoAcceptedReport(doc: ClusterDocument, path: JsonPath, v: number | boolean, node: Node, why: string): Report {
  const text = typeof v === 'number' ? sourceText(doc, node) : String(v);
  const literal = JSON.stringify(text);
  const kind = typeof v === 'number' ? 'a number' : 'a boolean';
  return {
    message: `${label(path)} is ${kind} where the API expects a string: ${why.trim().replace(/[.]$/, '')}. Write ${literal} to match the API reference.`,
    at: { path },
    fix: { title: `Quote the value: ${literal}`, safe: true, edits: [{ target: { path }, newText: literal }] },
  };
}

/** A number given for a numeric-string field with an `x-range`: it must be a whole number in that range. */
function rangeProblem(path: JsonPath, v: JsonValue | undefined): SchemaFinding | undefined {
  const range = fieldInfo(path)?.range;
  if (!range || typeof v !== 'number') return undefined;
  if (Number.isInteger(v) && v >= range[0] && v <= range[1]) return undefined;
  return { kind: 'value', report: { message: `${label(path)} must be a whole number from ${range[0]} to ${range[1]}; found ${v}.`, at: { path } } };
}

/** The enum value meant by a wrong one: same letters in another case, a prefix, or a near spelling. */
function closestEnum(v: string, allowed: string[]): { value: string; certain: boolean } | undefined {
  const lower = v.toLowerCase();
  const sameCase = allowed.filter((a) => a.toLowerCase() === lower);
  if (sameCase.length === 1) return { value: sameCase[0]!, certain: true };
  const prefixed = allowed.filter((a) => lower.length >= 3 && a.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return { value: prefixed[0]!, certain: false };
  const near = closest(v, allowed, Math.max(1, Math.floor(v.length / 4)), (s) => s.toLowerCase());
  return near !== undefined ? { value: near, certain: false } : undefined;
}

function enumReport(doc: ClusterDocument, path: JsonPath, v: JsonValue | undefined, allowed: unknown[], field: FieldInfo | undefined, custom?: string): Report {
  const name = label(path);
  // Deprecated values are accepted, but not recommended: messages and suggestions leave them out.
  allowed = allowed.filter((a) => !(typeof a === 'string' && field?.deprecatedValues && Object.hasOwn(field.deprecatedValues, a)));
  const list = allowed.map((a) => quoted(a as JsonValue)).join(', ');
  const foundText = field?.sensitive ? '' : `; found ${quoted(v)}`;
  if (custom) return { message: `${name} ${sentence(custom, foundText)}`, at: { path } };
  const strings = allowed.filter((a): a is string => typeof a === 'string');
  const guess = typeof v === 'string' && !field?.sensitive ? closestEnum(v, strings) : undefined;
  if (guess) {
    const newText = doc.stringLiteral(path, guess.value);
    return {
      message: `${name} must be one of ${list}${foundText}. Did you mean ${quoted(guess.value)}?`,
      at: { path },
      fix: { title: `Change to ${quoted(guess.value)}`, safe: guess.certain, edits: [{ target: { path }, newText }] },
    };
  }
  // A number where a string value is expected (`period_unit: 1`?) gets no guess.
  return { message: `${name} must be one of ${list}${foundText}.`, at: { path } };
}

function formatReport(doc: ClusterDocument, path: JsonPath, format: FormatName, v: JsonValue | undefined, field: FieldInfo | undefined, custom?: string): Report {
  const name = label(path);
  const at = { path };
  if (format === 'ecs-password') {
    // Never show the value, not even a part of it.
    const problem = typeof v === 'string' ? passwordProblem(v) : undefined;
    return { message: `${name} ${problem ?? FORMAT_HINTS[format]}. ECS rejects the password and the node pool cannot be created.`, at };
  }
  const hint = custom ? custom.trim().replace(/[.]$/, '') : (FORMAT_HINTS[format] ?? 'is not valid');
  const found = field?.sensitive || typeof v !== 'string' ? '' : `; found ${JSON.stringify(v)}`;
  if (format === 'timezone' && typeof v === 'string') {
    const spelled = timeZoneSpelling(v);
    if (spelled) {
      return {
        message: `${name} ${hint}${found}. Zone names are case-sensitive: did you mean ${JSON.stringify(spelled)}?`,
        at,
        fix: { title: `Change to ${JSON.stringify(spelled)}`, safe: true, edits: [{ target: at, newText: doc.stringLiteral(path, spelled) }] },
      };
    }
  }
  if (format === 'ecs-instance-type' && typeof v === 'string') {
    const meant = instanceTypeSpelling(v);
    if (meant) {
      return {
        message: `${name} ${hint}${found}. Did you mean ${JSON.stringify(meant.value)}?`,
        at,
        fix: { title: `Change to ${JSON.stringify(meant.value)}`, safe: meant.certain, edits: [{ target: at, newText: doc.stringLiteral(path, meant.value) }] },
      };
    }
  }
  if (format === 'kubernetes-version' && typeof v === 'string' && /^v?[0-9]+\.[0-9]+\.[0-9]+$/.test(v)) {
    const fixed = `${v.replace(/^v/, '')}-aliyun.1`;
    return {
      message: `${name} ${hint}${found}. ACK versions carry an -aliyun.n suffix: did you mean ${JSON.stringify(fixed)}?`,
      at,
      fix: { title: `Change to ${JSON.stringify(fixed)}`, safe: false, edits: [{ target: at, newText: doc.stringLiteral(path, fixed) }] },
    };
  }
  return { message: `${name} ${hint}${found}.`, at };
}

/** Text that writes `key` as an object key in the style of the key it replaces. */
function keyLiteral(doc: ClusterDocument, entry: Entry, key: string): string {
  const first = doc.source.text[entry.keySpan.start];
  if (first === '"' || doc.format !== 'yaml') return JSON.stringify(key);
  if (first === "'") return `'${key}'`;
  return key;
}

const normalise = (s: string) => s.replace(/[-_]/g, '').toLowerCase();

/**
 * The field of the object at `parent` that an unknown `key` probably stands for, and why. `elsewhere` is set when the key
 * is another tool's name for a field of another shape (Terraform's flat worker_data_disk_category for the category
 * of each worker_data_disks item): `meant` is then that field's path from `parent`, and renaming the key is not the fix.
 */
function meantField(parent: JsonPath, key: string): { meant: string; why: string; elsewhere?: boolean } | undefined {
  const here = allowedKeys(parent) ?? [];
  const parentField = fieldPath(parent);
  const prefix = parentField ? `${parentField}.` : '';
  // 1. A known alias of a field of this object (Terraform's vpc_id for vpcid…).
  const alias = fieldsAliased(key)
    .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('.'))
    .map((p) => p.slice(prefix.length))[0];
  if (alias) return { meant: alias, why: 'the API name for this field' };
  // 2. The same words in another spelling (camelCase, dashes, case).
  const respelled = here.find((k) => normalise(k) === normalise(key));
  if (respelled) return { meant: respelled, why: 'the API spells it this way' };
  // 3. A Terraform argument name, here or for a field of another shape.
  const tf = terraformName(parentField, key);
  if (tf) {
    if (/[.[]/.test(tf.api)) return { meant: tf.api, why: tf.resource, elsewhere: true };
    if (here.includes(tf.api)) return { meant: tf.api, why: `Terraform's name in ${tf.resource}` };
  }
  // 4. A near spelling.
  const near = closest(key, here, Math.max(2, Math.floor(key.length / 4)));
  return near !== undefined ? { meant: near, why: '' } : undefined;
}

/**
 * Where a field of another shape is, in words: `worker_data_disks[].category` from the top level reads "the category
 * of each item of the worker_data_disks list (worker_data_disks[].category)".
 */
function formatShape(parent: JsonPath, rel: string): string {
  const segs = rel.split('.');
  const leaf = segs.pop()!;
  const containers = segs.map((s) => (s.endsWith('[]') ? `each item of the ${s.slice(0, -2)} list` : `the ${s} object`));
  const full = parent.length ? `${formatPath(parent)}.${rel}` : rel;
  return `${leaf} in ${containers.reverse().join(' in ')} (${full})`;
}

/** Whether a value of this kind can stand where the field expects its type (so that renaming the key is enough). */
function fitsType(value: JsonValue | undefined, type: string | undefined): boolean {
  if (value === undefined || value === null || value === INVALID || !type) return true;
  if (type.startsWith('array')) return Array.isArray(value);
  if (type === 'object' || type.startsWith('map')) return typeof value === 'object' && !Array.isArray(value);
  if (type === 'integer' || type === 'number') return typeof value === 'number';
  return typeof value === type;
}

function unknownReport(doc: ClusterDocument, parent: JsonPath, key: string): Report {
  const path = [...parent, key];
  const where = parent.length === 0 ? 'at the top level of the request' : `in ${label(parent)}`;
  const at = { path, on: 'key' as const };
  const prefix = parent.length ? `${fieldPath(parent)}.` : '';
  const guess = meantField(parent, key);
  const meant = guess?.meant;
  const why = guess?.why ?? '';

  const entry = doc.entry(path);
  if (meant && guess?.elsewhere) {
    return {
      message: `Unknown field ${key} ${where}: the API ignores it, so this setting is lost. ${key} is an argument of Terraform's ${why}; the API has it in a field of another shape: ${formatShape(parent, meant)}. Move the value there.`,
      at,
    };
  }
  if (meant) {
    const taken = doc.has([...parent, meant]);
    const because = why ? ` (${why})` : '';
    if (taken) {
      return {
        message: `Unknown field ${key} ${where}: the API ignores it. Did you mean ${meant}${because}? ${meant} is also set here, so remove one of them.`,
        at,
        related: [{ path: [...parent, meant], on: 'key' as const, message: `${meant} is set here` }],
      };
    }
    // Legacy multi-zone keys (vswitch_id_a, _b, _c) all stand for one list: renaming one of them is not the fix.
    const siblings = doc.node(parent);
    const others =
      siblings?.kind === 'object'
        ? [...siblings.byKey.keys()].filter((k) => k !== key && !(allowedKeys(parent) ?? []).includes(k) && meantField(parent, k)?.meant === meant)
        : [];
    const target = fieldInfo(`${prefix}${meant}`);
    const typeOk = fitsType(doc.get(path), target?.type);
    let message = `Unknown field ${key} ${where}: the API ignores it, so this setting is lost. Did you mean ${meant}${because}?`;
    if (others.length > 0) {
      const all = [key, ...others].sort();
      const names = `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
      message += ` ${names} ${all.length === 2 ? 'both' : 'all'} stand for ${meant}: merge them into one ${meant}${target?.type.startsWith('array') ? ' list' : ''}.`;
    }
    else if (!typeOk && target) message += ` Note that ${meant} is ${TYPE_WORDS[target.type] ?? (target.type.startsWith('array') ? 'a list' : target.type)}.`;
    return {
      message,
      at,
      ...(entry && others.length === 0 && typeOk
        ? { fix: { title: `Rename ${key} to ${meant}`, safe: false, edits: [{ target: { path, on: 'key' as const }, newText: keyLiteral(doc, entry, meant) }] } }
        : {}),
    };
  }
  // 5. A field that exists, but somewhere else (instance_types at the top level belongs in a node pool).
  const elsewhere = [...new Set([...fieldsNamed(key), ...fieldsAliased(key)])].filter((p) => p !== `${prefix}${key}`);
  if (elsewhere.length > 0) {
    const shown = elsewhere
      .slice(0, 3)
      .map((p) => (p.includes('.') ? p : `the top level (${p})`))
      .join(', ');
    return { message: `Unknown field ${key} ${where}: the API ignores it here. A field of that name belongs in ${shown}.`, at };
  }
  return { message: `Unknown field ${key} ${where}: the API ignores it, so this setting is lost. Check the spelling against the CreateCluster reference.`, at };
}

/**
 * One pass over the known fields of the document for what the validator does not report: deprecated fields that are
 * set, and placeholder values (masked documentation IDs, template variables).
 */
function walk(doc: ClusterDocument, out: SchemaFinding[]): void {
  // `fnode` is where `path` is in the field tree (`nodepools[].scaling_group`), followed as the walk descends.
  const visit = (node: Node | undefined, path: (string | number)[], fnode: FieldNode | undefined, field: FieldInfo | undefined) => {
    if (!node) return;
    if (node.kind === 'string') {
      if (field && !field.sensitive && typeof node.value === 'string') stringFindings(node.value, path, field, out);
    } else if (node.kind === 'object') {
      const keys = fnode?.keys;
      if (!keys) return;
      for (const entry of node.byKey.values()) {
        const child = Object.hasOwn(keys, entry.key) ? keys[entry.key] : undefined;
        const info = child?.info;
        if (!info) continue;
        path.push(entry.key);
        if (info.deprecated && entry.value.kind !== 'null') {
          out.push({ kind: 'deprecated', report: deprecatedReport(path.slice(), info) });
          // One warning for a deprecated object: its own fields are deprecated with it.
          if (entry.value.kind === 'object' || (entry.value.kind === 'array' && info.itemKeys)) {
            path.pop();
            continue;
          }
        }
        if (!info.type.startsWith('map')) visit(entry.value, path, child, info);
        path.pop();
      }
    } else if (node.kind === 'array') {
      const items = fnode?.items;
      for (let i = 0; i < node.items.length; i++) {
        path.push(i);
        visit(node.items[i], path, items, field);
        path.pop();
      }
    }
  };
  visit(doc.root, [], fieldTree(), undefined);
}

/** Placeholder and deprecated-value findings of the string `value` of a known, not sensitive field at `path`. */
function stringFindings(value: string, path: (string | number)[], field: FieldInfo, out: SchemaFinding[]): void {
  const kind = placeholderKind(value);
  if (kind) out.push({ kind: 'placeholder', report: placeholderReport(path.slice(), value, kind) });
  const instead = field.deprecatedValues && Object.hasOwn(field.deprecatedValues, value) ? field.deprecatedValues[value] : undefined;
  if (instead) {
    out.push({ kind: 'deprecated', report: { message: `${label(path)} ${JSON.stringify(value)} is a deprecated value: ${instead.replace(/([^.])$/, '$1.')}`, at: { path: path.slice() } } });
  }
}

function placeholderReport(path: JsonPath, value: string, kind: 'masked' | 'template'): Report {
  const name = label(path);
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  const message =
    kind === 'masked'
      ? `${name} holds a masked example value (${shown}): replace it with the real value before sending the request.`
      : `${name} holds a template placeholder (${shown}): acklint checks this field only once the template is filled in, so lint the rendered spec too.`;
  return { message, at: { path } };
}

function deprecatedReport(path: JsonPath, info: FieldInfo): Report {
  let advice = deprecationAdvice.get(info);
  if (advice === undefined) {
    const instead = info.replacement ? ` Use ${info.replacement} instead.` : '';
    const why = info.deprecation ? ` ${info.deprecation.trim().replace(/([^.])$/, '$1.')}` : '';
    deprecationAdvice.set(info, (advice = `${why}${instead}`));
  }
  return { message: `${label(path)} is deprecated.${advice}`, at: { path, on: 'key' } };
}

/** What a deprecated field's message says after "is deprecated." (why, and what to use instead), once per field. */
const deprecationAdvice = new WeakMap<FieldInfo, string>();
