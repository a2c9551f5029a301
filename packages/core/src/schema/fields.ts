/**
 * The CreateCluster field table: one entry per field path (`nodepools[].scaling_group.data_disks[].size`), generated
 * at build time from packages/core/schemas/createcluster.schema.yaml. Validation messages, deprecation checks, hover,
 * completion and docs/fields.md all read it, so they can never disagree with the validator.
 */
import table from '../generated/createcluster-fields.js';
import { FIELD_DOCS_JSON } from '../generated/createcluster-field-docs.js';
import type { JsonPath } from '../model.js';

export interface FieldInfo {
  /** `string`, `integer`, `boolean`, `object`, `array<string>`, `array<object>`, `map<string>`… */
  type: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  enumDescriptions?: Record<string, string>;
  /** Values still accepted but on their way out, each with what to write instead. */
  deprecatedValues?: Record<string, string>;
  deprecated?: boolean;
  /** Path of the field that replaces a deprecated one. */
  replacement?: string;
  deprecation?: string;
  /** Wrong names people write for this field (Terraform or ROS names, camelCase…). */
  aliases?: string[];
  minimum?: number;
  maximum?: number;
  /** Whole-number range of a numeric string. */
  range?: [number, number];
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  itemEnum?: unknown[];
  itemFormat?: string;
  itemPattern?: string;
  /** Required in its parent object. */
  required?: boolean;
  /**
   * JSON types the API also takes for this string field (`number` for node_cidr_mask, `boolean` for a data disk's
   * encrypted), with why: written that way, the value is a warning (`unquoted-string-value`), not a type error.
   */
  alsoAccepts?: { types: string[]; why: string };
  /** Secret: never shown. */
  sensitive?: boolean;
  source?: string;
  /** Objects: the keys it may hold. */
  keys?: string[];
  /** Arrays of objects: the keys each item may hold. */
  itemKeys?: string[];
}

export interface FieldTable {
  rootKeys: string[];
  rootRequired: string[];
  fields: Record<string, FieldInfo>;
}

/** The documenting part of a field's entry, kept apart so that linting does not pay for it. */
export type FieldDocs = Pick<FieldInfo, 'description' | 'default' | 'examples' | 'enumDescriptions' | 'source'>;

let docs: Record<string, FieldDocs> | undefined;

/** Description, default, examples and sources of a field (parsed on first use). */
export function fieldDocs(path: JsonPath | string): FieldDocs | undefined {
  docs ??= JSON.parse(FIELD_DOCS_JSON) as Record<string, FieldDocs>;
  const key = typeof path === 'string' ? path : fieldPath(path);
  return Object.hasOwn(docs, key) ? docs[key] : undefined;
}

let full: FieldTable | undefined;

/** Every field with everything the schema says about it: for docs, hover and completion. */
export function fullFieldTable(): FieldTable {
  if (!full) {
    const fields: Record<string, FieldInfo> = {};
    for (const [p, f] of Object.entries(table.fields)) fields[p] = { ...f, ...fieldDocs(p) };
    full = { rootKeys: table.rootKeys, rootRequired: table.rootRequired, fields };
  }
  return full;
}

/** `['nodepools', 0, 'scaling_group']` → `nodepools[].scaling_group`. */
export function fieldPath(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += '[]';
    else out += out ? `.${seg}` : seg;
  }
  return out;
}

/**
 * What the schema says about the field at `path` (a document path or a field path) for checking it: type, allowed
 * values, deprecation, aliases… ({@link fieldDocs} has its description). Undefined for a field the schema does not know.
 */
export function fieldInfo(path: JsonPath | string): FieldInfo | undefined {
  const key = typeof path === 'string' ? path : fieldPath(path);
  return Object.hasOwn(table.fields, key) ? table.fields[key] : undefined;
}

/** The field table as a tree, for walks that descend a document: the fields of an object by key, and an array's items. */
export interface FieldNode {
  info?: FieldInfo;
  keys?: Map<string, FieldNode>;
  items?: FieldNode;
}

let tree: FieldNode | undefined;

/** The root of the field tree (built on first use from the field table). */
export function fieldTree(): FieldNode {
  if (tree) return tree;
  tree = {};
  for (const [p, info] of Object.entries(table.fields)) {
    let node = tree;
    for (const part of p.split('.')) {
      const name = part.replace(/(?:\[\])+$/, '');
      node.keys ??= new Map();
      let next = node.keys.get(name);
      if (!next) node.keys.set(name, (next = {}));
      node = next;
      for (let depth = (part.length - name.length) / 2; depth > 0; depth--) node = node.items ??= {};
    }
    node.info = info;
  }
  return tree;
}

/**
 * The keys an object at `path` may hold (the root when `path` is empty), or undefined when the schema does not
 * describe that object (inside a free-form map, or not an object).
 */
export function allowedKeys(path: JsonPath | string): readonly string[] | undefined {
  const key = typeof path === 'string' ? path : fieldPath(path);
  if (key === '') return table.rootKeys;
  if (key.endsWith('[]')) return fieldInfo(key.slice(0, -2))?.itemKeys;
  return fieldInfo(key)?.keys;
}

let byName: Map<string, string[]> | undefined;
let byAlias: Map<string, string[]> | undefined;

/** Every field path whose last key is `name` (where else a misplaced key belongs). */
export function fieldsNamed(name: string): readonly string[] {
  if (!byName) {
    byName = new Map();
    for (const p of Object.keys(table.fields)) {
      const last = p.slice(p.lastIndexOf('.') + 1);
      const list = byName.get(last) ?? [];
      list.push(p);
      byName.set(last, list);
    }
  }
  return byName.get(name) ?? [];
}

/** Field paths that list `alias` among their `x-aliases`. */
export function fieldsAliased(alias: string): readonly string[] {
  if (!byAlias) {
    byAlias = new Map();
    for (const [p, f] of Object.entries(table.fields)) {
      for (const a of f.aliases ?? []) {
        const list = byAlias.get(a) ?? [];
        list.push(p);
        byAlias.set(a, list);
      }
    }
  }
  return byAlias.get(alias) ?? [];
}
