/**
 * Reading the `policies:` of a config: checks that each policy is safe and well-formed, then compiles its schema with
 * ajv (JSON Schema draft 2020-12, with `errorMessage` from ajv-errors) into a rule of the engine.
 *
 * Policies are data: nothing in them may run code or reach the network. A schema may only use the keywords of draft
 * 2020-12 (plus `errorMessage`); `$ref`/`$dynamicRef` may only point inside the policy's own schema (`#…`); `$id`,
 * `$vocabulary` and other dialects are refused. Every refusal is a config error at the exact place in the config.
 *
 * This module (and ajv with it) is loaded only when a config has policies: a config without them costs nothing.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import ajvErrors from 'ajv-errors';
import ajvFormats from 'ajv-formats';
import type { Severity } from '../diagnostic.js';
import type { JsonPath, JsonValue } from '../model.js';
import type { Rule } from '../rule.js';
import { describeError, pointerToPath, policyRule, type PolicyError, type PolicyValidator } from './evaluate.js';
import { formatPath } from '../path.js';
import { parseSelect } from './select.js';

export interface PolicyLoadContext {
  /** How the config file is named in rule descriptions (SARIF help): relative to the working directory when inside it. */
  configName: string;
  /** `file:line:col` of a path in the config (`key`: the key of the entry, `value`: its value). */
  at(path: JsonPath, on?: 'key' | 'value'): string;
  /** A config error (the caller's error type), with the message as given. */
  error(message: string): Error;
  /** Ids of the built-in rules, which a policy id must never take. */
  builtinIds?: ReadonlySet<string>;
  /** Named string formats a policy schema may use besides ajv-formats' (acklint's own: cidr, region-id…). */
  formats?: Readonly<Record<string, (s: string) => boolean>>;
  /** " (did you mean "x"?)" for the closest candidate, or "". */
  suggest(word: string, candidates: Iterable<string>): string;
  /** The docs link of a policy that gives no `docs` of its own (the guide to policies). */
  guideUrl: string;
}

export const POLICY_ID = /^policy\/[a-z0-9][a-z0-9._-]*$/;

