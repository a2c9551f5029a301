/**
 * The CreateCluster field table: one entry per field path (`nodepools[].scaling_group.data_disks[].size`), generated
 * at build time from packages/core/schemas/createcluster.schema.yaml. Validation messages, deprecation checks, hover,
 * completion and docs/fields.md all read it, so they can never disagree with the validator.
 *
 * It is generated as a tree ({@link FieldNode}), the form a lint walks, so that no start pays for building the tree
 * from a flat table (about 0.5 ms, with the path strings' allocation); the flat table is derived from the tree when
 * something asks for every field.
 */
import generated from '../generated/createcluster-fields.js';
import { fieldDocsJson } from '../generated/createcluster-field-docs.js';
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

/** The field table as generated: {@link FieldTable} with the fields as a tree from the root object. */
export interface GeneratedFieldTable {
  rootKeys: string[];
  rootRequired: string[];
  root: FieldNode;
}

const table = generated as GeneratedFieldTable;

/** The documenting part of a field's entry, kept apart so that linting does not pay for it. */
export type FieldDocs = Pick<FieldInfo, 'description' | 'default' | 'examples' | 'enumDescriptions' | 'source'>;

let docs: Record<string, FieldDocs> | undefined;

/** Description, default, examples and sources of a field (parsed on first use). */
export function fieldDocs(path: JsonPath | string): FieldDocs | undefined {
  docs ??= JSON.parse(fieldDocsJson()) as Record<string, FieldDocs>;
  const key = typeof path === 'string' ? path : fieldPath(path);
  return Object.hasOwn(docs, key) ? docs[key] : undefined;
}

let full: FieldTable | undefined;

/** Every field with everything the schema says about it: for docs, hover and completion. */
export function fullFieldTable(): FieldTable {
  if (!full) {
    const fields: Record<string, FieldInfo> = {};
    for (const [p, f] of Object.entries(allFields())) fields[p] = { ...f, ...fieldDocs(p) };
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
  return nodeAt(typeof path === 'string' ? path : fieldPath(path))?.info;
}

/** The field table as a tree, for walks that descend a document: the fields of an object by key, and an array's items. */
export interface FieldNode {
  info?: FieldInfo;
  keys?: Record<string, FieldNode>;
  items?: FieldNode;
}

/** The root of the field tree. */
export function fieldTree(): FieldNode {
  return table.root;
}

/** The node of the field `key` of the object at `node`. */
function fieldChild(node: FieldNode | undefined, key: string): FieldNode | undefined {
  const keys = node?.keys;
  return keys && Object.hasOwn(keys, key) ? keys[key] : undefined;
}

/** The node of a field path (`nodepools[].scaling_group`); field names hold no `.` and do not end in `[]`. */
function nodeAt(key: string): FieldNode | undefined {
  let node: FieldNode | undefined = table.root;
  for (const part of key.split('.')) {
    let name = part;
    let depth = 0;
    while (name.endsWith('[]')) {
      name = name.slice(0, -2);
      depth++;
    }
    node = fieldChild(node, name);
    for (; node && depth > 0; depth--) node = node.items;
    if (!node) return undefined;
  }
  return node;
}

let flat: Record<string, FieldInfo> | undefined;

/** Every field by path, in schema order (derived from the tree on first use). */
function allFields(): Record<string, FieldInfo> {
  if (!flat) {
    const out: Record<string, FieldInfo> = {};
    const add = (node: FieldNode, path: string) => {
      if (node.info) out[path] = node.info;
      if (node.keys) for (const [name, child] of Object.entries(node.keys)) add(child, path ? `${path}.${name}` : name);
      if (node.items) add(node.items, `${path}[]`);
    };
    add(table.root, '');
    flat = out;
  }
  return flat;
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
    for (const p of Object.keys(allFields())) {
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
    for (const [p, f] of Object.entries(allFields())) {
      for (const a of f.aliases ?? []) {
        const list = byAlias.get(a) ?? [];
        list.push(p);
        byAlias.set(a, list);
      }
    }
  }
  return byAlias.get(alias) ?? [];
}
