import { Alias, Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, visit, type CST, type Document, type Node as YNode } from 'yaml';
import type { Entry, Node, ObjectNode } from '../model.js';
import type { SourceText, Span } from '../text.js';
import { duplicateKey, type ParseLimits, type ParseProblem } from './problems.js';
import { yamlMessage } from './yaml-messages.js';

/**
 * One YAML document's tree and span. The caller wraps it in a ClusterDocument: this module is loaded on demand (and
 * bundled on its own), so it depends on nothing in core at run time but the pure helpers in problems.ts.
 */
export interface RawDocument {
  root: Node | undefined;
  span: Span;
}

/**
 * Parse a YAML stream: YAML 1.2 core schema (so `yes` stays a string), every `---` document on its own, anchors and
 * aliases resolved, `<<` merge keys applied, with a cap on how far aliases may expand.
 */
export function parseYaml(source: SourceText, limits: ParseLimits): { documents: RawDocument[]; problems: ParseProblem[] } {
  const text = source.text;
  const problems: ParseProblem[] = [];
  const docs: Document.Parsed[] = [];
  /** Documents whose syntax tree is nested past the limit: index → offset of the first node too deep. */
  const tooDeep = new Map<number, number>();
  try {
    // What parseAllDocuments does, with one step between parsing and composing: the parser is iterative, but the
    // composer recurses once per nesting level, and near the end of the stack V8 can abort the whole process (a
    // fatal out-of-memory in the RegExp compiler) instead of throwing a RangeError. A document nested too deeply
    // is therefore measured on its syntax tree and composed empty.
    const composer = new Composer({ version: '1.2', schema: 'core', merge: true, uniqueKeys: false, keepSourceTokens: false });
    let index = 0;
    for (const token of new Parser().parse(text)) {
      if (token.type === 'document') {
        const at = excessiveDepth(token, limits.maxDepth);
        if (at !== undefined) {
          tooDeep.set(index, at);
          delete token.value;
        }
        index++;
      }
      for (const doc of composer.next(token)) docs.push(doc as Document.Parsed);
    }
    for (const doc of composer.end()) docs.push(doc as Document.Parsed);
  } catch (err) {
    if (err instanceof RangeError) {
      problems.push({ code: 'too-deep', start: 0, end: 0, message: 'The YAML is nested too deeply to analyse; the file was not analysed.' });
      return { documents: [], problems };
    }
    throw err;
  }

  const documents: RawDocument[] = [];
  docs.forEach((doc, index) => {
    const deep = tooDeep.get(index);
    if (deep !== undefined) {
      problems.push({
        code: 'too-deep',
        start: deep,
        end: deep + 1,
        message: `Mappings and sequences are nested more than ${limits.maxDepth} levels deep here; the document was not analysed.`,
      });
    }
    for (const e of doc.errors) {
      const [s, en] = e.pos;
      problems.push({ code: 'syntax', start: s, end: Math.max(s, en), message: yamlMessage(e.code, e.message) });
    }
    const builder = new Builder(doc, text, limits, problems);
    let root: Node | undefined;
    try {
      root = doc.contents && deep === undefined ? builder.convert(doc.contents as YNode, 0) : undefined;
    } catch (err) {
      if (!(err instanceof TooDeep) && !(err instanceof RangeError)) throw err;
      if (err instanceof RangeError) {
        problems.push({ code: 'too-deep', start: 0, end: 0, message: 'The YAML is nested too deeply to analyse; the document was not analysed.' });
      }
      root = undefined;
    }
    const [ds, , de] = doc.range;
    documents.push({ root, span: { start: ds, end: de } });
  });
  return { documents, problems };
}

/**
 * Offset of the first collection nested more than `max` levels deep in a CST document (the root collection is depth
 * 0, as in {@link Builder.convert}), or undefined. Iterative, so any depth is safe to measure.
 */
function excessiveDepth(doc: CST.Document, max: number): number | undefined {
  let first: number | undefined;
  const stack: Array<[CST.Token | null | undefined, number]> = [[doc.value, 0]];
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= max) {
        if (first === undefined || token.offset < first) first = token.offset;
        continue;
      }
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return first;
}

