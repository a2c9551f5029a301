/**
 * Where the cursor is in a spec, in schema terms: the JSON path under it (for hover) and what may be typed there (for
 * completion). Hover reads the document model; completion reads the text around the cursor as well, because the
 * text being typed is usually not valid yet.
 */
import { getLocation } from 'jsonc-parser';
import type { ClusterDocument, JsonPath, Node, ParsedFile, PathSegment, SourceText, Span } from '@acklint/core';

export interface NodeHit {
  document: ClusterDocument;
  path: JsonPath;
  /** The cursor is on the key of the entry at `path`, or on its value. */
  on: 'key' | 'value';
  node: Node;
  /** The text span of the key or value under the cursor. */
  span: Span;
}

const within = (s: Span, offset: number) => offset >= s.start && offset <= s.end;

/** The innermost key or value under `offset` (offsets into the BOM-less text). */
export function nodeAt(parsed: ParsedFile, offset: number): NodeHit | undefined {
  const document = parsed.documents.find((d) => within(d.span, offset));
  if (!document?.root) return undefined;
  const path: PathSegment[] = [];
  let node: Node = document.root;
  for (let depth = 0; depth < 256; depth++) {
    if (node.kind === 'object') {
      const entry = node.entries.find((e) => !e.merged && (within(e.keySpan, offset) || within(e.value, offset)));
      if (!entry) break;
      path.push(entry.key);
      if (within(entry.keySpan, offset) && !(entry.value.start <= offset && entry.value.start > entry.keySpan.end)) {
        return { document, path, on: 'key', node: entry.value, span: entry.keySpan };
      }
      node = entry.value;
    } else if (node.kind === 'array') {
      const i = node.items.findIndex((item) => within(item, offset));
      if (i < 0) break;
      path.push(i);
      node = node.items[i]!;
    } else break;
  }
  if (!path.length || node.kind === 'object' || node.kind === 'array') return undefined;
  return { document, path, on: 'value', node, span: { start: node.start, end: node.end } };
}

/** What completion may offer at the cursor. */
export type CompletionContext =
  | {
      kind: 'key';
      /** Path of the object the new key goes into (array indices may be 0 when unknown). */
      parent: PathSegment[];
      /** Keys the object already has. */
      present: Set<string>;
      /** The text to replace with the completion (the partly typed key, quotes included). */
      replace: Span;
      /** JSON: the key is typed inside quotes already. */
      quoted: boolean;
      /** YAML: the column keys of this object start at; JSON: unused. */
      indent: number;
      /** JSON: a comma is needed after the inserted entry (another entry follows). */
      commaAfter: boolean;
      /** JSON: a comma is needed before it (the previous entry has none), inserted at this offset. */
      commaBefore?: number;
      /** Something (a colon) already follows the key: insert the key alone. */
      keyOnly: boolean;
    }
  | {
      kind: 'value';
      path: PathSegment[];
      replace: Span;
      /** JSON: the value is being typed inside quotes. */
      quoted: boolean;
    };

const WORD = /[A-Za-z0-9_.\-"']/;

/** JSON and JSONC: jsonc-parser reads the path at the cursor from partial text. */
export function jsonContext(text: string, offset: number, doc: ClusterDocument | undefined): CompletionContext | undefined {
  const loc = getLocation(text, offset);
  const prev = loc.previousNode;
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && /[A-Za-z0-9_.\-]/.test(text[end]!)) end++;
  if (text[start] === '"' && text[end] === '"' && end > start) end++;
  const prevIsToken = prev && (prev.type === 'string' || prev.type === 'number' || prev.type === 'boolean' || prev.type === 'null') && offset >= prev.offset && offset <= prev.offset + prev.length;
  const replace = prevIsToken ? { start: prev.offset, end: prev.offset + prev.length } : { start, end };
  // A key typed on a new line after an entry that lacks its comma: the parser still sees the previous value there.
  const between = prev && !prevIsToken ? text.slice(prev.offset + prev.length, replace.start) : '';
  const newKey = !loc.isAtPropertyKey && typeof loc.path[loc.path.length - 1] === 'string' && /^\s*$/.test(between) && /[\r\n]/.test(between);
  if (loc.isAtPropertyKey || newKey) {
    const parent = loc.path.slice(0, -1) as PathSegment[];
    // Inside an object: is there a later entry (then a comma is needed) and does the previous one end in a comma?
    const after = text.slice(replace.end).match(/^\s*(.)/s)?.[1];
    let b = replace.start - 1;
    while (b >= 0 && /\s/.test(text[b]!)) b--;
    const before = text[b];
    return {
      kind: 'key',
      parent,
      present: presentKeys(doc, parent),
      replace,
      quoted: prevIsToken ? true : text[replace.start] === '"',
      indent: 0,
      keyOnly: after === ':',
      commaAfter: after === '"',
      ...(before !== undefined && before !== '{' && before !== ',' ? { commaBefore: b + 1 } : {}),
    };
  }
  if (!loc.path.length) return undefined;
  return { kind: 'value', path: loc.path as PathSegment[], replace, quoted: text[replace.start] === '"' };
}

function presentKeys(doc: ClusterDocument | undefined, parent: JsonPath): Set<string> {
  const node = doc?.node(parent);
  return new Set(node?.kind === 'object' ? node.entries.map((e) => e.key) : []);
}

interface YamlLine {
  indent: number;
  /** Column of the key after `- ` markers (equal to indent when there is no dash). */
  keyCol: number;
  /** Columns of `- ` markers on the line. */
  dashes: number[];
  key?: string;
  /** The key has nothing after its colon (its value is on the next lines). */
  opens: boolean;
}

