/**
 * A compiled policy as a rule of the engine: it applies its validator to each selected value of a CreateCluster body
 * and turns ajv's errors into findings at the value that broke the schema (or, for a missing key, at the object that
 * lacks it), with messages that name the path.
 */
import type { JsonPath, JsonValue, PathSegment } from '../model.js';
import type { Report, Rule, RuleContext, RuleMeta } from '../rule.js';
import { formatPath } from '../path.js';
import { select, type SelectStep } from './select.js';

/** The part of an ajv error object that policies read (ajv's ErrorObject, without depending on ajv's types here). */
export interface PolicyError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  /** The keyword's value (ajv's `verbose` option). */
  schema?: unknown;
}

export interface PolicyValidator {
  (data: unknown): boolean;
  errors?: PolicyError[] | null;
}

export interface PolicyRuleMeta extends RuleMeta {
  /** The select path as written (undefined: the whole document). */
  select?: string;
}

export function policyRule(meta: PolicyRuleMeta, steps: readonly SelectStep[], validate: PolicyValidator, schema: JsonValue): Rule {
  const rule: Rule & { toJSON(): unknown } = {
    meta,
    check(ctx: RuleContext) {
      for (const { path, value } of select(ctx.value, steps)) {
        if (validate(value)) continue;
        for (const r of reportsOf(validate.errors ?? [], path, value, ctx)) ctx.report(r);
      }
    },
    // A policy serialises with its schema, so that whatever is keyed by the config (the --cache) changes with it.
    toJSON: () => ({ meta, schema }),
  };
  return rule;
}

/** Keywords whose own error is the finding: the errors of their branches (or, for `contains`, of each item) are not. */
const COMBINATORS = new Set(['anyOf', 'oneOf', 'contains']);

/**
 * Drops the errors that say the same thing as a more useful one: the branch errors under a failed `anyOf`/`oneOf`
 * (the branches disagree, so the combinator's place is the one to show), the item errors under a failed `contains`
 * (no item had to match) and `if` (the `then`/`else` errors say what
 * is wrong, and where).
 */
function relevant(errors: readonly PolicyError[]): PolicyError[] {
  const combinators = errors.filter((e) => COMBINATORS.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => e.keyword !== 'if' && !combinators.some((c) => e.schemaPath.startsWith(c)));
}

interface Place {
  /** The path shown in the message. */
  path: JsonPath;
  on: 'value' | 'key';
}

function reportsOf(errors: readonly PolicyError[], base: JsonPath, root: JsonValue, ctx: RuleContext): Report[] {
  const out: Report[] = [];
  for (const e of relevant(errors)) {
    if (e.keyword === 'errorMessage') {
      // ajv-errors: the team's own message, shown at every place one of the errors it replaces points at.
      const originals = relevant((e.params['errors'] as PolicyError[] | undefined) ?? []);
      const places = originals.length ? originals.map((o) => placeOf(o, base, root, ctx)) : [placeOf(e, base, root, ctx)];
      const text = e.message ?? 'does not match the policy';
      for (const p of places) if (p) out.push(report(p, p.path.length ? `${formatPath(p.path)}: ${text}` : text));
      continue;
    }
    const p = placeOf(e, base, root, ctx);
    if (p) out.push(report(p, `${p.path.length ? formatPath(p.path) : 'The cluster spec'} ${describeError(e)}`));
  }
  return out;
}

function report(p: Place, message: string): Report {
  return { message, at: { path: p.path, on: p.on } };
}

/**
 * Where an error points; undefined for an error about a value that could not be read (a syntax error says why) or that
 * a tool around the body fills in (a ROS `{Ref: …}`): the document's value has a symbol there.
 */
function placeOf(e: PolicyError, base: JsonPath, root: JsonValue, ctx: RuleContext): Place | undefined {
  const inner = pointerToPath(e.instancePath, root);
  if (typeof dataAt(root, inner) === 'symbol') return undefined;
  const path = [...base, ...inner];
  const node = ctx.document.node(path);
  if (node?.kind === 'invalid') return undefined;
  const child = (key: unknown): Place => ({ path: [...path, String(key)], on: 'key' });
  switch (e.keyword) {
    // A missing key: the path names it; the range falls back to the key of the object that lacks it.
    case 'required':
    case 'dependentRequired':
      return child(e.params['missingProperty']);
    case 'additionalProperties':
      return child(e.params['additionalProperty']);
    case 'unevaluatedProperties':
      return child(e.params['unevaluatedProperty']);
    case 'propertyNames':
      return child(e.params['propertyName']);
    case 'not': {
      // `not: {required: [login_password]}`: a key that must not be there; show the first one that is.
      const forbidden = (e.schema as { required?: unknown } | undefined)?.required;
      const present = Array.isArray(forbidden) && node?.kind === 'object' ? forbidden.find((k) => typeof k === 'string' && node.byKey.has(k)) : undefined;
      if (present !== undefined) return child(present);
    }
  }
  // An object or a list is shown by its key (the first line for a list item), not by all of its text.
  return { path, on: node?.kind === 'object' || node?.kind === 'array' ? 'key' : 'value' };
}

/** `/nodepools/0/instance_types/1` → ['nodepools', 0, 'instance_types', 1] in `root` (array indexes as numbers). */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (!pointer) return [];
  const out: PathSegment[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function dataAt(root: unknown, path: readonly PathSegment[]): unknown {
  let cur = root;
  for (const seg of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
  return cur;
}

const MAX_LISTED = 12;

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** ajv's message, with the allowed values spelled out where ajv leaves them out. */
export function describeError(e: PolicyError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
    case 'dependentRequired':
      return 'is required';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'is not allowed here';
    case 'enum': {
      const values = (p['allowedValues'] as unknown[] | undefined) ?? [];
      const listed = values.slice(0, MAX_LISTED).map(show).join(', ');
      return `must be one of: ${listed}${values.length > MAX_LISTED ? ', …' : ''}`;
    }
    case 'const':
      return `must be ${show(p['allowedValue'])}`;
    case 'not':
      // `not: {required: [login_password]}` is shown at the forbidden key.
      return Array.isArray((e.schema as { required?: unknown } | undefined)?.required) ? 'must not be set' : (e.message ?? 'must not match');
    default:
      return e.message ?? `does not match the policy (${e.keyword})`;
  }
}
