import type { ClusterDocument, SourceFormat } from '../model.js';
import type { SourceText, Span } from '../text.js';
import { plainDocuments, plainRead, readPlainScalarAt, type ParsedDocuments } from './json.js';
import { changedRegion, pathTo, replaceLeaf } from './model-edit.js';
import type { ParseProblem } from './problems.js';

/**
 * The parse of a JSON text that differs from the previous parse's text only inside one scalar value (an editor
 * changing a digit of a number or typing in a string), built from the previous model (see model-edit.ts): the new
 * scalar, new copies of the nodes and values on the way to it, and, when its length changed, of everything after it;
 * everything before it is the previous model's, shared. Undefined when the edit is anything else (then the caller
 * parses the whole text).
 *
 * Equal to a fresh parse, because the plain reader reads the text in one deterministic pass: up to the scalar the two
 * texts are the same; the scalar is read here by the same reader, in the new text, and must end where the edit moved
 * the previous one's end; after it the texts and the reader's state (depth, keys seen) are the same again. So only
 * documents that reader produced qualify, and the key names, brackets, commas and spaces, which decide everything
 * else, are untouched.
 */
export function reparseJsonEdit(
  previous: { source: SourceText; format: SourceFormat; documents: readonly ClusterDocument[] },
  source: SourceText,
  format: 'json' | 'jsonc',
): ParsedDocuments | undefined {
  const doc = previous.documents[0];
  if (previous.format !== format || previous.documents.length !== 1 || !doc?.root) return undefined;
  const duplicates = plainRead(doc);
  if (!duplicates || previous.source.hadBom !== source.hadBom) return undefined;
  const edit = changedRegion(previous.source.text, source.text);
  if (!edit) return undefined;
  const { from, to, delta } = edit;
  const path = pathTo(doc.root, doc.value, from, to);
  if (!path || path.steps.length === 0) return undefined;
  const { steps, leaf } = path;
  if (leaf.kind === 'object' || leaf.kind === 'array' || leaf.kind === 'invalid') return undefined;
  const read = readPlainScalarAt(source.text, leaf.start);
  if (!read || read.node.end !== leaf.end + delta) return undefined;
  const { root, value } = replaceLeaf(steps, read.node, read.value, delta);
  // Neither scalar holds a line break (the plain reader reads none in a string), so the lines are where they were.
  source.shareLinesOf(previous.source, from, delta);
  return plainDocuments(source, format, root, value, delta === 0 ? [...duplicates] : duplicates.map((p) => movedProblem(p, to, delta)));
}

/** A duplicate-key problem of the previous text in the new one: its spans after the edit moved by `delta`. */
function movedProblem(p: ParseProblem, after: number, delta: number): ParseProblem {
  const at = (s: Span): Span => (s.start >= after ? { start: s.start + delta, end: s.end + delta } : s);
  const out: ParseProblem = { ...p, ...at(p) };
  if (p.related) out.related = p.related.map((r) => ({ ...r, span: at(r.span) }));
  return out;
}
