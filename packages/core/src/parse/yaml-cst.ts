import { CST } from 'yaml';
import type { ArrayNode, Entry, Node, ObjectNode } from '../model.js';
import type { Span } from '../text.js';
import type { ParseLimits, ParseProblem } from './problems.js';
import { ModelBuilder, visibleEnd, type MergeSource } from './yaml-model.js';
import { resolveCorePlain, scalarNode } from './yaml-scalar.js';

/**
 * acklint's model of a YAML document built straight from the yaml library's syntax tree (its `Parser` output),
 * without composing the library's `Document`: the same nodes, spans and problems as building it from the composed
 * document, at a fraction of the time and memory.
 *
 * The syntax tree holds no error token for many mistakes that the composer reports (bad indentation, a key without
 * a colon, tabs, comments glued to a value, …). This builder checks each of those conditions where the composer
 * would, and gives the document up (returns why) when one of them holds, or when the document uses anything it
 * does not handle itself: tags, explicit (`?`) or complex keys, anchors on keys, pairs inside `[…]`, tabs around
 * indicators, nesting past the depth limit. The caller then composes that document as before, so every message and
 * range of a broken document stays what the composer gives. `started`: the builder that took in parts of the document
 * while it was parsed.
 */
export function buildFromCst(doc: CST.Document, text: string, limits: ParseLimits, started?: CstBuilder): CstResult {
  const builder = started ?? new CstBuilder(text, limits, []);
  if (builder.gaveUp) return { reason: builder.reason, damaged: builder.consumed };
  try {
    const { root, span } = builder.document(doc);
    return { document: { root, span }, problems: builder.problems };
  } catch (err) {
    // The recursion is bounded by the depth limit; a stack that runs out anyway leaves the document to the composer.
    if (err !== GIVE_UP && !(err instanceof RangeError)) throw err;
    return { reason: err === GIVE_UP ? builder.reason || 'text after a node' : 'stack', damaged: builder.consumed };
  }
}

/**
 * The model of a document, or why the document is left to the composer; `damaged` when the builder already took
 * finished parts out of the syntax tree (see {@link CstBuilder.consume}), so that the text must be parsed again.
 */
export type CstResult = { document: { root: Node; span: Span }; problems: ParseProblem[] } | { reason: string; damaged: boolean; document?: undefined };

/**
 * The end of the `...` line after a document (what the composer makes the document's end), or undefined when the
 * composer would report something on that line.
 */
