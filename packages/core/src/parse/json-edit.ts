import { PlainObject, type ArrayNode, type ClusterDocument, type Entry, type JsonObject, type JsonValue, type Node, type ObjectNode, type SourceFormat } from '../model.js';
import type { SourceText } from '../text.js';
import { plainDocuments, plainRead, readPlainScalarAt, type ParsedDocuments } from './json.js';

/**
 * The parse of a JSON text that differs from the previous parse's text only inside one scalar value, by characters
 * replaced one for one (an editor changing a digit of a number or a letter of a string), built from the previous
 * model: the new scalar, and new copies of the nodes and values on the way to it; every other node and value is the
 * previous one, shared. Undefined when the edit is anything else (then the caller parses the whole text).
 *
 * Equal to a fresh parse, because the plain reader reads the text in one deterministic pass: up to the scalar the two
 * texts are the same; the scalar is read here by the same reader, in the new text, and must end where the previous
 * one did; after it the texts and the reader's state (depth, keys seen) are the same again. So only documents that
 * reader produced qualify, and the key names, brackets, commas and spaces, which decide everything else, are
 * untouched.
 */
export function reparseJsonEdit(
  previous: { source: SourceText; format: SourceFormat; documents: readonly ClusterDocument[] },
  source: SourceText,
  format: 'json' | 'jsonc',
): ParsedDocuments | undefined {
  const doc = previous.documents[0];
  if (previous.format !== format || previous.documents.length !== 1 || !doc?.root) return undefined;
  const duplicates = plainRead(doc);
  if (!duplicates) return undefined;
  const before = previous.source.text;
  const text = source.text;
  if (before.length !== text.length || before === text || previous.source.hadBom !== source.hadBom) return undefined;
  const from = commonPrefix(before, text);
  const to = text.length - commonSuffix(before, text, from);

  // The containers on the way to the scalar the changed characters are in, with the step taken in each.
  const steps: Array<{ node: ObjectNode; value: JsonObject; at: number } | { node: ArrayNode; value: JsonValue[]; at: number }> = [];
  let node: Node = doc.root;
  let value: JsonValue | undefined = doc.value;
  for (;;) {
    if (node.kind === 'object') {
      const at = around(node.entries, (e) => e.value, from, to);
      const entry = node.entries[at];
      // A key that another entry of the same name overrides is not in the value: not worth the cases.
      if (!entry || node.byKey.get(entry.key) !== entry) return undefined;
      steps.push({ node, value: value as JsonObject, at });
      node = entry.value;
      value = (value as JsonObject)[entry.key];
    } else if (node.kind === 'array') {
      const at = around(node.items, (n) => n, from, to);
      if (at < 0) return undefined;
      steps.push({ node, value: value as JsonValue[], at });
      node = node.items[at]!;
      value = (value as JsonValue[])[at];
    } else break;
  }
  if (steps.length === 0 || node.kind === 'invalid') return undefined;
  const read = readPlainScalarAt(text, node.start);
  if (!read || read.node.end !== node.end) return undefined;

  // New nodes and values from the scalar up to the root, each a copy of the previous one with one child replaced.
  let newNode = read.node;
  let newValue = read.value;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (step.node.kind === 'object') {
      const { node: old, value: oldValue, at } = step as { node: ObjectNode; value: JsonObject; at: number };
      const was = old.entries[at]!;
      const entry: Entry = { key: was.key, keySpan: was.keySpan, value: newNode };
      const entries = old.entries.slice();
      entries[at] = entry;
      const byKey = new Map(old.byKey);
      byKey.set(entry.key, entry);
      const object: ObjectNode = { kind: 'object', start: old.start, end: old.end, entries, byKey };
      const copy = new PlainObject();
      for (const key in oldValue) copy[key] = oldValue[key]!;
      copy[entry.key] = newValue;
      newNode = object;
      newValue = copy;
    } else {
      const { node: old, value: oldValue, at } = step as { node: ArrayNode; value: JsonValue[]; at: number };
      const items = old.items.slice();
      items[at] = newNode;
      const array: ArrayNode = { kind: 'array', start: old.start, end: old.end, items };
      const copy = oldValue.slice();
      copy[at] = newValue;
      newNode = array;
      newValue = copy;
    }
  }
  // Neither scalar holds a line break (the plain reader reads none in a string), so the lines are where they were.
  source.shareLinesOf(previous.source);
  return plainDocuments(source, format, newNode, newValue, [...duplicates]);
}

/** The index of the child whose span holds `[from, to)` (children in text order), or -1. */
function around<T>(children: readonly T[], nodeOf: (child: T) => Node, from: number, to: number): number {
  let lo = 0;
  let hi = children.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = nodeOf(children[mid]!);
    if (n.end <= from) lo = mid + 1;
    else if (n.start > from) hi = mid - 1;
    else return to <= n.end ? mid : -1;
  }
  return -1;
}

/** How many characters `a` and `b` (of equal length) have in common at the start; string comparisons, not a loop. */
function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many characters `a` and `b` (of equal length) have in common at the end, not counting the first `prefix`. */
function commonSuffix(a: string, b: string, prefix: number): number {
  let lo = 0;
  let hi = a.length - prefix;
  const n = a.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(n - mid, n - lo) === b.slice(n - mid, n - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
