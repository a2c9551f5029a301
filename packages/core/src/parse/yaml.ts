import { Alias, Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, Parser, visit, type CST, type Document, type Node as YNode } from 'yaml';
import type { Entry, Node, ObjectNode } from '../model.js';
import type { SourceText, Span } from '../text.js';
import type { ParseLimits, ParseProblem } from './problems.js';
import { yamlMessage } from './yaml-messages.js';
import { buildFromCst, CstBuilder, documentEndOffset } from './yaml-cst.js';
import { ModelBuilder, type MergeSource } from './yaml-model.js';

/**
 * One YAML document's tree and span. The caller wraps it in a ClusterDocument: this module is loaded on demand (and
 * bundled on its own), so it depends on nothing in core at run time but the pure helpers in problems.ts.
 */
export interface RawDocument {
  root: Node | undefined;
  span: Span;
}

type Parsed = { documents: RawDocument[]; problems: ParseProblem[] };

export interface YamlParseOptions {
  /** Hears why a document, or the whole stream, was composed by the library rather than built from the syntax tree. */
  onComposed?: (reason: string) => void;
  /** Take finished parts of a document out of the syntax tree every this many tokens while it is parsed (0: never; default 1,024). */
  consumeEvery?: number;
  /** Finished items a collection holds before they are taken out (default 16). */
  batch?: number;
}

/**
 * Parse a YAML stream: YAML 1.2 core schema (so `yes` stays a string), every `---` document on its own, anchors and
 * aliases resolved, `<<` merge keys applied, with a cap on how far aliases may expand.
 *
 * Each document's model is built straight from the parser's syntax tree (see yaml-cst.ts), bit by bit while the
 * parser goes, so that a document is never held whole as a syntax tree (a large spec would take several times its
 * model's memory, and holding it costs the garbage collector more than building the model). A document the builder
 * leaves alone (a syntax error, a tag, …) is composed by the yaml library and converted (see {@link composeYaml}),
 * from a second parse when parts of it were taken out of its syntax tree already. A stream with directives (`%YAML`,
 * `%TAG`) or errors between documents is composed whole. Either way the model and problems are the same.
 */
export function parseYaml(source: SourceText, limits: ParseLimits, options: YamlParseOptions = {}): Parsed {
  const text = source.text;
  const { onComposed } = options;
  const documents: RawDocument[] = [];
  const problems: ParseProblem[] = [];
  /** The last document, when it is to be composed: its index and syntax tree (unless damaged), and its `...` line. */
  let pending: { index: number; token: CST.Document | undefined; end?: CST.DocumentEnd } | undefined;
  let last: RawDocument | undefined;
  let endedBy: CST.DocumentEnd | undefined;
  let index = -1;
  /** A second parse of the text, for the syntax trees of damaged documents (in order, so one parse serves them all). */
  let replay: { tokens: Iterator<CST.Token>; index: number } | undefined;
  const replayed = (i: number): CST.Document => {
    replay ??= { tokens: new Parser().parse(text)[Symbol.iterator](), index: -1 };
    for (;;) {
      const next = replay.tokens.next();
      if (next.done) throw new Error('the second parse of a YAML text found fewer documents');
      if (next.value.type === 'document' && ++replay.index === i) return next.value;
    }
  };
  const composePending = (): boolean => {
    if (!pending) return true;
    const { index: i, token, end } = pending;
    pending = undefined;
    const doc = token ?? replayed(i);
    const r = composeYaml(end ? [doc, end] : [doc], text, limits);
    if (r.documents.length === 0) return false; // the composer ran out of stack: the whole file is reported as one problem
    documents.push(...r.documents);
    problems.push(...r.problems);
    return true;
  };
  const whole = (reason: string): Parsed => {
    onComposed?.(reason);
    return composeYaml(new Parser().parse(text), text, limits);
  };
  const every = options.consumeEvery ?? 1024;
  const started = every > 0 ? new StartedDocuments(text, limits, options.batch) : undefined;
  for (const token of parse(text, every, started)) {
    switch (token.type) {
      case 'document': {
        if (!composePending()) return whole('stack');
        index++;
        const built = buildFromCst(token, text, limits, started?.take(token));
        endedBy = undefined;
        if (built.document) {
          last = built.document;
          documents.push(last);
          for (const p of built.problems) problems.push(p);
        } else {
          onComposed?.(built.reason);
          last = undefined;
          pending = { index, token: built.damaged ? undefined : token };
        }
        break;
      }
      case 'doc-end': {
        // A `...` line ends the document before it, and its comments count as that document's.
        if (endedBy || (!last && !pending)) return whole('document end');
        endedBy = token;
        if (pending) pending.end = token;
        else {
          const end = documentEndOffset(token);
          if (end === undefined) return whole('document end');
          last!.span.end = end;
        }
        break;
      }
      case 'space':
      case 'comment':
      case 'newline':
      case 'byte-order-mark':
        break;
      default:
        // Directives (which change how later documents read) and errors between documents.
        return whole(token.type);
    }
  }
  if (!composePending()) return whole('stack');
  return { documents, problems };
}

