import { PlainObject, type ArrayNode, type Entry, type JsonObject, type JsonValue, type Node, type ObjectNode } from '../model.js';
import type { Span } from '../text.js';

/**
 * What an editor's re-parse shares between formats when an edit changed the text inside one scalar value only: where
 * the texts differ, the way from the root to the scalar, and the new tree and plain value built from the previous
 * ones (json-edit.ts and yaml-edit.ts decide whether the new scalar reads as one scalar in the same place, and read
 * it). Everything before the scalar is the previous model's, shared; the containers on the way to it are new copies;
 * when the scalar's length changed, everything after it is copied too, every span moved by the difference.
 */

/** Where two texts differ: `[from, to)` of the previous text became `[from, to + delta)` of the new one. */
export interface ChangedRegion {
  from: number;
  to: number;
  delta: number;
}

/** Where `after` differs from `before`, or undefined when they are equal. */
export function changedRegion(before: string, after: string): ChangedRegion | undefined {
  if (before === after) return undefined;
  const from = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, from);
  return { from, to: before.length - suffix, delta: after.length - before.length };
}

/** A container on the way to the edited scalar, with its plain value and the index of the child the way goes through. */
export type Step = { node: ObjectNode; value: JsonObject; at: number } | { node: ArrayNode; value: JsonValue[]; at: number };

/**
 * The containers from `root` down to the innermost node whose span holds `[from, to]` (ends included: a scalar an
 * edit appends to or prepends to holds it), and that node; undefined when the way passes an entry that another one of
 * the same key overrides (not in the value), or a merged entry (spans elsewhere, not in text order).
 */
export function pathTo(root: Node, value: JsonValue | undefined, from: number, to: number): { steps: Step[]; leaf: Node } | undefined {
  const steps: Step[] = [];
  let node = root;
  let v = value;
  for (;;) {
    if (node.kind === 'object') {
      const at = around(node.entries, (e) => e.value, from, to);
      const entry = node.entries[at];
      if (!entry) break;
      if (entry.merged || node.byKey.get(entry.key) !== entry) return undefined;
      steps.push({ node, value: v as JsonObject, at });
      node = entry.value;
      v = (v as JsonObject)[entry.key];
    } else if (node.kind === 'array') {
      const at = around(node.items, (n) => n, from, to);
      if (at < 0) break;
      steps.push({ node, value: v as JsonValue[], at });
      node = node.items[at]!;
      v = (v as JsonValue[])[at];
    } else break;
  }
  return { steps, leaf: node };
}

/**
 * The root and plain value with the node at the end of `steps` replaced by `leaf` (whose value is `leafValue`), every
 * span after it moved by `delta` (the containers on the way hold it: they end `delta` later). The previous tree and
 * value are left as they were.
 */
export function replaceLeaf(steps: readonly Step[], leaf: Node, leafValue: JsonValue, delta: number): { root: Node; value: JsonValue } {
  let newNode = leaf;
  let newValue = leafValue;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.node.kind === 'object') {
      const { node: old, value: oldValue, at } = step as { node: ObjectNode; value: JsonObject; at: number };
      const was = old.entries[at]!;
      const entry: Entry = { ...was, value: newNode };
      const entries = old.entries.slice();
      entries[at] = entry;
      let byKey: Map<string, Entry>;
      if (delta === 0) {
        byKey = new Map(old.byKey);
        byKey.set(entry.key, entry);
      } else {
        for (let j = at + 1; j < entries.length; j++) entries[j] = movedEntry(entries[j]!, delta);
        byKey = byKeyOf(entries);
      }
      const copy = new PlainObject();
      for (const key in oldValue) copy[key] = oldValue[key]!;
      copy[entry.key] = newValue;
      newNode = { kind: 'object', start: old.start, end: old.end + delta, entries, byKey };
      newValue = copy;
    } else {
      const { node: old, value: oldValue, at } = step as { node: ArrayNode; value: JsonValue[]; at: number };
      const items = old.items.slice();
      items[at] = newNode;
      if (delta !== 0) for (let j = at + 1; j < items.length; j++) items[j] = movedTree(items[j]!, delta);
      const array: ArrayNode = { kind: 'array', start: old.start, end: old.end + delta, items };
      if (old.aliasSpans) array.aliasSpans = delta === 0 ? old.aliasSpans : old.aliasSpans.map((s, j) => (j > at ? { start: s.start + delta, end: s.end + delta } : s));
      const copy = oldValue.slice();
      copy[at] = newValue;
      newNode = array;
      newValue = copy;
    }
  }
  return { root: newNode, value: newValue };
}

