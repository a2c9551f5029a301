import { PlainObject, type ArrayNode, type Entry, type JsonObject, type JsonValue, type Node, type ObjectNode, type ScalarNode } from '../model.js';
import type { Span } from '../text.js';
import type { ParseLimits, ParseProblem } from './problems.js';
import { ModelBuilder, visibleEnd, type MergeSource } from './yaml-model.js';
import { resolveCorePlain, scalarNode } from './yaml-scalar.js';

/**
 * A reader of our own for the YAML that cluster specs are made of: documents of block mappings and block lists,
 * one-line plain and quoted scalars, block scalars, one-line flow collections, anchors, aliases and merge keys,
 * comments and blank lines. It gives exactly the model and problems that the yaml library's path gives (see yaml.ts
 * and yaml-cst.ts), and declines everything else (returns undefined), so that the caller parses the text with the
 * library as before: tags, multi-line plain and quoted scalars and flow collections, empty values, `...`, directives,
 * tabs, carriage returns and other unusual white space, and every syntax error.
 *
 * It exists for speed: the library's lexer and parser are generators that run in V8's interpreter in a short run, and
 * the library is a bundle of its own that a one-file run would otherwise load. A spec this reader takes is read
 * without it, several times faster.
 *
 * The spans follow the library's parser: a block collection ends at the last visible character of its last item,
 * and the comment lines after an item count as the item's, the collection's or an outer one's by how deep they are
 * indented (see {@link PlainReader.afterValue} and {@link PlainReader.settle}). packages/core/test/parse-yaml-plain.test.ts
 * compares the two on every YAML file of the repository and the corpus, and on thousands of generated inputs.
 */
export function readPlainYaml(text: string, limits: ParseLimits): { documents: PlainDocument[]; problems: ParseProblem[] } | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const problems: ParseProblem[] = [];
  const documents: PlainDocument[] = [];
  try {
    // Each `---` line starts a document that runs to the next one; what comes before the first is a document too,
    // unless it holds nothing but comments.
    let from = 0;
    let marker = -1;
    for (;;) {
      const next = nextMarker(text, marker < 0 ? 0 : marker + 3);
      // A reader per document: anchors and the cap on what aliases expand to are the document's own.
      const document = new PlainReader(text, limits, problems).document(marker, from, next < 0 ? text.length : next);
      if (document) documents.push(document);
      if (next < 0) break;
      from = marker = next;
    }
    // A text of comments and blank lines is an empty document, which the library reads.
    return documents.length ? { documents, problems } : undefined;
  } catch (err) {
    if (err === DECLINE || err instanceof RangeError) return undefined;
    throw err;
  }
}

/**
 * A document's tree, span and plain value (built along with the tree, as ClusterDocument would build it from the tree;
 * undefined in a document with aliases or merge keys, whose value ClusterDocument builds from the tree).
 */
export interface PlainDocument {
  root: Node;
  span: Span;
  value: JsonValue | undefined;
}

/** The offset of the first line at or after `from` that is a document marker (`---` alone, or followed by a space), or -1. */
function nextMarker(text: string, from: number): number {
  if (from === 0 && isMarker(text, 0)) return 0;
  for (let at = from; ; ) {
    const nl = text.indexOf('\n---', at);
    if (nl < 0) return -1;
    if (isMarker(text, nl + 1)) return nl + 1;
    at = nl + 1;
  }
}

function isMarker(text: string, at: number): boolean {
  if (!text.startsWith('---', at)) return false;
  const c = text.charCodeAt(at + 3);
  return Number.isNaN(c) || c === 10 || c === SPACE;
}

/**
 * Text the reader leaves to the library wherever it appears: tabs, carriage returns and other control characters,
 * white space other than the space (the library and acklint's spans treat these in ways of their own), a BOM inside
 * the text, and a line starting with `...` or `%` (a document end marker, a directive).
 */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|(?:^|\n)(?:\.\.\.|%)/;

