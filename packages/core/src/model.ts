import type { SourceText, Span } from './text.js';

/** A step in a JSON path: an object key or an array index. */
export type PathSegment = string | number;
export type JsonPath = readonly PathSegment[];

/**
 * Stands in the typed value for a value that could not be read (a syntax error where the value should be). The key is
 * still there, so "is this field set?" checks see it, but no type check (`typeof v === 'string'`…) matches it.
 */
export const INVALID: unique symbol = Symbol('acklint.invalid');
export type InvalidValue = typeof INVALID;

export type JsonValue = string | number | boolean | null | InvalidValue | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Makes the objects of a document's plain value: objects without Object.prototype (so that `__proto__`,
 * `constructor` or `toString` is an ordinary key, and `in` sees only the document's keys), like
 * `Object.create(null)`, but which V8 keeps in its fast mode (an `Object.create(null)` object is a hash table from the
 * start), so every property read of every rule and of the schema validator is an inline-cached load.
 */
export const PlainObject = function PlainObject() {} as unknown as new () => JsonObject;
PlainObject.prototype = Object.freeze(Object.create(null) as object) as JsonObject;

interface NodeBase extends Span {}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  /** Every entry in source order, duplicates and merged (`<<`) entries included. */
  entries: Entry[];
  /** The entry that wins for each key: the last one written, as JSON parsers and the API read it. */
  byKey: Map<string, Entry>;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: Node[];
  /** YAML: the `*alias` token of each item written as an alias (sparse). */
  aliasSpans?: Span[];
}

export interface ScalarNode extends NodeBase {
  kind: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
  /** YAML: the scalar was written without quotes (so `yes` or `1.0` may not be what the author meant). */
  plain?: boolean;
}

export interface InvalidNode extends NodeBase {
  kind: 'invalid';
}

export type Node = ObjectNode | ArrayNode | ScalarNode | InvalidNode;

export interface Entry {
  key: string;
  /** The key token, quotes included. */
  keySpan: Span;
  /** The value; an `invalid` node when a syntax error stands where the value should be. */
  value: Node;
  /** YAML: the entry came in through a `<<` merge key; its spans are at the anchor it was merged from. */
  merged?: boolean;
  /** YAML, merged entries: the `<<` key that merged the entry in (where this mapping uses it). */
  mergeSpan?: Span;
  /** YAML: the value was written as an alias; this is the `*alias` token (the value's own spans are at the anchor). */
  aliasSpan?: Span;
}

/**
 * Where a path is shown to the user. `span` is where this document uses the value; when the path goes through a YAML
 * alias or merge key, the text itself is elsewhere (at the anchor, shared with every other use), and `definition` is
 * that place.
 */
export interface Location {
  span: Span;
  definition?: Span;
}

/** What a document appears to be, so that only CreateCluster bodies get the CreateCluster rules. */
export type DocumentKind =
  | 'cluster' // a CreateCluster request body (or something that means to be one)
  | 'empty'
  | 'not-object'
  | 'ros-template'
  | 'terraform'
  | 'nodepool-body';

export type SourceFormat = 'json' | 'jsonc' | 'yaml';

/**
 * One document of a file: for JSON the whole file, for YAML each `---` document. Rules read `value` (plain JavaScript
 * data) and ask the document for ranges by JSON path; they never see parser objects.
 */
export interface SubDocumentOptions {
  /** What the sub-tree is (default: classified from its content). */
  kind?: DocumentKind;
  /**
   * Objects that stand for a value the tool around the body fills in (a ROS `{Ref: …}` or `{"Fn::…": …}`): they read as
   * {@link INVALID} in `value`, so they count as set but match no type, like any placeholder.
   */
  isPlaceholder?: (node: ObjectNode) => boolean;
}