export function documentEndOffset(token: CST.DocumentEnd): number | undefined {
  try {
    return endOffset(token.end, token.offset + token.source.length, true);
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}

/** Thrown (one object, no stack to capture) when the document needs the composer. */
const GIVE_UP = new (class GiveUp {})();

/** The `<<` key, as the core schema with merge keys reads a plain `<<` in key position. */
const MERGE = Symbol('<<');

type Scalar = string | number | boolean | null;

/** What a list of tokens before a node (or an indicator) holds, as far as the model needs it. */
interface Props {
  /** The indicator (`---`, `-`, `?`, `:`) among the tokens. */
  found: CST.SourceToken | undefined;
  anchor: CST.SourceToken | undefined;
  comma: boolean;
  hasNewline: boolean;
  /** A line break after the anchor. */
  newlineAfterAnchor: boolean;
  comment: boolean;
  /** End of the last token, or the offset the tokens would start at when there are none. */
  end: number;
  /** Offset of the anchor, or `end`. */
  start: number;
}

type Indicator = 'doc-start' | 'explicit-key-ind' | 'map-value-ind' | 'seq-item-ind';

/** A plain scalar's value under the core schema (and a plain `<<` key is a merge key). */
function resolvePlain(s: string, atKey: boolean): Scalar | typeof MERGE {
  return atKey && s === '<<' ? MERGE : resolveCorePlain(s);
}

/**
 * The end of a node followed by `end` tokens (spaces, comments, line breaks; those from index `from`), from the node's
 * own end `offset`; gives up on any other token there, and on a comment glued to the node where `reqSpace`.
 */
function endOffset(end: CST.SourceToken[] | undefined, offset: number, reqSpace: boolean, from = 0): number {
  if (!end) return offset;
  let hasSpace = false;
  for (let i = from; i < end.length; i++) {
    const t = end[i]!;
    switch (t.type) {
      case 'space':
      case 'newline':
        hasSpace = true;
        break;
      case 'comment':
        if (reqSpace && !hasSpace) throw GIVE_UP;
        break;
      default:
        throw GIVE_UP;
    }
    offset += t.source.length;
  }
  return offset;
}

/**
 * Where the composer places an empty node that follows the tokens `before` (which end at `offset`): just after the last
 * token that is not a space, comment or line break, and the spaces after it.
 */
function emptyPosition(offset: number, before: CST.SourceToken[] | undefined): number {
  if (!before) return offset;
  for (let i = before.length - 1; i >= 0; --i) {
    const t = before[i]!;
    if (t.type === 'space' || t.type === 'comment' || t.type === 'newline') {
      offset -= t.source.length;
      continue;
    }
    for (let j = i + 1; before[j]?.type === 'space'; j++) offset += before[j]!.source.length;
    break;
  }
  return offset;
}

/** A key must fit on one line. */
function containsNewline(key: CST.FlowScalar): boolean {
  if (key.source.includes('\n')) return true;
  if (key.end) for (const t of key.end) if (t.type === 'newline') return true;
  return false;
}

function isFlowScalar(t: CST.Token): t is CST.FlowScalar {
  return t.type === 'scalar' || t.type === 'single-quoted-scalar' || t.type === 'double-quoted-scalar';
}

/** An anchor's node (undefined while the anchored collection is being built). */
interface AnchorSlot {
  node: Node | undefined;
}

/** A block collection being built, item by item. */
interface Frame {
  /** End of the last item read (where the composer's offset is). */
  offset: number;
  /** End of the last item that held nothing but comments and blank lines, or -1. */
  commentEnd: number;
  /** An item whose value (`child`) is still being parsed, with what was read of the item before the value. */
  pending?: { item: object; head: Props | MapHead; child: CST.Token };
  /** The collection's anchor. */
  slot: AnchorSlot | undefined;
}

interface MapFrame extends Frame {
  node: ObjectNode;
  merges: MergeSource[] | undefined;
}

interface SeqFrame extends Frame {
  items: Node[];
  aliasSpans?: Span[];
}

/** What a mapping item holds before its value. */
interface MapHead {
  key: string | typeof MERGE;
  span: Span;
  value: Props;
}

/** Most finished items a block collection may hold before {@link CstBuilder.consume} takes them in. */
const BATCH = 16;

export class CstBuilder extends ModelBuilder {
  /** Why the document was given up (for tests and statistics). */
  reason = '';
  gaveUp = false;
  /** Items were taken out of the syntax tree: it can no longer be composed. */
  consumed = false;
  private readonly anchors = new Map<string, AnchorSlot>();
  /** Collections of the document being parsed whose first items were taken in already. */
  private readonly frames = new Map<CST.Token, MapFrame | SeqFrame>();
  /** The document's own properties (`---`, an anchor), once read. */
  private docProps: Props | undefined;
  /** After reading a node: the end of its own text (`r1`) and of the spaces, comments and line breaks after it (`r2`). */
  private r1 = 0;
  private r2 = 0;
  private plain = false;

  private giveUp(reason: string): never {
    this.reason = reason;
    throw GIVE_UP;
  }

  document(doc: CST.Document): { root: Node; span: Span } {
    const v = doc.value;
    const p = this.docProps ?? this.documentProps(doc, v);
    const root = v ? this.node(v, p, 0) : this.empty(p.end, doc.start, p);
    let end: number;
    try {
      end = endOffset(doc.end, this.r2, false);
    } catch (err) {
      if (err === GIVE_UP) this.giveUp('document end');
      throw err;
    }
    return { root, span: { start: doc.offset, end } };
  }

  private documentProps(doc: CST.Document, value: CST.Token | undefined): Props {
    const p = this.props(doc.start, false, 'doc-start', value ?? doc.end?.[0], doc.offset, true);
    if (p.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !p.hasNewline) this.giveUp('collection on the --- line');
    return p;
  }

  /**
   * Takes in the finished items of the block collections that the parser is still building (`stack` is its stack
   * of unfinished tokens: the document, then each collection inside the last item of the one before), in document
   * order, and removes them from the syntax tree, so that a large document is never held whole as a syntax tree.
   *
   * While a collection is not the top of the stack, every item but its last is finished: the parser only adds to the
   * last item, or adds items. The top collection may still add a comment to the end of its second-to-last item's
   * value, so its last two items stay. The last item's value is the next collection on the stack; what that item
   * holds before the value is read now, so that the collection (and its anchor) starts in document order.
   */
  consume(stack: readonly CST.Token[], batch = BATCH): void {
    const doc = stack[0];
    if (this.gaveUp || doc?.type !== 'document') return;
    try {
      for (let j = 1; j < stack.length; j++) {
        const c = stack[j]!;
        if (c.type !== 'block-map' && c.type !== 'block-seq') return;
        let f = this.frames.get(c);
        if (!f) {
          let p: Props;
          if (j === 1) p = this.docProps ??= this.documentProps(doc, c);
          else {
            const parent = stack[j - 1] as CST.BlockMap | CST.BlockSequence;
            const pf = this.frames.get(parent)!;
            const last = parent.items[parent.items.length - 1]!;
            if (last.value || (parent.type === 'block-map' && !last.sep)) return;
            if (pf.pending?.item !== last) {
              const head =
                parent.type === 'block-map' ? this.mapHead(parent, pf as MapFrame, last as CST.BlockMap['items'][number], c) : this.seqHead(pf, last as CST.BlockSequence['items'][number], c);
              if (!head) return;
              pf.pending = { item: last, head, child: c };
            }
            const head = pf.pending.head;
            p = 'value' in head ? head.value : head;
          }
          f = this.open(c, p, j - 1);
          this.frames.set(c, f);
        }
        // Everything before the next collection on the stack is taken in before it (document order); the top
        // collection is taken in by batches.
        const top = j === stack.length - 1;
        const done = c.items.length - (top ? 2 : 1);
        if (top ? done >= batch : done > 0) {
          if (c.type === 'block-map') this.mapItems(c, f as MapFrame, done, j - 1);
          else this.seqItems(c, f as SeqFrame, done, j - 1);
          c.items.splice(0, done);
          this.consumed = true;
        }
        if (top) return;
      }
    } catch (err) {
      if (err !== GIVE_UP && !(err instanceof RangeError)) throw err;
      this.gaveUp = true;
      this.reason ||= err === GIVE_UP ? 'text after a node' : 'stack';
    }
  }

  /**
   * Reads the tokens before a node or indicator (what the composer's resolveProps does) and gives up where the
   * composer would report something, and on tags and tabs.
   */
  private props(tokens: CST.SourceToken[], flow: boolean, indicator: Indicator, next: CST.Token | undefined, offset: number, startOnNewline: boolean): Props {
    let hasSpace = startOnNewline;
    let hasNewline = false;
    let reqSpace = false;
    let comment = false;
    let comma = false;
    let newlineAfterAnchor = false;
    let anchor: CST.SourceToken | undefined;
    let found: CST.SourceToken | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (reqSpace) {
        if (t.type !== 'space' && t.type !== 'newline' && t.type !== 'comma') this.giveUp('anchor glued to the next token');
        reqSpace = false;
      }
      switch (t.type) {
        case 'space':
          if (t.source.includes('\t')) this.giveUp('tab');
          hasSpace = true;
          break;
        case 'comment':
          if (!hasSpace) this.giveUp('comment glued to the token before');
          comment = true;
          break;
        case 'newline':
          hasNewline = true;
          if (anchor) newlineAfterAnchor = true;
          hasSpace = true;
          break;
        case 'anchor':
          if (anchor || t.source.length === 1) this.giveUp('anchor');
          anchor = t;
          hasSpace = false;
          reqSpace = true;
          break;
        case indicator:
          if (anchor || found) this.giveUp('indicator after an anchor, or twice');
          found = t;
          hasSpace = false;
          break;
        case 'comma':
          if (!flow || comma) this.giveUp('comma');
          comma = true;
          hasSpace = false;
          break;
        default:
          this.giveUp(t.type === 'tag' ? 'tag' : `${t.type} before a node`);
      }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace && next && next.type !== 'space' && next.type !== 'newline' && next.type !== 'comma' && (next.type !== 'scalar' || next.source !== '')) {
      this.giveUp('anchor glued to the next token');
    }
    return { found, anchor, comma, hasNewline, newlineAfterAnchor, comment, end, start: anchor ? anchor.offset : end };
  }

  /** A node with the properties `p` (sets r2). */
  private node(tok: CST.Token, p: Props, depth: number): Node {
    switch (tok.type) {
      case 'alias':
        if (p.anchor) this.giveUp('anchor on an alias');
        return this.alias(tok, depth);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar': {
        const v = this.scalar(tok, false) as Scalar;
        const { start, end } = this.span(tok.offset, this.r1);
        const node = scalarNode(v, start, end, this.plain);
        if (p.anchor) this.anchors.set(p.anchor.source.substring(1), { node });
        return node;
      }
      case 'block-map':
      case 'block-seq': {
        const f = (this.frames.size && this.frames.get(tok)) || this.open(tok, p, depth);
        const node = tok.type === 'block-map' ? this.finishMap(tok, f as MapFrame, depth) : this.finishSeq(tok, f as SeqFrame, depth);
        if (f.slot) f.slot.node = node;
        return node;
      }
      case 'flow-collection': {
        if (depth >= this.limits.maxDepth) this.giveUp('too deep');
        const slot = this.anchor(p);
        const node = this.flow(tok, depth);
        if (slot) slot.node = node;
        return node;
      }
      default:
        return this.giveUp(`${tok.type} as a value`);
    }
  }

  /** An anchor on a collection counts from the start of the collection: an alias inside it refers to it (and is recursive). */
  private anchor(p: Props): AnchorSlot | undefined {
    if (!p.anchor) return undefined;
    const slot: AnchorSlot = { node: undefined };
    this.anchors.set(p.anchor.source.substring(1), slot);
    return slot;
  }

  /** Starts a block collection with the properties `p`. */
  private open(tok: CST.BlockMap | CST.BlockSequence, p: Props, depth: number): MapFrame | SeqFrame {
    if (depth >= this.limits.maxDepth) this.giveUp('too deep');
    if (tok.type === 'block-seq' && p.anchor && !p.newlineAfterAnchor) this.giveUp('anchor on the line of a list item');
    const slot = this.anchor(p);
    return tok.type === 'block-map'
      ? { offset: tok.offset, commentEnd: -1, slot, node: { kind: 'object', start: tok.offset, end: 0, entries: [], byKey: new Map() }, merges: undefined }
      : { offset: tok.offset, commentEnd: -1, slot, items: [] };
  }

  /** A scalar's value (sets r1, r2 and plain). */
  private scalar(tok: CST.FlowScalar | CST.BlockScalar, atKey: boolean): Scalar | typeof MERGE {
    if (tok.type === 'scalar') {
      const src = tok.source;
      if (!src.includes('\n')) {
        // A plain scalar on one line is its own text, unless it starts with a character the composer rejects.
        const c = src.charCodeAt(0);
        if (c === 44 || c === 37 || c === 124 || c === 62 || c === 64 || c === 96 || c === 9) this.giveUp('plain scalar start');
        this.r1 = tok.offset + src.length;
        this.r2 = endOffset(tok.end, this.r1, true);
        this.plain = true;
        return resolvePlain(src, atKey);
      }
    }
    let failed = false;
    const r = CST.resolveAsScalar(tok, true, () => (failed = true));
    if (!r || failed) this.giveUp('scalar');
    this.r1 = r.range[1];
    this.r2 = r.range[2];
    this.plain = tok.type === 'scalar';
    return tok.type === 'scalar' ? resolvePlain(r.value, atKey) : r.value;
  }

  /** An empty node after the tokens `before` (sets r2). */
  private empty(offset: number, before: CST.SourceToken[] | undefined, p: Props): Node {
    const at = emptyPosition(offset, before);
    this.r2 = p.comment ? p.end : at;
    const node: Node = { kind: 'null', start: at, end: at, value: null, plain: true };
    if (p.anchor) this.anchors.set(p.anchor.source.substring(1), { node });
    return node;
  }

  private aliasSpan(tok: CST.FlowScalar): Span {
    return this.span(tok.offset, tok.offset + tok.source.length);
  }

  private alias(tok: CST.FlowScalar, depth: number): Node {
    const name = tok.source.substring(1);
    if (name === '') this.giveUp('empty alias');
    this.r2 = endOffset(tok.end, tok.offset + tok.source.length, true);
    const at = this.aliasSpan(tok);
    const slot = this.anchors.get(name);
    if (!slot) return this.unresolvedAlias(at);
    if (!slot.node) return this.recursiveAlias(at);
    return this.expandAlias(slot.node, depth, at);
  }

  /** A key: its text and span, and the end of its tokens in r2. */
  private key(key: CST.Token | null | undefined): { key: string | typeof MERGE; span: Span } {
    if (!key) this.giveUp('empty key');
    if (!isFlowScalar(key)) this.giveUp('complex key');
    const v = this.scalar(key, true);
    return { key: v === MERGE ? MERGE : v === null ? 'null' : String(v), span: this.span(key.offset, this.r1) };
  }

  /** Adds the pair `key: value` to a mapping, or the sources of a `<<` key to the frame's merges. */
  private pair(node: ObjectNode, key: string | typeof MERGE, keySpan: Span, value: Node, valueToken: CST.Token | undefined, f: { merges: MergeSource[] | undefined }): void {
    if (key === MERGE) {
      ModelBuilder.mergeSources(value, keySpan, (f.merges ??= []));
      return;
    }
    const entry: Entry = { key, keySpan, value };
    if (valueToken?.type === 'alias') entry.aliasSpan = this.aliasSpan(valueToken);
    this.addEntry(node, entry);
  }

  /** What a mapping item holds before its value (`value`: its value token, or the one the parser is building); undefined for a line of comments. */
  private mapHead(bm: CST.BlockMap, f: MapFrame, item: CST.BlockMap['items'][number], value: CST.Token | undefined): MapHead | undefined {
    const { start, key, sep } = item;
    const kp = this.props(start, false, 'explicit-key-ind', key ?? sep?.[0], f.offset, true);
    if (kp.found) this.giveUp('explicit key');
    if (!sep) {
      if (kp.anchor || key) this.giveUp('key without separator');
      f.commentEnd = kp.end;
      return undefined;
    }
    if (kp.anchor) this.giveUp('anchor on a key');
    if (key && (key.type === 'block-seq' || ('indent' in key && key.indent !== bm.indent))) this.giveUp('key indentation');
    const k = this.key(key);
    if (containsNewline(key as CST.FlowScalar)) this.giveUp('multi-line key');
    const vp = this.props(sep, false, 'map-value-ind', value, this.r2, false);
    f.offset = vp.end;
    if (!vp.found) this.giveUp('key without colon');
    if (value?.type === 'block-map' && !vp.hasNewline) this.giveUp('mapping on the line of its key');
    if (kp.start < vp.found.offset - 1024) this.giveUp('key over 1024 characters');
    return { key: k.key, span: k.span, value: vp };
  }

  /** What a list item holds before its value; undefined for a line of comments. */
  private seqHead(f: Frame, item: CST.BlockSequence['items'][number], value: CST.Token | undefined): Props | undefined {
    const p = this.props(item.start, false, 'seq-item-ind', value, f.offset, true);
    if (!p.found) {
      if (p.anchor || value) this.giveUp('list item without -');
      f.commentEnd = p.end;
      return undefined;
    }
    return p;
  }

  /** What was read of the pending item before its value, now that the value is there. */
  private resume(f: Frame, value: CST.Token | undefined): Props | MapHead {
    const { head, child } = f.pending!;
    f.pending = undefined;
    if (value !== child) this.giveUp('value not the one the parser was building');
    return head;
  }

  /** Takes in the first `count` items of a block mapping. */
  private mapItems(bm: CST.BlockMap, f: MapFrame, count: number, depth: number): void {
    for (let i = 0; i < count; i++) {
      const item = bm.items[i]!;
      const head = f.pending?.item === item ? (this.resume(f, item.value) as MapHead) : this.mapHead(bm, f, item, item.value);
      if (!head) continue;
      const { value, sep } = item;
      const v = value ? this.node(value, head.value, depth + 1) : this.empty(f.offset, sep, head.value);
      f.offset = this.r2;
      this.pair(f.node, head.key, head.span, v, value, f);
    }
  }

  private finishMap(bm: CST.BlockMap, f: MapFrame, depth: number): ObjectNode {
    this.mapItems(bm, f, bm.items.length, depth);
    const { node, offset, commentEnd } = f;
    if (commentEnd > 0 && commentEnd < offset) this.giveUp('comment before the end of a mapping');
    if (f.merges) this.applyMerges(node, f.merges);
    node.end = visibleEnd(this.text, bm.offset, offset);
    this.r2 = commentEnd !== -1 ? commentEnd : offset;
    return node;
  }

  /** Takes in the first `count` items of a block sequence. */
  private seqItems(bs: CST.BlockSequence, f: SeqFrame, count: number, depth: number): void {
    for (let i = 0; i < count; i++) {
      const item = bs.items[i]!;
      const p = f.pending?.item === item ? (this.resume(f, item.value) as Props) : this.seqHead(f, item, item.value);
      if (!p) continue;
      const { value } = item;
      const v = value ? this.node(value, p, depth + 1) : this.empty(p.end, item.start, p);
      f.offset = this.r2;
      if (value?.type === 'alias') (f.aliasSpans ??= [])[f.items.length] = this.aliasSpan(value);
      f.items.push(v);
    }
  }

  private finishSeq(bs: CST.BlockSequence, f: SeqFrame, depth: number): Node {
    this.seqItems(bs, f, bs.items.length, depth);
    const { offset, commentEnd } = f;
    const node: ArrayNode = { kind: 'array', start: bs.offset, end: visibleEnd(this.text, bs.offset, offset), items: f.items };
    if (f.aliasSpans) node.aliasSpans = f.aliasSpans;
    this.r2 = commentEnd !== -1 ? commentEnd : offset;
    return node;
  }

  private flow(fc: CST.FlowCollection, depth: number): Node {
    const isMap = fc.start.source === '{';
    const map: ObjectNode | undefined = isMap ? { kind: 'object', start: fc.offset, end: 0, entries: [], byKey: new Map() } : undefined;
    const merging: { merges: MergeSource[] | undefined } = { merges: undefined };
    const items: Node[] = [];
    let aliasSpans: Span[] | undefined;
    let offset = fc.offset + fc.start.source.length;
    const n = fc.items.length;
    for (let i = 0; i < n; i++) {
      const { start, key, sep, value } = fc.items[i]!;
      const p = this.props(start, true, 'explicit-key-ind', key ?? sep?.[0], offset, false);
      if (p.found) this.giveUp('explicit key');
      if (!p.anchor && !sep && !value) {
        // Nothing but commas, spaces and comments: fine after the last item (a trailing comma), not elsewhere.
        if ((i === 0 && p.comma) || i < n - 1) this.giveUp('empty item in a flow collection');
        offset = p.end;
        continue;
      }
      if (i === 0 ? p.comma : !p.comma) this.giveUp('comma');
      if (value && (value.type === 'block-map' || value.type === 'block-seq')) this.giveUp('block collection in a flow collection');
      if (!map) {
        if (sep || key !== undefined) this.giveUp('pair in a flow sequence');
        const v = value ? this.node(value, p, depth + 1) : this.empty(p.end, undefined, p);
        offset = this.r2;
        if (value?.type === 'alias') (aliasSpans ??= [])[items.length] = this.aliasSpan(value);
        items.push(v);
        continue;
      }
      if (p.anchor) this.giveUp('anchor on a key');
      const k = this.key(key);
      const vp = this.props(sep ?? [], true, 'map-value-ind', value, this.r2, false);
      if (!vp.found && value) this.giveUp('value without colon');
      let v: Node | undefined;
      if (value) v = this.node(value, vp, depth + 1);
      else if (vp.found) v = this.empty(vp.end, sep, vp);
      offset = v ? this.r2 : vp.end;
      // `{<<}` merges nothing; a key without a value is null.
      if (v || k.key !== MERGE) this.pair(map, k.key, k.span, v ?? { kind: 'null', start: k.span.end, end: k.span.end, value: null }, value, merging);
    }
    const close = fc.end[0];
    if (!close || close.source !== (isMap ? '}' : ']')) this.giveUp('flow collection not closed');
    const closeEnd = close.offset + close.source.length;
    this.r2 = endOffset(fc.end, closeEnd, true, 1);
    const span = this.span(fc.offset, closeEnd);
    if (map) {
      if (merging.merges) this.applyMerges(map, merging.merges);
      map.end = span.end;
      return map;
    }
    const node: ArrayNode = { kind: 'array', start: span.start, end: span.end, items };
    if (aliasSpans) node.aliasSpans = aliasSpans;
    return node;
  }
}