/** Thrown (one object, no stack to capture) where the text needs the library. */
const DECLINE = new (class Decline {})();

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Characters that may not start a plain scalar (or that start something else: a quoted scalar, a flow collection, an anchor, a tag…). */
function badPlainStart(c: number, next: number): boolean {
  switch (c) {
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case 63: // ?
    case 58: // :
      return true;
    case DASH:
      // `-1`, `-.5` and `-edge` are plain; `- x` is a list item, and other uses are rare enough to leave to the library.
      return !((next >= 48 && next <= 57) || ((next | 32) >= 97 && (next | 32) <= 122) || next === 46 || next === 95);
    default:
      return false;
  }
}

class PlainReader extends ModelBuilder {
  /** Where the document being read ends. */
  private end = 0;
  /** The current line: its start, where its content starts, and where it ends (its line break, or the text's end). */
  private ls = 0;
  private cs = 0;
  private le = 0;
  private eof = false;
  /**
   * The last visible character of what the innermost collection read so far ends with: the last item's value, its
   * comment and the comment lines that belong to it (where the library's node for that collection would end), or,
   * once the collection ends, what its parent sees of it.
   */
  private last = 0;
  /**
   * Comment lines after the last item that do not belong to its value (a "group"): the end of the last one, and the
   * deepest indentation among them; -1 when there are none.
   */
  private groupEnd = -1;
  private groupIndent = -1;
  /** The plain value of the node read last. */
  private value: JsonValue = null;
  /** The document uses aliases or merge keys: its value is left to ClusterDocument. */
  private valueless = false;
  /** The document's anchors so far: each name's node (undefined while its collection is being read). */
  private readonly anchors = new Map<string, { node: Node | undefined }>();
  /** An anchor read before a value, for the node read next. */
  private anchorNext: string | undefined;
  /** The `*alias` token of the value read last, when it was written as an alias. */
  private aliasAt: Span | undefined;

  constructor(text: string, limits: ParseLimits, problems: ParseProblem[]) {
    super(text, limits, problems);
  }

  private get indent(): number {
    return this.cs - this.ls;
  }

  /**
   * The document from `from` to `to` (`marker`: the offset of its `---` line, or -1 when it has none); undefined for
   * text without a marker that holds nothing but comments and blank lines.
   */
  document(marker: number, from: number, to: number): PlainDocument | undefined {
    this.end = to;
    this.eof = false;
    let content = from;
    if (marker >= 0) {
      // Only a comment may follow the marker on its line.
      const t = this.text;
      const p = this.spaces(marker + 3);
      const e = this.lineEnd(marker);
      if (p < e && (t.charCodeAt(p) !== HASH || p === marker + 3)) throw DECLINE;
      content = e + 1;
    }
    this.toContent(content);
    if (this.eof) {
      if (marker >= 0) throw DECLINE;
      return undefined;
    }
    if (this.indent !== 0) throw DECLINE;
    const start = marker >= 0 ? marker : this.cs;
    const root = this.isListItem() ? this.list(0, 0) : this.isKey(this.cs) ? this.mapping(0, 0, this.cs) : decline();
    if (!this.eof) throw DECLINE;
    return { root, span: { start, end: to }, value: this.valueless ? undefined : this.value };
  }

  /** Moves to the first line of content at or after the line starting at `from`, over blank and comment lines. */
  private toContent(from: number): void {
    const t = this.text;
    let p = from;
    while (p < this.end) {
      const q = this.spaces(p);
      const e = this.lineEnd(q);
      if (q < e && t.charCodeAt(q) !== HASH) {
        this.ls = p;
        this.cs = q;
        this.le = e;
        return;
      }
      p = e + 1;
    }
    this.eof = true;
  }

  /**
   * After a value that ended on the current line (or, for a block scalar, before the line at `from`), whose
   * innermost collection is indented `indent`: moves to the next line of content. The comment lines before it that
   * are indented deeper than the collection, up to the first that is not, belong to the value (the library's parser
   * adds them to the value's trailing tokens; a block scalar has none, `glue` false); the rest form a group (see
   * {@link settle}).
   */
  private afterValue(indent: number, from = this.le + 1, glue = true): void {
    const t = this.text;
    let p = from;
    this.groupEnd = -1;
    this.groupIndent = -1;
    while (p < this.end) {
      const q = this.spaces(p);
      const e = this.lineEnd(q);
      if (q < e) {
        if (t.charCodeAt(q) !== HASH) {
          this.ls = p;
          this.cs = q;
          this.le = e;
          return;
        }
        const end = visibleEnd(t, q, e);
        const depth = q - p;
        if (glue && depth > indent) this.last = end;
        else {
          glue = false;
          this.groupEnd = end;
          if (depth > this.groupIndent) this.groupIndent = depth;
        }
      }
      p = e + 1;
    }
    this.eof = true;
  }