export class ClusterDocument {
  readonly kind: DocumentKind;
  readonly value: JsonValue | undefined;
  /**
   * Where this document's root is in the file's own tree: `[]` for a file's document, the path of the sub-tree for a
   * body embedded in another document (a ROS template's ClusterConfig). Paths of findings are prefixed with it.
   */
  readonly basePath: JsonPath;

  constructor(
    readonly source: SourceText,
    readonly format: SourceFormat,
    /** 0-based index of the document in its file (YAML multi-document files). */
    readonly index: number,
    readonly root: Node | undefined,
    /** The span of the whole document in the file. */
    readonly span: Span,
    options: SubDocumentOptions & {
      basePath?: JsonPath;
      /** The plain value of `root`, when the parser built it along with the tree (otherwise it is built from the tree). */
      value?: JsonValue;
    } = {},
  ) {
    this.value = root ? (options.value !== undefined && !options.isPlaceholder ? options.value : toValue(root, options.isPlaceholder)) : undefined;
    this.kind = options.kind ?? classify(root, this.value);
    this.basePath = options.basePath ?? [];
  }

  /**
   * The sub-tree at `path` as a document of its own, with positions in this document's text: for a CreateCluster body
   * that another format embeds. Undefined when nothing is there.
   */
  subDocument(path: JsonPath, options: SubDocumentOptions = {}): ClusterDocument | undefined {
    const node = this.node(path);
    if (!node) return undefined;
    return new ClusterDocument(this.source, this.format, this.index, node, { start: node.start, end: node.end }, { ...options, basePath: [...this.basePath, ...path] });
  }

  /** The top level is an object with a `cluster_type` key: this is certainly meant as a CreateCluster body. */
  get hasClusterType(): boolean {
    const v = this.value;
    return typeof v === 'object' && v !== null && !Array.isArray(v) && 'cluster_type' in v;
  }

