import type { Entry, Node, ObjectNode } from '../model.js';
import type { Span } from '../text.js';
import { duplicateKey, type ParseLimits, type ParseProblem } from './problems.js';
import { yamlMessage } from './yaml-messages.js';

/** A mapping merged in through a `<<` key, with the span of the `<<` key that merges it (where the document uses it). */
export interface MergeSource {
  node: Node;
  use: Span;
}

const WHITESPACE = /\s/;

/** `end` moved back over trailing whitespace (not before `start`): block collections end after their last line break. */
export function visibleEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if ((c > 32 && c < 127) || !WHITESPACE.test(text[end - 1]!)) break;
    end--;
  }
  return end;
}

/**
 * What building acklint's model of one YAML document takes besides reading the syntax: mapping entries with their
 * duplicate-key problems, `<<` merges, and the checks on each alias (unresolved, recursive, too deep once expanded,
 * the cap on expanded nodes). Both builders (from the yaml library's composed nodes, and from its syntax tree) share
 * it, so the two give the same model and the same problems.
 */
export abstract class ModelBuilder {
  private readonly sizes = new Map<Node, { size: number; height: number }>();
  private expanded = 0;
  private aliasLimitHit = false;

  constructor(
    protected readonly text: string,
    protected readonly limits: ParseLimits,
    readonly problems: ParseProblem[],
  ) {}

  /** The span of a node that the parser places at `[start, end)`: up to its last visible character. */
  protected span(start: number, end: number): Span {
    return { start, end: visibleEnd(this.text, start, end) };
  }

  protected unresolvedAlias(at: Span): Node {
    this.problems.push({ code: 'syntax', start: at.start, end: at.end, message: yamlMessage('BAD_ALIAS', 'Unresolved alias') });
    return { kind: 'invalid', start: at.start, end: at.end };
  }

  protected recursiveAlias(at: Span): Node {
    this.problems.push({ code: 'syntax', start: at.start, end: at.end, message: 'This alias refers to a node that contains it; recursive aliases are not supported.' });
    return { kind: 'invalid', start: at.start, end: at.end };
  }

  /**
   * The anchored node an alias at `at` (nested `depth` levels deep) stands for, or an invalid node when expanding it
   * would pass a limit.
   */
  protected expandAlias(node: Node, depth: number, at: Span): Node {
    const { start, end } = at;
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

  /** Adds an entry written in the mapping (duplicates are kept in `entries`; the last one wins in `byKey`). */
  protected addEntry(node: ObjectNode, entry: Entry): void {
    const previous = node.byKey.get(entry.key);
    if (previous) this.problems.push(duplicateKey(entry.key, entry.keySpan, previous.keySpan));
    node.entries.push(entry);
    node.byKey.set(entry.key, entry);
  }

  /** The sources of a `<<` key whose value is `value`: the mapping itself, or each item of a list. */
  protected static mergeSources(value: Node, use: Span, into: MergeSource[]): void {
    if (value.kind === 'array') for (const item of value.items) into.push({ node: item, use });
    else into.push({ node: value, use });
  }

  /** Applies `<<` merges after the explicit keys: explicit keys, and earlier merge sources, win. */
  protected applyMerges(node: ObjectNode, sources: readonly MergeSource[]): void {
    for (const { node: src, use } of sources) {
      if (src.kind !== 'object') {
        this.problems.push({ code: 'syntax', start: src.start, end: src.end, message: 'A "<<" merge key takes a mapping (or a list of mappings) to merge.' });
        continue;
      }
      for (const e of src.entries) {
        if (node.byKey.has(e.key)) continue;
        const merged: Entry = { ...e, merged: true, mergeSpan: use };
        node.entries.push(merged);
        node.byKey.set(e.key, merged);
      }
    }
  }

  /**
   * Nodes a subtree stands for once every alias inside it is expanded, and its height in collections (a scalar is 0,
   * a list of scalars 1). Memoised, so shared subtrees cost once; the recursion is as deep as the model, which the
   * depth checks keep within maxDepth.
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