  /**
   * A collection indented `indent` has ended. A group of comment lines after its last item stays with it when one of
   * them is indented at least as deep as the collection (and the collection is not at the margin); the library's
   * parser then ends the collection's tokens after the group, so the parent's node reaches to it. Otherwise the group
   * moves on to the parent.
   */
  private settle(indent: number): void {
    if (this.groupEnd >= 0 && indent !== 0 && this.groupIndent >= indent) {
      this.last = this.groupEnd;
      this.groupEnd = -1;
    }
  }

  /** The current line is a list item: `-` then a space or the line's end. */
  private isListItem(): boolean {
    const c = this.cs;
    return this.text.charCodeAt(c) === DASH && (c + 1 === this.le || this.text.charCodeAt(c + 1) === SPACE);
  }

  /** The current line holds a mapping key at `at`: a one-line plain or quoted scalar, then `:` and a space or the line's end. */
  private isKey(at: number): boolean {
    return this.keyColon(at) >= 0;
  }

  /** The `:` after the key at `at` on the current line (followed by a space or the line's end), or -1. */
  private keyColon(at: number): number {
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === 39 || c === 34) {
      const close = this.closingQuote(at);
      if (close < 0) return -1;
      const p = this.spaces(close + 1);
      return t.charCodeAt(p) === COLON && (p + 1 >= this.le || t.charCodeAt(p + 1) === SPACE) ? p : -1;
    }
    if (c === 91 || c === 123) return -1;
    return this.plainKeyColon(at);
  }

  /** The `:` that ends a plain key starting at `at` on the current line, or -1 (a comment or the line's end comes first). */
  private plainKeyColon(at: number): number {
    const t = this.text;
    for (let p = at; p < this.le; p++) {
      const c = t.charCodeAt(p);
      if (c === COLON) {
        if (p + 1 === this.le || t.charCodeAt(p + 1) === SPACE) return p;
      } else if (c === HASH && t.charCodeAt(p - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** The closing quote of the quoted scalar at `at` on the current line, or -1. */
  private closingQuote(at: number): number {
    const t = this.text;
    if (t.charCodeAt(at) === 34) {
      for (let p = at + 1; p < this.le; p++) {
        const c = t.charCodeAt(p);
        if (c === 34) return p;
        // An escape; one at the end of the line continues the scalar on the next.
        if (c === 92 && ++p >= this.le) return -1;
      }
      return -1;
    }
    for (let p = at + 1; p < this.le; p++) {
      if (t.charCodeAt(p) === 39) {
        if (t.charCodeAt(p + 1) !== 39) return p;
        p++;
      }
    }
    return -1;
  }

  /** The value of a quoted scalar from `at` to its closing quote. */
  private quoted(at: number, close: number): string {
    const inner = this.text.substring(at + 1, close);
    if (this.text.charCodeAt(at) === 39) return inner.includes("''") ? inner.replaceAll("''", "'") : inner;
    return inner.includes('\\') ? unescapeDoubleQuoted(inner) : inner;
  }

  /**
   * The end of the anchor or alias name that starts after the `&` or `*` at `at`, followed by a space or the line's
   * end (or, in a flow collection, by `,`, `]` or `}`); names of other characters are left to the library.
   */
  private nameEnd(at: number, flow: boolean): number {
    const t = this.text;
    let p = at + 1;
    for (; p < this.le; p++) {
      const c = t.charCodeAt(p);
      if (!((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === DASH || c === 46)) break;
    }
    const c = t.charCodeAt(p);
    if (p === at + 1 || (p < this.le && c !== SPACE && !(flow && (c === 44 || c === 93 || c === 125)))) throw DECLINE;
    return p;
  }

  /** Reads the anchor at `at`, for the next node; returns where the value after it starts. */
  private anchor(at: number): number {
    const end = this.nameEnd(at, false);
    this.anchorNext = this.text.substring(at + 1, end);
    return this.spaces(end);
  }

  /** The anchor read for the collection that starts now: its slot, filled when the collection is done. */
  private openAnchor(): { node: Node | undefined } | undefined {
    const name = this.anchorNext;
    if (name === undefined) return undefined;
    this.anchorNext = undefined;
    const slot = { node: undefined };
    this.anchors.set(name, slot);
    return slot;
  }

  /** The alias at `at`: the node of its anchor (or an invalid node, with a problem). */
  private alias(at: number, depth: number, flow: boolean): Node {
    if (this.anchorNext !== undefined) throw DECLINE;
    const end = this.nameEnd(at, flow);
    const span = { start: at, end };
    this.aliasAt = span;
    this.valueless = true;
    const slot = this.anchors.get(this.text.substring(at + 1, end));
    if (!slot) return this.unresolvedAlias(span);
    if (!slot.node) return this.recursiveAlias(span);
    return this.expandAlias(slot.node, depth, span);
  }

  /** A block mapping indented `col` whose first key is at `at` on the current line. */
  private mapping(col: number, depth: number, at: number): ObjectNode {
    if (depth >= this.limits.maxDepth) throw DECLINE;
    const slot = this.openAnchor();
    const node: ObjectNode = { kind: 'object', start: at, end: 0, entries: [], byKey: new Map() };
    const obj: JsonObject = new PlainObject();
    const merges: MergeSource[] = [];
    for (;;) {
      // Comment lines before a key are the key's.
      this.groupEnd = -1;
      this.entry(node, obj, merges, col, depth, at);
      if (this.eof || this.indent < col) break;
      if (this.indent > col || this.isListItem()) throw DECLINE;
      at = this.cs;
    }
    if (merges.length) this.applyMerges(node, merges);
    node.end = this.last;
    this.settle(col);
    this.value = obj;
    this.aliasAt = undefined;
    if (slot) slot.node = node;
    return node;
  }

  /**
   * One `key: value` of a mapping indented `col`, the key at `at` on the current line (the last of a key wins in
   * `obj`); a `<<` key adds its sources to `merges`.
   */
  private entry(node: ObjectNode, obj: JsonObject, merges: MergeSource[], col: number, depth: number, at: number): void {
    const t = this.text;
    const c = t.charCodeAt(at);
    const colon = this.keyColon(at);
    if (colon < 0) throw DECLINE;
    let key: string;
    let keyEnd: number;
    let merge = false;
    if (c === 39 || c === 34) {
      keyEnd = this.closingQuote(at) + 1;
      key = this.quoted(at, keyEnd - 1);
    } else {
      if (badPlainStart(c, t.charCodeAt(at + 1))) throw DECLINE;
      keyEnd = colon;
      while (t.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      const raw = t.substring(at, keyEnd);
      merge = raw === '<<';
      const v = resolveCorePlain(raw);
      key = v === null ? 'null' : String(v);
    }
    // The library takes a key of at most 1,024 characters.
    if (colon - at > 1000) throw DECLINE;
    let q = this.spaces(colon + 1);
    if (t.charCodeAt(q) === 38) q = this.anchor(q);
    this.aliasAt = undefined;
    let value: Node;
    if (q >= this.le || t.charCodeAt(q) === HASH) {
      // The value is on the lines below: a block collection indented deeper, or a list at the mapping's own indentation.
      this.toContent(this.le + 1);
      if (this.eof || this.indent < col) throw DECLINE;
      if (this.indent === col) {
        if (!this.isListItem()) throw DECLINE;
        value = this.list(col, depth + 1);
      } else value = this.block(depth + 1);
    } else value = this.inline(q, depth + 1, col);
    if (this.anchorNext !== undefined) throw DECLINE;
    const keySpan = { start: at, end: keyEnd };
    if (merge) {
      ModelBuilder.mergeSources(value, keySpan, merges);
      this.valueless = true;
      return;
    }
    const entry: Entry = { key, keySpan, value };
    if (this.aliasAt) entry.aliasSpan = this.aliasAt;
    this.addEntry(node, entry);
    obj[key] = this.value;
  }

  /** A block collection on the current line (indented deeper than its parent). */
  private block(depth: number): Node {
    if (this.isListItem()) return this.list(this.indent, depth);
    if (this.isKey(this.cs)) return this.mapping(this.indent, depth, this.cs);
    throw DECLINE;
  }

  /** A block list indented `col`, starting at the current line. */
  private list(col: number, depth: number): ArrayNode {
    if (depth >= this.limits.maxDepth) throw DECLINE;
    const t = this.text;
    const slot = this.openAnchor();
    const start = this.cs;
    const items: Node[] = [];
    const values: JsonValue[] = [];
    let aliasSpans: Span[] | undefined;
    for (;;) {
      this.groupEnd = -1;
      this.aliasAt = undefined;
      let q = this.spaces(this.cs + 1);
      const anchored = t.charCodeAt(q) === 38;
      if (anchored) q = this.anchor(q);
      if (q >= this.le || t.charCodeAt(q) === HASH) {
        this.toContent(this.le + 1);
        if (this.eof || this.indent <= col) throw DECLINE;
        items.push(this.block(depth + 1));
      } else if (t.charCodeAt(q) === DASH && (q + 1 === this.le || t.charCodeAt(q + 1) === SPACE)) {
        throw DECLINE;
      } else if (this.isKey(q)) {
        // An anchor there would be the first key's.
        if (anchored) throw DECLINE;
        items.push(this.mapping(q - this.ls, depth + 1, q));
      } else items.push(this.inline(q, depth + 1, col));
      if (this.anchorNext !== undefined) throw DECLINE;
      if (this.aliasAt) (aliasSpans ??= [])[items.length - 1] = this.aliasAt;
      values.push(this.value);
      if (this.eof || this.indent < col) break;
      if (this.indent > col) throw DECLINE;
      // At the list's indentation, a line that is not an item ends the list (a list that is a mapping's value may sit
      // at the mapping's indentation).
      if (!this.isListItem()) break;
    }
    const node: ArrayNode = { kind: 'array', start, end: this.last, items };
    if (aliasSpans) node.aliasSpans = aliasSpans;
    this.settle(col);
    this.value = values;
    this.aliasAt = undefined;
    if (slot) slot.node = node;
    return node;
  }

  /**
   * A value that starts at `at` on the current line and ends on it, in a collection indented `col`; then moves to the
   * next line of content.
   */
  private inline(at: number, depth: number, col: number): Node {
    const t = this.text;
    const c = t.charCodeAt(at);
    let node: Node;
    let end: number;
    if (c === 39 || c === 34) {
      const close = this.closingQuote(at);
      if (close < 0) throw DECLINE;
      end = close + 1;
      node = this.string(at, end, this.quoted(at, close));
    } else if (c === 91 || c === 123) {
      node = this.flow(at, depth);
      end = node.end;
    } else if (c === 124 || c === 62) {
      return this.scalarAnchor(this.blockScalar(at, col));
    } else if (c === 42) {
      node = this.alias(at, depth, false);
      end = this.aliasAt!.end;
    } else {
      if (badPlainStart(c, t.charCodeAt(at + 1))) throw DECLINE;
      let stop = this.le;
      for (let p = at + 1; p < this.le; p++) {
        const d = t.charCodeAt(p);
        if (d === HASH && t.charCodeAt(p - 1) === SPACE) {
          stop = p;
          break;
        }
        // `a: b` and `a:` at the end are mappings where a scalar is expected: a syntax error.
        if (d === COLON && (p + 1 === this.le || t.charCodeAt(p + 1) === SPACE)) throw DECLINE;
      }
      end = stop;
      while (t.charCodeAt(end - 1) === SPACE) end--;
      node = this.plainScalar(t.substring(at, end), at, end);
    }
    this.scalarAnchor(node);
    this.last = end;
    let p = end;
    while (t.charCodeAt(p) === SPACE) p++;
    if (p < this.le) {
      // Only a comment may follow, after a space.
      if (t.charCodeAt(p) !== HASH || p === end) throw DECLINE;
      this.last = visibleEnd(t, p, this.le);
    }
    this.afterValue(col);
    return node;
  }

  /**
   * A block scalar (`|`, `|-`, `>`, `>-`) whose header is at `at`, in a collection indented `col`; then moves to the
   * next line of content. Left to the library: keep chomping (`+`), an explicit indentation, a folded scalar with
   * blank or more-indented lines, a scalar without content, and blank lines with more spaces than its indentation.
   */
  private blockScalar(at: number, col: number): Node {
    const t = this.text;
    let p = at + 1;
    const h = t.charCodeAt(p);
    const strip = h === DASH;
    if (strip) p++;
    else if (h === 43 || (h >= 48 && h <= 57)) throw DECLINE;
    const r = this.spaces(p);
    if (r < this.le && (t.charCodeAt(r) !== HASH || r === p)) throw DECLINE;
    const folded = t.charCodeAt(at) === 62;
    const lines: string[] = [];
    let indent = -1;
    let blanks = 0;
    let mostSpaces = 0;
    let end = -1;
    let line = this.le + 1;
    while (line < this.end) {
      const q = this.spaces(line);
      const e = this.lineEnd(q);
      if (q === e) {
        if (q - line > mostSpaces) mostSpaces = q - line;
        blanks++;
        line = e + 1;
        continue;
      }
      const depth = q - line;
      if (indent < 0) {
        if (depth <= col) break;
        indent = depth;
      } else if (depth < indent) break;
      // A more-indented line of a folded scalar keeps its line breaks; blank lines between lines fold otherwise.
      if (folded && (depth > indent || blanks > 0)) throw DECLINE;
      for (; blanks > 0; blanks--) lines.push('');
      lines.push(t.substring(line + indent, e));
      end = visibleEnd(t, q, e);
      line = e + 1;
    }
    // Blank lines with more spaces than the indentation hold spaces of the value (or are an error before it).
    if (indent < 0 || mostSpaces > indent) throw DECLINE;
    const body = lines.join(folded ? ' ' : '\n');
    this.last = end;
    this.afterValue(col, line < this.end ? line : this.end, false);
    return this.string(at, end, strip ? body : `${body}\n`);
  }

  /** A flow collection (`[…]` or `{…}`) at `at`, closed on the same line. */
  private flow(at: number, depth: number): Node {
    if (depth >= this.limits.maxDepth) throw DECLINE;
    const t = this.text;
    const slot = this.openAnchor();
    const isMap = t.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const merges: MergeSource[] = [];
    let aliasSpans: Span[] | undefined;
    const map: ObjectNode | undefined = isMap ? { kind: 'object', start: at, end: 0, entries: [], byKey: new Map() } : undefined;
    const obj: JsonObject | undefined = isMap ? new PlainObject() : undefined;
    const items: Node[] = [];
    const values: JsonValue[] = [];
    let p = this.spaces(at + 1);
    if (t.charCodeAt(p) !== close) {
      for (;;) {
        if (map) {
          const key = this.flowScalar(p, true);
          p = this.spaces(key.end);
          // After a quoted key the value may follow the colon at once (`{"a":1}`, as in JSON).
          if (t.charCodeAt(p) !== COLON || (t.charCodeAt(p + 1) !== SPACE && key.plain)) throw DECLINE;
          const k = key.value === null ? 'null' : String(key.value);
          const value = this.flowValue(this.spaces(p + 1), depth);
          const keySpan = { start: key.start, end: key.end };
          if (key.plain && key.value === '<<') {
            ModelBuilder.mergeSources(value, keySpan, merges);
            this.valueless = true;
          } else {
            const entry: Entry = { key: k, keySpan, value };
            if (this.aliasAt) entry.aliasSpan = this.aliasAt;
            this.addEntry(map, entry);
            obj![k] = this.value;
          }
          p = this.spaces(this.aliasAt ? this.aliasAt.end : value.end);
        } else {
          const value = this.flowValue(p, depth);
          if (this.aliasAt) (aliasSpans ??= [])[items.length] = this.aliasAt;
          items.push(value);
          values.push(this.value);
          p = this.spaces(this.aliasAt ? this.aliasAt.end : value.end);
        }
        const c = t.charCodeAt(p);
        if (c === close) break;
        if (c !== 44 || p >= this.le) throw DECLINE;
        p = this.spaces(p + 1);
        // A trailing comma, or an empty item.
        if (t.charCodeAt(p) === close || t.charCodeAt(p) === 44) throw DECLINE;
      }
    }
    if (p >= this.le) throw DECLINE;
    const end = p + 1;
    this.aliasAt = undefined;
    if (map) {
      if (merges.length) this.applyMerges(map, merges);
      map.end = end;
      this.value = obj!;
      if (slot) slot.node = map;
      return map;
    }
    this.value = values;
    const node: ArrayNode = { kind: 'array', start: at, end, items };
    if (aliasSpans) node.aliasSpans = aliasSpans;
    if (slot) slot.node = node;
    return node;
  }

  /** The first character from `p` on that is not a space. */
  private spaces(p: number): number {
    while (this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** The end (the line break, or the document's end) of the line that `p` is on. */
  private lineEnd(p: number): number {
    const e = this.text.indexOf('\n', p);
    return e < 0 || e > this.end ? this.end : e;
  }

  /** An item of a flow collection: a nested flow collection, an alias or a scalar. */
  private flowValue(at: number, depth: number): Node {
    this.aliasAt = undefined;
    const c = this.text.charCodeAt(at);
    if (c === 91 || c === 123) return this.flow(at, depth + 1);
    if (c === 42) return this.alias(at, depth + 1, true);
    return this.flowScalar(at, false);
  }

  /** Registers the anchor read before a scalar, if any. */
  private scalarAnchor(node: Node): Node {
    if (this.anchorNext !== undefined) {
      this.anchors.set(this.anchorNext, { node });
      this.anchorNext = undefined;
    }
    return node;
  }

  /** A quoted or plain scalar inside a flow collection (a plain one ends at `,`, a bracket or, for a key, at `:`). */
  private flowScalar(at: number, isKey: boolean): ScalarNode {
    const t = this.text;
    if (at >= this.le) throw DECLINE;
    const c = t.charCodeAt(at);
    if (c === 39 || c === 34) {
      const close = this.closingQuote(at);
      if (close < 0) throw DECLINE;
      return this.string(at, close + 1, this.quoted(at, close));
    }
    if (badPlainStart(c, t.charCodeAt(at + 1))) throw DECLINE;
    let p = at + 1;
    for (; p < this.le; p++) {
      const d = t.charCodeAt(p);
      if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break;
      if (d === COLON) {
        // `:` followed by a space, a flow indicator or the line's end ends a key (and is a syntax error after a
        // value); otherwise it is part of the scalar (`ALIYUN::Region`, `a:b`).
        const e = t.charCodeAt(p + 1);
        if (p + 1 >= this.le || e === SPACE || e === 44 || e === 91 || e === 93 || e === 123 || e === 125) {
          if (isKey) break;
          throw DECLINE;
        }
        continue;
      }
      if (d === HASH) throw DECLINE;
    }
    if (p >= this.le) throw DECLINE;
    let end = p;
    while (t.charCodeAt(end - 1) === SPACE) end--;
    return this.plainScalar(t.substring(at, end), at, end);
  }

  /** A quoted scalar's node. */
  private string(start: number, end: number, value: string): ScalarNode {
    this.value = value;
    return scalarNode(value, start, end, false);
  }

  /** A plain scalar's node, read with the core schema. */
  private plainScalar(s: string, start: number, end: number): ScalarNode {
    const v = resolveCorePlain(s);
    this.value = v;
    return scalarNode(v, start, end, true);
  }
}

/** What YAML's one-character escapes in double quotes stand for. */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** The text of a one-line double-quoted scalar with its escapes resolved; an escape YAML does not know is left to the library (it reports it). */
function unescapeDoubleQuoted(inner: string): string {
  let out = '';
  let from = 0;
  for (let i = inner.indexOf('\\'); i >= 0; i = inner.indexOf('\\', from)) {
    out += inner.substring(from, i);
    const c = inner[i + 1]!;
    const simple = ESCAPES[c];
    if (simple !== undefined && Object.hasOwn(ESCAPES, c)) {
      out += simple;
      from = i + 2;
      continue;
    }
    const digits = c === 'x' ? 2 : c === 'u' ? 4 : 0;
    const hex = inner.substr(i + 2, digits);
    if (!digits || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw DECLINE;
    out += String.fromCharCode(parseInt(hex, 16));
    from = i + 2 + digits;
  }
  return out + inner.substring(from);
}

function decline(): never {
  throw DECLINE;
}