function readYamlLine(line: string): YamlLine | undefined {
  const m = /^(\s*)((?:-\s+)*)(.*)$/s.exec(line)!;
  const rest = m[3]!;
  if (!rest && !m[2]) return undefined;
  if (rest.startsWith('#')) return undefined;
  const indent = m[1]!.length;
  const dashes: number[] = [];
  let col = indent;
  for (const d of m[2]!.matchAll(/-\s+/g)) {
    dashes.push(col);
    col += d[0].length;
  }
  const k = /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:(?:\s+(.*))?$/s.exec(rest) ?? /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:$/.exec(rest);
  const key = k ? k[1]!.replace(/^["']|["']$/g, '') : undefined;
  const value = k?.[2]?.replace(/\s+#.*$/s, '').trim();
  return { indent, keyCol: col, dashes, ...(key !== undefined ? { key } : {}), opens: key !== undefined && !value };
}

/**
 * YAML: the parent path from indentation. Walks up from the cursor line to lines that hold it (a key with nothing
 * after its colon, less indented; a `- ` item marker), then collects the keys already at the cursor's level.
 */
export function yamlContext(source: SourceText, offset: number): CompletionContext | undefined {
  const { line: cursorLine, character } = source.positionAt(offset);
  const lineAt = (l: number) => source.lineText(l);
  const line = lineAt(cursorLine);
  const before = line.slice(0, character);
  // A value after `key: ` on this line.
  const valueMatch = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:\s+(\S*)$/.exec(before);
  const keyMatch = /^(\s*)((?:-\s+)*)([A-Za-z0-9_"'-]*)$/.exec(before);
  if (!valueMatch && !keyMatch) return undefined;
  const m = (valueMatch ?? keyMatch)!;
  const indent = m[1]!.length;
  const dashText = m[2]!;
  const col = indent + dashText.length;
  const dashes: number[] = [];
  let dc = indent;
  for (const d of dashText.matchAll(/-\s+/g)) {
    dashes.push(dc);
    dc += d[0].length;
  }
  // Path from the cursor's key column upward.
  const chain: PathSegment[] = [];
  // Item markers on the cursor line itself: each is an array level, innermost last.
  let limit = col;
  let inclusive = false;
  if (dashes.length) {
    for (let i = 0; i < dashes.length; i++) chain.push(0);
    limit = dashes[0]!;
    inclusive = true;
  }
  const ancestors: PathSegment[] = [];
  for (let l = cursorLine - 1; l >= 0 && (limit > 0 || inclusive); l--) {
    const y = readYamlLine(lineAt(l));
    if (!y) continue;
    if (y.key !== undefined && y.opens && (y.keyCol < limit || (inclusive && y.keyCol === limit && !y.dashes.length))) {
      ancestors.unshift(y.key);
      limit = y.keyCol;
      inclusive = false;
      // `- key:` holding the cursor: the key is inside an array item.
      if (y.dashes.length) {
        for (let i = 0; i < y.dashes.length; i++) ancestors.unshift(0);
        limit = y.dashes[0]!;
        inclusive = true;
      }
      continue;
    }
    // An item marker holding the cursor: `- other: x` with the cursor's keys at the item's key column.
    if (y.dashes.length && y.dashes[y.dashes.length - 1]! < limit && (y.keyCol <= limit || inclusive)) {
      const deepest = y.dashes.filter((d) => d < limit);
      for (let i = 0; i < deepest.length; i++) ancestors.unshift(0);
      limit = deepest[0]!;
      inclusive = true;
      continue;
    }
    // A less indented entry that holds a value on its own line: nothing can be nested under it here.
    if (y.indent < limit && !y.dashes.length) return undefined;
  }
  const parent = [...ancestors, ...chain];
  if (valueMatch) {
    const key = valueMatch[3]!.replace(/^["']|["']$/g, '');
    const typed = valueMatch[4]!;
    return { kind: 'value', path: [...parent, key], replace: { start: offset - typed.length, end: offset }, quoted: false };
  }
  const typed = keyMatch![3]!;
  return {
    kind: 'key',
    parent,
    present: yamlSiblings(lineAt, cursorLine, col, dashes.length > 0, source.lineCount),
    replace: { start: offset - typed.length, end: offset },
    quoted: false,
    indent: col,
    keyOnly: /^\s*:/.test(line.slice(character)),
    commaAfter: false,
  };
}

/** Keys at column `col` in the block around the cursor line. */
function yamlSiblings(lineAt: (line: number) => string, cursorLine: number, col: number, startsItem: boolean, lineCount: number): Set<string> {
  const out = new Set<string>();
  const scan = (from: number, step: 1 | -1) => {
    for (let l = from; l >= 0 && l < lineCount; l += step) {
      const y = readYamlLine(lineAt(l));
      if (!y) continue;
      if (y.keyCol === col && y.key !== undefined) {
        // A new item at this level ends the block (going down), or starts it (going up).
        if (y.dashes.length && y.dashes[y.dashes.length - 1]! + 2 <= col) {
          if (step === 1) return;
          out.add(y.key);
          return;
        }
        out.add(y.key);
      } else if (y.indent < col && !(y.dashes.length && y.keyCol > col)) {
        return;
      }
    }
  };
  if (!startsItem) scan(cursorLine - 1, -1);
  scan(cursorLine + 1, 1);
  return out;
}