class Builder {
  private readonly memo = new Map<YNode, Node>();
  private readonly sizes = new Map<Node, { size: number; height: number }>();
  private readonly inProgress = new Set<YNode>();
  private expanded = 0;
  private aliasLimitHit = false;
  /** What each alias of the document refers to (see {@link target}). */
  private targets: Map<Alias, YNode | undefined> | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly limits: ParseLimits,
    private readonly problems: ParseProblem[],
  ) {}

  convert(y: YNode, depth: number): Node {
    if (isAlias(y)) return this.alias(y, depth);
    const memo = this.memo.get(y);
    if (memo) return memo;
    // The root collection is depth 0, so a collection at depth maxDepth is the (maxDepth + 1)-th level: the same
    // count as the JSON parser, where 256 nested arrays pass and 257 do not.
    if (depth >= this.limits.maxDepth && (isMap(y) || isSeq(y))) {
      const [s] = y.range ?? [0];
      this.problems.push({
        code: 'too-deep',
        start: s,
        end: s + 1,
        message: `Mappings and sequences are nested more than ${this.limits.maxDepth} levels deep here; the rest was not analysed.`,
      });
      throw new TooDeep();
    }
    const out = this.convertFresh(y, depth);
    this.memo.set(y, out);
    return out;
  }

  private span(y: YNode): Span {
    const r = y.range;
    if (!r) return { start: 0, end: 0 };
    let end = r[1];
    // Block collections end after their last line break; underline up to the last visible character.
    while (end > r[0] && /\s/.test(this.text[end - 1]!)) end--;
    return { start: r[0], end };
  }

  private convertFresh(y: YNode, depth: number): Node {
    const { start, end } = this.span(y);
    if (isScalar(y)) {
      const v = y.value;
      const plain = y.type === 'PLAIN';
      if (v === null || v === undefined) return { kind: 'null', start, end, value: null, plain };
      if (typeof v === 'string') return { kind: 'string', start, end, value: v, plain };
      if (typeof v === 'number') return { kind: 'number', start, end, value: v, plain };
      if (typeof v === 'bigint') return { kind: 'number', start, end, value: Number(v), plain };
      if (typeof v === 'boolean') return { kind: 'boolean', start, end, value: v, plain };
      return { kind: 'string', start, end, value: String(v), plain };
    }
    if (isSeq(y)) {
      this.inProgress.add(y);
      const items = y.items.map((item) => this.convert(item as YNode, depth + 1));
      this.inProgress.delete(y);
      const out: Node = { kind: 'array', start, end, items };
      y.items.forEach((item, i) => {
        if (isAlias(item)) (out.aliasSpans ??= [])[i] = this.span(item as YNode);
      });
      return out;
    }
    if (isMap(y)) {
      this.inProgress.add(y);
      const node: ObjectNode = { kind: 'object', start, end, entries: [], byKey: new Map() };
      /** Each mapping merged in, with the span of the `<<` key that merges it (where the document uses it). */
      const mergeSources: Array<{ node: Node; use: Span }> = [];
      for (const pair of y.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YNode | null;
        if (isScalar(k) && typeof k.value === 'symbol') {
          // `<<: *anchor` or `<<: [*a, *b]`: collect the sources, applied after the explicit keys.
          if (pair.value) {
            const v = this.convert(pair.value as YNode, depth + 1);
            const use = this.span(k);
            if (v.kind === 'array') for (const item of v.items) mergeSources.push({ node: item, use });
            else mergeSources.push({ node: v, use });
          }
          continue;
        }
        const keySpan = k ? this.span(k) : { start: this.span(pair.value as YNode).start, end: this.span(pair.value as YNode).start };
        let key: string;
        if (k === null || k === undefined) key = '';
        else if (isScalar(k)) key = k.value === null ? 'null' : String(k.value);
        else {
          this.problems.push({ code: 'syntax', ...keySpan, message: 'Only plain scalar keys are supported in a CreateCluster body; this complex key was skipped.' });
          continue;
        }
        const value: Node = pair.value
          ? this.convert(pair.value as YNode, depth + 1)
          : { kind: 'null', start: keySpan.end, end: keySpan.end, value: null };
        const entry: Entry = { key, keySpan, value };
        if (isAlias(pair.value)) entry.aliasSpan = this.span(pair.value as YNode);
        const previous = node.byKey.get(key);
        if (previous) this.problems.push(duplicateKey(key, keySpan, previous.keySpan));
        node.entries.push(entry);
        node.byKey.set(key, entry);
      }
      for (const { node: src, use } of mergeSources) {
        if (src.kind !== 'object') {
          this.problems.push({ code: 'syntax', start: src.start, end: src.end, message: 'A "<<" merge key takes a mapping (or a list of mappings) to merge.' });
          continue;
        }
        for (const e of src.entries) {
          if (node.byKey.has(e.key)) continue; // explicit keys, and earlier merge sources, win
          const merged: Entry = { ...e, merged: true, mergeSpan: use };
          node.entries.push(merged);
          node.byKey.set(e.key, merged);
        }
      }
      this.inProgress.delete(y);
      return node;
    }
    return { kind: 'invalid', start, end };
  }

  private alias(a: Alias, depth: number): Node {
    const { start, end } = this.span(a);
    const target = this.target(a);
    if (!target) {
      this.problems.push({ code: 'syntax', start, end, message: yamlMessage('BAD_ALIAS', 'Unresolved alias') });
      return { kind: 'invalid', start, end };
    }
    if (this.inProgress.has(target)) {
      this.problems.push({ code: 'syntax', start, end, message: 'This alias refers to a node that contains it; recursive aliases are not supported.' });
      return { kind: 'invalid', start, end };
    }
    const node = this.convert(target, depth);
    const { size, height } = this.measure(node);
    // An alias repeats its anchor's subtree where it stands: nested aliases can build a value far deeper than any
    // text nesting (an anchor 200 levels deep holding an alias of another such anchor, and so on). The model stays
    // within maxDepth, so nothing downstream (plain values, rules) meets a deeper value than the limit allows.
    if (depth + height > this.limits.maxDepth) {
      this.problems.push({
        code: 'too-deep',
        start,
        end,
        message: `This alias nests its anchor's value more than ${this.limits.maxDepth} levels deep; it was not expanded.`,
      });
      return { kind: 'invalid', start, end };
    }
    this.expanded += size;
    if (this.expanded > this.limits.maxExpandedNodes) {
      if (!this.aliasLimitHit) {
        this.aliasLimitHit = true;
        this.problems.push({
          code: 'alias-limit',
          start,
          end,
          message: `Aliases expand this document to more than ${this.limits.maxExpandedNodes} nodes (an alias bomb?); aliases from here on were not expanded.`,
        });
      }
      return { kind: 'invalid', start, end };
    }
    return node;
  }

  /**
   * The node an alias refers to: the last node before it, in document order, with that anchor (what `Alias.resolve`
   * finds, but for all aliases in one walk: resolve walks the whole document for each alias, quadratic in a document
   * with many aliases).
   */
  private target(a: Alias): YNode | undefined {
    if (!this.targets) {
      const targets = new Map<Alias, YNode | undefined>();
      const latest = new Map<string, YNode>();
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node)) targets.set(node, latest.get(node.source));
          else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) latest.set(node.anchor, node as YNode);
        },
      });
      this.targets = targets;
    }
    return this.targets.get(a);
  }

  /**
   * Nodes a subtree stands for once every alias inside it is expanded, and its height in collections (a scalar is 0,
   * a list of scalars 1). Memoised, so shared subtrees cost once; the recursion is as deep as the model, which the
   * depth checks above keep within maxDepth.
   */
  private measure(n: Node): { size: number; height: number } {
    const known = this.sizes.get(n);
    if (known !== undefined) return known;
    let size = 1;
    let height = 0;
    const add = (child: Node) => {
      const m = this.measure(child);
      size += m.size;
      height = Math.max(height, m.height + 1);
    };
    if (n.kind === 'object') for (const e of n.entries) add(e.value);
    else if (n.kind === 'array') for (const i of n.items) add(i);
    if (n.kind === 'object' || n.kind === 'array') height = Math.max(height, 1);
    const m = { size: Math.min(size, Number.MAX_SAFE_INTEGER), height };
    this.sizes.set(n, m);
    return m;
  }
}

export class TooDeep extends Error {}