/** The winner of each key, as the parsers pick it: the last entry written; a merged one only where none is written. */
function byKeyOf(entries: readonly Entry[]): Map<string, Entry> {
  const byKey = new Map<string, Entry>();
  for (const e of entries) if (!e.merged || !byKey.has(e.key)) byKey.set(e.key, e);
  return byKey;
}

function movedEntry(e: Entry, by: number, shared?: Map<Node, Node>): Entry {
  const out: Entry = { ...e, keySpan: { start: e.keySpan.start + by, end: e.keySpan.end + by }, value: movedTree(e.value, by, shared) };
  if (e.mergeSpan) out.mergeSpan = { start: e.mergeSpan.start + by, end: e.mergeSpan.end + by };
  if (e.aliasSpan) out.aliasSpan = { start: e.aliasSpan.start + by, end: e.aliasSpan.end + by };
  return out;
}

/**
 * A copy of a tree with every span moved by `by`, but for a node the parser could not place (at 0, 0), which is at 0
 * in any text. `shared`, for a tree where YAML aliases put one node in several places, maps each node moved so far to
 * its copy, so that it is moved once and stays shared. The recursion is as deep as the tree, which the parsers keep
 * within maxDepth.
 */
export function movedTree(n: Node, by: number, shared?: Map<Node, Node>): Node {
  const known = shared?.get(n);
  if (known) return known;
  const d = n.start === 0 && n.end === 0 ? 0 : by;
  switch (n.kind) {
    case 'object': {
      const out: ObjectNode = { kind: 'object', start: n.start + d, end: n.end + d, entries: [], byKey: new Map() };
      shared?.set(n, out);
      out.entries = n.entries.map((e) => movedEntry(e, by, shared));
      out.byKey = byKeyOf(out.entries);
      return out;
    }
    case 'array': {
      const out: ArrayNode = { kind: 'array', start: n.start + d, end: n.end + d, items: [] };
      shared?.set(n, out);
      out.items = n.items.map((i) => movedTree(i, by, shared));
      if (n.aliasSpans) {
        const spans: Span[] = [];
        n.aliasSpans.forEach((s, i) => (spans[i] = { start: s.start + by, end: s.end + by }));
        out.aliasSpans = spans;
      }
      return out;
    }
    case 'invalid': {
      const out: Node = { kind: 'invalid', start: n.start + d, end: n.end + d };
      shared?.set(n, out);
      return out;
    }
    default: {
      const out: Node =
        n.plain === undefined
          ? { kind: n.kind, start: n.start + d, end: n.end + d, value: n.value }
          : { kind: n.kind, start: n.start + d, end: n.end + d, value: n.value, plain: n.plain };
      shared?.set(n, out);
      return out;
    }
  }
}

/** The index of the child whose span holds `[from, to]` (children in text order, not overlapping), or -1. */
function around<T>(children: readonly T[], nodeOf: (child: T) => Node, from: number, to: number): number {
  // The last child that starts at or before `from`.
  let lo = 0;
  let hi = children.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nodeOf(children[mid]!).start <= from) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && to <= nodeOf(children[found]!).end ? found : -1;
}

/** How many characters `a` and `b` have in common at the start; string comparisons, not a loop. */
function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many characters `a` and `b` have in common at the end, not counting the first `prefix` of either. */
function commonSuffix(a: string, b: string, prefix: number): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length) - prefix;
  const n = a.length;
  const m = b.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(n - mid, n - lo) === b.slice(m - mid, m - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