  /** The node at `path`, or undefined when nothing is there. */
  node(path: JsonPath): Node | undefined {
    let cur: Node | undefined = this.root;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (!cur) return undefined;
      if (cur.kind === 'object' && typeof seg === 'string') cur = cur.byKey.get(seg)?.value;
      else if (cur.kind === 'array' && typeof seg === 'number') cur = cur.items[seg];
      else return undefined;
    }
    return cur;
  }

  /** The object entry whose value is at `path` (undefined for the root, array items and missing paths). */
  entry(path: JsonPath): Entry | undefined {
    if (path.length === 0) return undefined;
    const last = path[path.length - 1];
    if (typeof last !== 'string') return undefined;
    const parent = this.node(path.slice(0, -1));
    return parent?.kind === 'object' ? parent.byKey.get(last) : undefined;
  }

  /** The typed value at `path`. */
  get(path: JsonPath): JsonValue | undefined {
    let cur: JsonValue | undefined = this.value;
    // Indexed: rules ask for values by path many times per document, much of it before V8 has optimised this.
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (cur === null || typeof cur !== 'object') return undefined;
      if (Array.isArray(cur)) {
        if (typeof seg !== 'number') return undefined;
        cur = cur[seg];
      } else {
        if (typeof seg !== 'string' || !Object.hasOwn(cur, seg)) return undefined;
        cur = cur[seg];
      }
    }
    return cur;
  }

  has(path: JsonPath): boolean {
    return this.node(path) !== undefined;
  }

  /**
   * The span of `path` in the text, `on`:
   * - `value`: the value token or collection;
   * - `key`: the key of the entry (falls back to the value for array items and the root);
   * - `entry`: from the key to the end of the value.
   * For a path that does not exist, the span of its nearest existing ancestor's key (so "missing field" points at the
   * object that lacks it). Through YAML aliases and merge keys this is where the text is, at the anchor; see
   * {@link locate} for where the document uses it.
   */
  spanOf(path: JsonPath, on: 'value' | 'key' | 'entry' = 'value'): Span {
    let p = path;
    let target = on;
    while (p.length > 0 && !this.has(p)) {
      p = p.slice(0, -1);
      target = 'key';
    }
    const node = this.node(p);
    if (!node) return { start: this.span.start, end: this.span.start };
    return this.spanAt(node, target === 'value' ? undefined : this.entry(p), target);
  }

  /** The span of `node` (whose entry, if it is an object's value, is `entry`), `on` as in {@link spanOf}. */
  private spanAt(node: Node, entry: Entry | undefined, on: 'value' | 'key' | 'entry'): Span {
    if (on === 'value') return { start: node.start, end: node.end };
    if (!entry) {
      // Root or array item: underline the first line of a collection rather than all of it.
      if (node.kind === 'object' || node.kind === 'array') return firstLine(this.source.text, node);
      return { start: node.start, end: node.end };
    }
    if (on === 'key') return { start: entry.keySpan.start, end: entry.keySpan.end };
    return { start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.value.end) };
  }

  /**
   * Where to show `path` (see {@link spanOf} for `on`). When the path runs through a YAML alias (`key: *anchor`) or
   * a `<<` merge key, the text is shared with every other use of the anchor; the finding belongs where this document
   * uses it: the first `*alias` token or `<<` key on the way (`span`), with the anchored text as `definition`.
   */
  locate(path: JsonPath, on: 'value' | 'key' | 'entry' = 'value'): Location {
    // Most paths run through no alias or merge key: then one walk finds the span, of the path itself or, when it
    // stops existing, of the key of its nearest existing ancestor (what the walk below finds for such a path).
    let node = this.root;
    let entry: Entry | undefined;
    for (let i = 0; i < path.length && node; i++) {
      const seg = path[i]!;
      if (node.kind === 'object' && typeof seg === 'string') {
        const e: Entry | undefined = node.byKey.get(seg);
        if (!e) return { span: this.spanAt(node, entry, 'key') };
        entry = e;
        node = !e.merged && !e.aliasSpan ? e.value : undefined;
      } else if (node.kind === 'array' && typeof seg === 'number') {
        if (node.aliasSpans?.[seg]) node = undefined;
        else {
          const item: Node | undefined = node.items[seg];
          if (!item) return { span: this.spanAt(node, entry, 'key') };
          entry = undefined;
          node = item;
        }
      } else return { span: this.spanAt(node, entry, 'key') };
    }
    if (node) return { span: this.spanAt(node, entry, on) };

    const definition = this.spanOf(path, on);
    let cur: Node | undefined = this.root;
    for (let i = 0; i < path.length && cur; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      let use: Span | undefined;
      if (cur.kind === 'object' && typeof seg === 'string') {
        const e = cur.byKey.get(seg);
        if (!e) break;
        if (e.merged && e.mergeSpan) use = e.mergeSpan;
        // `key: *alias` with the key asked for: the key is written here, at the use.
        else if (e.aliasSpan && !(last && on === 'key')) {
          use = last && on === 'entry' ? { start: e.keySpan.start, end: e.aliasSpan.end } : e.aliasSpan;
        }
        cur = e.value;
      } else if (cur.kind === 'array' && typeof seg === 'number') {
        use = cur.aliasSpans?.[seg];
        cur = cur.items[seg];
      } else break;
      if (use) return { span: { start: use.start, end: use.end }, definition };
    }
    return { span: definition };
  }

  /** True when the text at `path` is shared through a YAML anchor, so editing it would change other uses too. */
  isShared(path: JsonPath): boolean {
    return this.locate(path).definition !== undefined;
  }

  /**
   * The literal that writes the string `text` in place of the value at `path`, in that value's quoting style: JSON
   * strings in double quotes; in YAML a plain scalar stays plain unless the core schema would read `text` as something
   * other than a string (or it needs quoting), a single-quoted one stays single-quoted.
   */
  stringLiteral(path: JsonPath, text: string): string {
    const node = this.node(path);
    if (this.format !== 'yaml' || !node || node.kind === 'object' || node.kind === 'array') return JSON.stringify(text);
    if (node.kind !== 'invalid' && node.plain && isPlainSafe(text)) return text;
    if (this.source.text[node.start] === "'") return `'${text.replace(/'/g, "''")}'`;
    return JSON.stringify(text);
  }
}