/** The parser's tokens (what `Parser.parse` gives); with `every`, `started` takes in finished parts of the document being parsed every so many tokens. */
function* parse(text: string, every: number, started: StartedDocuments | undefined): Generator<CST.Token> {
  const parser = new Parser();
  let n = 0;
  for (const lexeme of new Lexer().lex(text)) {
    yield* parser.next(lexeme);
    if (started && ++n === every) {
      n = 0;
      started.consume(parser.stack);
    }
  }
  yield* parser.end();
}

/** The builder of the document the parser is in, which takes in its finished parts as the parser goes. */
class StartedDocuments {
  private doc: CST.Token | undefined;
  private builder: CstBuilder | undefined;

  constructor(
    private readonly text: string,
    private readonly limits: ParseLimits,
    private readonly batch: number | undefined,
  ) {}

  consume(stack: readonly CST.Token[]): void {
    const doc = stack[0];
    if (doc?.type !== 'document') return;
    if (doc !== this.doc) {
      this.doc = doc;
      this.builder = new CstBuilder(this.text, this.limits, []);
    }
    this.builder!.consume(stack, this.batch);
  }

  /** The builder started on `doc`, if any. */
  take(doc: CST.Document): CstBuilder | undefined {
    if (doc !== this.doc) return undefined;
    const b = this.builder;
    this.doc = this.builder = undefined;
    return b;
  }
}

/**
 * The model of a YAML stream (or of some of its documents) through the yaml library's composer: its `Document`s with
 * their errors, converted to our model.
 */
export function composeYaml(tokens: Iterable<CST.Token>, text: string, limits: ParseLimits): Parsed {
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
    for (const token of tokens) {
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

/** Our model of a document the yaml library composed (with its own node classes). */
class Builder extends ModelBuilder {
  private readonly memo = new Map<YNode, Node>();
  private readonly inProgress = new Set<YNode>();
  /** What each alias of the document refers to (see {@link target}). */
  private targets: Map<Alias, YNode | undefined> | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    text: string,
    limits: ParseLimits,
    problems: ParseProblem[],
  ) {
    super(text, limits, problems);
  }

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

  private spanOf(y: YNode): Span {
    const r = y.range;
    return r ? this.span(r[0], r[1]) : { start: 0, end: 0 };
  }

  private convertFresh(y: YNode, depth: number): Node {
    const { start, end } = this.spanOf(y);
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
        if (isAlias(item)) (out.aliasSpans ??= [])[i] = this.spanOf(item as YNode);
      });
      return out;
    }
    if (isMap(y)) {
      this.inProgress.add(y);
      const node: ObjectNode = { kind: 'object', start, end, entries: [], byKey: new Map() };
      const mergeSources: MergeSource[] = [];
      for (const pair of y.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YNode | null;
        if (isScalar(k) && typeof k.value === 'symbol') {
          // `<<: *anchor` or `<<: [*a, *b]`: collect the sources, applied after the explicit keys.
          if (pair.value) ModelBuilder.mergeSources(this.convert(pair.value as YNode, depth + 1), this.spanOf(k), mergeSources);
          continue;
        }
        const keySpan = k ? this.spanOf(k) : { start: this.spanOf(pair.value as YNode).start, end: this.spanOf(pair.value as YNode).start };
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
        if (isAlias(pair.value)) entry.aliasSpan = this.spanOf(pair.value as YNode);
        this.addEntry(node, entry);
      }
      this.applyMerges(node, mergeSources);
      this.inProgress.delete(y);
      return node;
    }
    return { kind: 'invalid', start, end };
  }

  private alias(a: Alias, depth: number): Node {
    const at = this.spanOf(a);
    const target = this.target(a);
    if (!target) return this.unresolvedAlias(at);
    if (this.inProgress.has(target)) return this.recursiveAlias(at);
    return this.expandAlias(this.convert(target, depth), depth, at);
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
}

export class TooDeep extends Error {}