const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Keywords whose value is one schema. */
const ONE_SCHEMA = ['not', 'if', 'then', 'else', 'contains', 'items', 'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value is data, not a schema. */
const DATA = [
  '$schema', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$comment',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains',
  'maxProperties', 'minProperties', 'required', 'dependentRequired',
  'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples',
  'format', 'contentEncoding', 'contentMediaType', 'errorMessage',
];
/** Keywords whose value is a count (ajv checks only that it is a number). */
const COUNTS = new Set(['maxLength', 'minLength', 'maxItems', 'minItems', 'maxContains', 'minContains', 'maxProperties', 'minProperties']);
const KNOWN = new Set([...ONE_SCHEMA, ...SCHEMA_MAP, ...SCHEMA_LIST, ...DATA]);
/** Keywords that would name the schema for references from outside or change the dialect: never in a policy. */
const REFUSED: Record<string, string> = {
  $id: 'names the schema for references from outside; a policy schema stands alone (use $defs and "#/$defs/…" references)',
  $vocabulary: 'changes the dialect; policy schemas are JSON Schema draft 2020-12',
  $async: 'makes validation asynchronous (it could wait on the network); policies are checked synchronously',
  $data: 'reads a schema value from the checked document; policy schemas are fixed data',
};

interface RawPolicy {
  id: string;
  severity: Severity;
  description: string;
  docs?: string;
  select?: string;
  schema: JsonValue;
}

/**
 * Validates and compiles the `policies` list of a config (already checked against the config schema for its shape).
 * Throws the context's config error for the first problem, at its place in the config.
 */
export function loadPolicies(list: readonly RawPolicy[], ctx: PolicyLoadContext): Rule[] {
  const seen = new Map<string, number>();
  const rules: Rule[] = [];
  list.forEach((p, i) => {
    const where: JsonPath = ['policies', i];
    const fail = (path: JsonPath, message: string, on: 'key' | 'value' = 'value'): never => {
      throw ctx.error(`${ctx.at([...where, ...path], on)}: ${message}`);
    };
    checkId(p.id, i, seen, ctx, fail);
    const named = (path: JsonPath, message: string, on: 'key' | 'value' = 'value') => fail(path, `policy "${p.id}": ${message}`, on);
    let steps: ReturnType<typeof parseSelect> = [];
    if (p.select !== undefined) {
      try {
        steps = parseSelect(p.select);
      } catch (err) {
        named(['select'], `select: ${(err as Error).message}`);
      }
    }
    const a = instance(ctx.formats ?? {});
    checkSchema(p.schema, ['schema'], named, { root: p.schema, formats: new Set(Object.keys(a.formats)), suggest: ctx.suggest });
    const validate = compile(a, p.schema, named);
    rules.push(
      policyRule(
        {
          id: p.id,
          defaultSeverity: p.severity,
          category: 'policy',
          description: p.description,
          details: `${p.description}\n\nA policy of your organisation, defined in ${ctx.configName}${p.select ? ` and applied to ${p.select}` : ''}.`,
          fact: { text: 'A policy of your organisation, not a constraint of the API.', source: ctx.configName },
          tags: ['policy'],
          docsUrl: p.docs ?? ctx.guideUrl,
          ...(p.select !== undefined ? { select: p.select } : {}),
        },
        steps,
        validate,
        p.schema,
      ),
    );
  });
  return rules;
}

function checkId(id: string, i: number, seen: Map<string, number>, ctx: PolicyLoadContext, fail: (path: JsonPath, message: string) => never): void {
  if (ctx.builtinIds?.has(id)) {
    fail(['id'], `policy id "${id}" is the id of a built-in rule; policy ids start with "policy/" (for example "policy/${id}")`);
  }
  if (!POLICY_ID.test(id)) {
    const name = id.replace(/^policy\//, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '');
    fail(['id'], `policy id "${id}" must be "policy/" and a name of lowercase letters, digits, ".", "_" and "-" (for example "policy/${name || 'require-pro'}")`);
  }
  const first = seen.get(id);
  if (first !== undefined) {
    const line = /:(\d+):\d+$/.exec(ctx.at(['policies', first, 'id']))?.[1];
    fail(['id'], `policy id "${id}" is already the id of policies[${first}] (line ${line}); each policy needs an id of its own`);
  }
  seen.set(id, i);
}

type Fail = (path: JsonPath, message: string, on?: 'key' | 'value') => never;

interface SchemaWalk {
  /** The policy's whole schema (local references resolve in it). */
  root: JsonValue;
  formats: ReadonlySet<string>;
  suggest: PolicyLoadContext['suggest'];
}

/** Walks the schema as written: every keyword known, references local and resolvable, formats known, patterns valid. */
function checkSchema(schema: JsonValue, path: JsonPath, fail: Fail, ctx: SchemaWalk, depth = 0): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return; // ajv's meta-schema check says what is wrong
  if (depth > 64) fail(path, 'schema is nested more than 64 levels deep');
  for (const key of Object.keys(schema)) {
    const value = schema[key]!;
    const at = [...path, key];
    if (key in REFUSED) fail(at, `${key} is not allowed in a policy schema: it ${REFUSED[key]}`, 'key');
    if (!KNOWN.has(key)) {
      fail(at, `unknown keyword "${key}" in the schema${ctx.suggest(key, KNOWN)}; policy schemas use the keywords of JSON Schema draft 2020-12 and errorMessage`, 'key');
    }
    if ((key === '$ref' || key === '$dynamicRef') && typeof value === 'string') {
      if (!value.startsWith('#')) fail(at, `${key} "${value}" points outside the policy; a policy schema may only refer to its own parts ("#/$defs/…"), never to files or URLs`);
      if (value.startsWith('#/') && resolvePointer(ctx.root, value.slice(1)) === undefined) fail(at, `${key} "${value}" points at nothing in this policy's schema`);
    }
    if (key === 'format' && typeof value === 'string' && !ctx.formats.has(value)) {
      fail(at, `unknown format "${value}"${ctx.suggest(value, ctx.formats)}; known formats: ${[...ctx.formats].sort().join(', ')}`);
    }
    if (key === '$schema' && value !== SCHEMA_DIALECT) fail(at, `$schema must be "${SCHEMA_DIALECT}" (policy schemas are JSON Schema draft 2020-12)`);
    if (key === 'pattern' && typeof value === 'string') checkRegExp(value, at, fail);
    if (COUNTS.has(key) && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) fail(at, `${key} must be a whole number, 0 or more`);
    if (key === 'required' && Array.isArray(value) && !value.every((v) => typeof v === 'string')) fail(at, 'required must be a list of key names');
    if (ONE_SCHEMA.includes(key)) checkSchema(value, at, fail, ctx, depth + 1);
    else if (SCHEMA_LIST.includes(key) && Array.isArray(value)) value.forEach((s, i) => checkSchema(s, [...at, i], fail, ctx, depth + 1));
    else if (SCHEMA_MAP.includes(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const k of Object.keys(value)) {
        if (key === 'patternProperties') checkRegExp(k, [...at, k], fail, 'key');
        checkSchema(value[k]!, [...at, k], fail, ctx, depth + 1);
      }
    }
  }
}

function checkRegExp(source: string, at: JsonPath, fail: Fail, on: 'key' | 'value' = 'value'): void {
  try {
    new RegExp(source, 'u');
  } catch (err) {
    fail(at, `invalid regular expression "${source}": ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`, on);
  }
}

let ajv: InstanceType<typeof Ajv2020> | undefined;
/** Compiled validators by schema text: an unchanged policy is compiled once however often its config is reread. */
const compiled = new Map<string, PolicyValidator>();
const MAX_CACHED = 500;
/** How many schemas were compiled (tests check that an unchanged schema is not compiled again). */
export const compileStats = { compiled: 0 };

type Formats = Readonly<Record<string, (s: string) => boolean>>;

/** One ajv for every config of a process; `formats` are registered when it is made. */
function instance(formats: Formats): InstanceType<typeof Ajv2020> {
  if (ajv) return ajv;
  ajv = new Ajv2020({
    allErrors: true, // ajv-errors needs every error, and users see every violation at once
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    logger: false,
    verbose: true, // errors carry their keyword's value (findings for `not: {required: […]}` point at the key)
    // Never fetch: a $ref that is not found is an error.
    loadSchema: undefined,
    // Checking each schema against the draft 2020-12 meta-schema means compiling that meta-schema first, the largest
    // part of the cost of a config with policies. A schema that ajv compiles is used as it is (the walk above has
    // already checked its keywords and the values ajv does not check itself); the meta-schema is compiled only to say
    // precisely what is wrong with one that does not compile.
    validateSchema: false,
    // ajv's optimisation pass over the generated code costs more (a third of compiling a policy, measured) than it
    // saves on documents the size of a cluster spec.
    code: { optimize: false },
  });
  ajvErrors(ajv);
  ajvFormats(ajv);
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
  return ajv;
}

function compile(a: InstanceType<typeof Ajv2020>, schema: JsonValue, fail: Fail): PolicyValidator {
  const key = JSON.stringify(schema);
  const cached = compiled.get(key);
  if (cached) return cached;
  let validate: PolicyValidator;
  try {
    validate = a.compile(schema as object | boolean) as PolicyValidator;
  } catch (err) {
    if (!a.validateSchema(schema as object | boolean)) {
      const e = a.errors?.[0];
      const inner = pointerToPath(e?.instancePath ?? '', schema);
      const message = e ? describeError(e as PolicyError) : 'is not valid';
      fail(['schema', ...inner], `the schema is not valid: ${inner.length ? `${formatPath(inner)} ` : ''}${message}`);
    }
    fail(['schema'], `the schema does not compile: ${(err as Error).message}`, 'key');
  }
  compileStats.compiled++;
  // ajv keeps every schema it compiled too: both caches start over together, so a long editor session that edits
  // its policies again and again holds a bounded number of them.
  if (compiled.size >= MAX_CACHED) {
    compiled.clear();
    ajv = undefined;
  }
  compiled.set(key, validate!);
  return validate!;
}

/** The value a JSON pointer (`/$defs/region`, URI-encoded as in a `$ref`) names in `root`, or undefined. */
function resolvePointer(root: JsonValue, pointer: string): JsonValue | undefined {
  let decoded = pointer;
  try {
    decoded = decodeURIComponent(pointer);
  } catch {
    // not URI-encoded
  }
  let cur: JsonValue | undefined = root;
  for (const seg of pointerToPath(decoded, root)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[seg as number] : Object.hasOwn(cur, seg) ? cur[seg as string] : undefined;
  }
  return cur;
}