/**
 * Written plain, `s` reads back as the same string, under the YAML 1.2 core schema and also under YAML 1.1 (which
 * many tools converting specs to JSON still use, and which reads `yes`, `on`, `n`… as booleans).
 */
function isPlainSafe(s: string): boolean {
  if (!hasPlainCharacters(s)) return false;
  // Each pattern runs only for a first character it can match (numbers, .inf/.nan, true, false, null; y, n, yes, no,
  // on, off): compiling them took about 0.3 ms of a lint that suggests a fix, most often for a value that starts
  // otherwise ("ManagedKubernetes").
  const first = s[0]!;
  if ('+-.0123456789tTfFnN'.includes(first) && /^(?:[-+]?(?:[0-9][0-9_]*(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/.test(s)) return false;
  return !('yYnNoO'.includes(first) && /^(?:y|n|yes|no|on|off)$/i.test(s));
}

/** `/^[A-Za-z0-9_./][A-Za-z0-9_./@+-]*$/.test(s)`, without compiling an expression. */
function hasPlainCharacters(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Letters, digits, `_`, `.`, `/`; after the first character also `@`, `+` and `-`.
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 47) continue;
    if (i > 0 && (c === 64 || c === 43 || c === 45)) continue;
    return false;
  }
  return true;
}

function firstLine(text: string, span: Span): Span {
  let end = span.start + 1;
  while (end < span.end && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { start: span.start, end: Math.min(end, span.end) };
}

/**
 * Build the plain value. Nodes shared through YAML aliases are converted once (memoised), so an alias-heavy document
 * costs no more than its distinct nodes.
 */
function toValue(root: Node, isPlaceholder?: (node: ObjectNode) => boolean): JsonValue {
  // Only collections can be shared (through aliases); scalars are converted where they stand.
  const memo = new Map<Node, JsonValue>();
  const conv = (n: Node): JsonValue => {
    switch (n.kind) {
      case 'object': {
        const seen = memo.get(n);
        if (seen !== undefined) return seen;
        if (isPlaceholder?.(n)) return INVALID;
        const obj: JsonObject = new PlainObject();
        memo.set(n, obj);
        for (const [k, e] of n.byKey) obj[k] = conv(e.value);
        return obj;
      }
      case 'array': {
        const seen = memo.get(n);
        if (seen !== undefined) return seen;
        const arr: JsonValue[] = [];
        memo.set(n, arr);
        for (const item of n.items) arr.push(conv(item));
        return arr;
      }
      case 'invalid':
        return INVALID;
      default:
        return n.value;
    }
  };
  return conv(root);
}

function classify(root: Node | undefined, value: JsonValue | undefined): DocumentKind {
  if (!root) return 'empty';
  if (root.kind !== 'object' || value === null || typeof value !== 'object' || Array.isArray(value)) return 'not-object';
  const v = value as JsonObject;
  if ('cluster_type' in v) return 'cluster';
  if ('ROSTemplateFormatVersion' in v) return 'ros-template';
  const resources = v['Resources'];
  if (resources && typeof resources === 'object' && !Array.isArray(resources)) {
    for (const r of Object.values(resources)) {
      if (r && typeof r === 'object' && !Array.isArray(r) && typeof r['Type'] === 'string' && /^ALIYUN::/.test(r['Type'])) {
        return 'ros-template';
      }
    }
  }
  if ('resource' in v || 'provider' in v || 'terraform' in v) return 'terraform';
  if ('nodepool_info' in v || ('scaling_group' in v && !('region_id' in v))) return 'nodepool-body';
  return 'cluster';
}
