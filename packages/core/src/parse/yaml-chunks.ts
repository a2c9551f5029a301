import type { Node } from '../model.js';
import type { Span } from '../text.js';
import { movedTree } from './model-edit.js';
import type { ParseProblem } from './problems.js';
import type { RawDocument } from './yaml.js';

/**
 * A stretch of a YAML stream from one `---` line up to the next, with the documents and problems found in it (offsets
 * in the file it was parsed for). An editor re-lints after every keystroke; in a file of many documents, a keystroke
 * changes one stretch, and only that one is parsed again.
 */
export interface YamlChunk {
  start: number;
  text: string;
  /** Another stretch follows (it was parsed with the `---` line that opens the next one). */
  followed: boolean;
  /** The stretch as first parsed: the same for every later parse that takes it over (at the same or another offset). */
  origin: YamlChunk;
  documents: RawDocument[];
  problems: ParseProblem[];
}

/** Parses a YAML stream (offsets from 0 in `text`). */
export type YamlStreamParser = (text: string) => { documents: RawDocument[]; problems: ParseProblem[] };

/**
 * Where a YAML stream may be cut into stretches that parse on their own: the start of every line that opens a
 * document with `---` (at column 0 and followed by a blank or the line end, which YAML reads as a document marker
 * wherever it stands). Undefined when the stream has fewer than two such stretches, or when a stretch might not parse
 * alone exactly as it does in the stream: directives (`%YAML`, `%TAG` carry over to the next document), document end
 * markers (`...`, after which a document may start without `---`), and line breaks that JavaScript and YAML count
 * differently (a lone CR, U+2028, U+2029) or a byte-order mark inside the text.
 */
export function chunkStarts(text: string): number[] | undefined {
  if (/\r(?!\n)|[\u2028\u2029\ufeff]/.test(text)) return undefined;
  const starts = [0];
  const marker = /^(?:---|\.\.\.|%)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const at = m.index;
    if (m[0] === '%') return undefined;
    const next = text.charCodeAt(at + 3);
    // `---foo` is a plain scalar, not a marker.
    if (!(Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13)) continue;
    if (m[0] === '...') return undefined;
    if (at > 0) starts.push(at);
  }
  return starts.length > 1 ? starts : undefined;
}

/**
 * The stretches of `text` (cut at `starts`), each taken from `previous` when it holds the same text (moved to its new
 * offset), otherwise parsed on its own. A stretch is parsed followed by a `---` line when another one follows it, as
 * in the stream, so that what ends at the next marker (an unclosed flow collection, a block scalar) reads the same.
 * Undefined when a stretch does not end at that marker: the yaml lexer reads on through `---` inside a quoted string
 * that is never closed, so the next stretch is not a document of its own; the caller parses the stream whole.
 */
export function parseChunks(
  text: string,
  starts: readonly number[],
  previous: readonly YamlChunk[] | undefined,
  parse: YamlStreamParser,
): YamlChunk[] | undefined {
  const known = new Map<string, YamlChunk[]>();
  for (const c of previous ?? []) {
    const same = known.get(c.text);
    if (same) same.push(c);
    else known.set(c.text, [c]);
  }
  const chunks: YamlChunk[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const slice = text.slice(start, end);
    const followed = i + 1 < starts.length;
    const same = known.get(slice)?.filter((c) => c.followed === followed);
    // Of several equal stretches, the one at the same offset if there is one (nothing to move), else the first.
    const j = same ? Math.max(0, same.findIndex((c) => c.start === start)) : -1;
    const reused = same && j >= 0 ? same[j] : undefined;
    if (reused) {
      known.get(slice)!.splice(known.get(slice)!.indexOf(reused), 1);
      chunks.push(reused.start === start ? reused : moveChunk(reused, start));
      continue;
    }
    const parsed = parse(followed ? `${slice}---\n` : slice);
    if (followed && !parsed.documents.some((d) => d.span.start === slice.length)) return undefined;
    // Nesting too deep for the parser's stack stops the whole stream, not one stretch of it.
    if (parsed.problems.some((p) => p.code === 'too-deep' && p.start === 0 && p.end === 0)) return undefined;
    const own = { start: 0, text: slice, followed, documents: parsed.documents.filter((d) => d.span.start < slice.length), problems: parsed.problems } as YamlChunk;
    own.origin = own;
    chunks.push(start === 0 ? own : moveChunk(own, start));
  }
  return chunks;
}

/** A chunk at another offset: every span of its documents and problems moved. */
function moveChunk(chunk: YamlChunk, start: number): YamlChunk {
  const by = start - chunk.start;
  const span = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  // Aliases share one node between several places; it is moved once.
  const shared = new Map<Node, Node>();
  return {
    start,
    text: chunk.text,
    followed: chunk.followed,
    origin: chunk.origin,
    documents: chunk.documents.map((d) => ({ root: d.root && movedTree(d.root, by, shared), span: span(d.span) })),
    problems: chunk.problems.map((p) => {
      const moved: ParseProblem = { ...p, start: p.start + by, end: p.end + by };
      if (p.related) moved.related = p.related.map((r) => ({ ...r, span: span(r.span) }));
      return moved;
    }),
  };
}
