import { ClusterDocument, type SourceFormat } from '../model.js';
import type { SourceText } from '../text.js';
import type { ParsedDocuments } from './json.js';
import { changedRegion, pathTo, replaceLeaf } from './model-edit.js';
import type { ParseProblem } from './problems.js';
import { resolveCorePlain, scalarNode } from './yaml-scalar.js';

/** An anchor (so perhaps aliases sharing a node between places) or a merge key anywhere in the text. */
const ANCHOR_OR_MERGE = /&|<</;

/**
 * What a one-line plain scalar in a block collection may be, read back as that scalar alone: it starts with a
 * character that starts nothing else (not an indicator, a quote, a comment or a space; `-` only before another such
 * character), holds no control character, line break, tab, byte-order mark or lone surrogate, and neither
 * `: ` (a mapping), ` #` (a comment), nor a trailing `:` or white space (which the parser leaves out of the scalar).
 */
const PLAIN = /^(?:[A-Za-z0-9_./+~$(=^\\]|-[A-Za-z0-9_./+~$(=^\\])(?:[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*[^\s:\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff])?$/;
const PLAIN_FORBIDDEN = /: | #/;
/** The inside of a one-line quoted scalar without escapes: its text is its value. */
const DOUBLE_QUOTED_INSIDE = /^[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*$/;
const SINGLE_QUOTED_INSIDE = /^[^'\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*$/;

/**
 * The parse of a YAML text that differs from the previous parse's text only inside one scalar value (an editor
 * changing a digit or typing a letter), built from the previous model (see model-edit.ts). Undefined when the edit is
 * anything else, or the previous parse is not one this can start from (then the caller parses the whole text).
 *
 * Equal to a fresh parse, because only an edit that cannot change how anything but the scalar reads qualifies:
 * - the previous file is one document without a problem (so no duplicate keys, unresolved aliases, …), without anchors
 *   or merge keys (so no node stands in two places);
 * - the scalar is a value on a line of a block collection, right after its `key: ` or `- ` (no tag or anchor of its
 *   own), a plain scalar on one line or a quoted one without escapes, and so it is again after the edit, as
 *   {@link PLAIN} and the quoted patterns check: a text the parser reads as one scalar that ends where it ends, under
 *   the same rules as before, whatever follows it on the line (unchanged: the edit is inside the scalar) and on the
 *   lines after it (what continues a scalar, or ends a collection, depends on their indentation, also unchanged);
 * - its value is what the core schema reads in the new text (the same function the parser uses).
 */
export function reparseYamlEdit(
  previous: { source: SourceText; format: SourceFormat; documents: readonly ClusterDocument[]; problems: readonly ParseProblem[]; yamlChunks?: unknown },
  source: SourceText,
): ParsedDocuments | undefined {
  const doc = previous.documents[0];
  if (previous.format !== 'yaml' || previous.documents.length !== 1 || previous.problems.length > 0 || previous.yamlChunks || !doc?.root || doc.basePath.length > 0) {
    return undefined;
  }
  if (previous.source.hadBom !== source.hadBom) return undefined;
  const before = previous.source.text;
  const edit = changedRegion(before, source.text);
  if (!edit) return undefined;
  const { from, to, delta } = edit;
  const path = pathTo(doc.root, doc.value, from, to);
  if (!path || path.steps.length === 0) return undefined;
  const { steps, leaf } = path;
  if (leaf.kind === 'object' || leaf.kind === 'array' || leaf.kind === 'invalid' || leaf.start === leaf.end) return undefined;
  // A flow collection (`{` or `[` where it starts) reads `,[]{}` as indicators: block collections only.
  for (const step of steps) {
    const c = before.charCodeAt(step.node.start);
    if (c === 123 || c === 91) return undefined;
  }
  if (!afterIndicator(before, leaf.start) || ANCHOR_OR_MERGE.test(before)) return undefined;
  const end = leaf.end + delta;
  const text = source.text.slice(leaf.start, end);
  let value: string | number | boolean | null;
  if (leaf.plain) {
    if (!PLAIN.test(text) || PLAIN_FORBIDDEN.test(text) || /[\n\r]/.test(before.slice(leaf.start, leaf.end))) return undefined;
    value = resolveCorePlain(text);
  } else {
    // Quoted: the edit inside the quotes, the quotes where they were.
    const quote = before[leaf.start];
    const inside = quote === '"' ? DOUBLE_QUOTED_INSIDE : quote === "'" ? SINGLE_QUOTED_INSIDE : undefined;
    if (!inside || from <= leaf.start || to >= leaf.end || before[leaf.end - 1] !== quote || text[text.length - 1] !== quote) return undefined;
    const inner = text.slice(1, -1);
    if (!inside.test(inner)) return undefined;
    value = inner;
  }
  const node = scalarNode(value, leaf.start, end, leaf.plain === true);
  const { root, value: docValue } = replaceLeaf(steps, node, value, delta);
  // No line break was added or removed: the lines after the edit moved by `delta` characters.
  source.shareLinesOf(previous.source, from, delta);
  const span = { start: doc.span.start, end: doc.span.end + delta };
  return { documents: [new ClusterDocument(source, 'yaml', 0, root, span, { value: docValue })], problems: [] };
}

/** `start` follows a `key:` or a list item's `-` and one or more spaces, on the same line. */
function afterIndicator(text: string, start: number): boolean {
  let i = start - 1;
  if (text.charCodeAt(i) !== 32) return false;
  while (text.charCodeAt(i) === 32) i--;
  const c = text.charCodeAt(i);
  return c === 58 || c === 45;
}
