import { createScanner, visit, type ParseError } from 'jsonc-parser';
import { ClusterDocument, INVALID, PlainObject, type ArrayNode, type Entry, type JsonObject, type JsonValue, type Node, type ObjectNode } from '../model.js';
import type { SourceText } from '../text.js';
import { duplicateKey, type ParseLimits, type ParseProblem } from './problems.js';

// jsonc-parser declares these as ambient const enums, which isolated modules cannot read; same numbers here.
const ParseErrorCode = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;
const SyntaxKind = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17,
} as const;

export interface ParsedDocuments {
  documents: ClusterDocument[];
  problems: ParseProblem[];
}

/**
 * Parse JSON (strict: what the API accepts) or JSONC (comments and trailing commas allowed) into the document model.
 * jsonc-parser recovers from errors, so a broken file still yields a tree that the rules can check.
 */
export function parseJson(source: SourceText, strict: boolean, limits: ParseLimits): ParsedDocuments {
  const text = source.text;
  const format = strict ? 'json' : 'jsonc';

  // Most files are plain JSON: read them in one tight pass. Anything else (comments, trailing commas, any error, too
  // deep) is read again by the recovering parser below, which says what is wrong and where.
  const plain = readPlainJson(text, limits.maxDepth);
  if (plain) return plainDocuments(source, format, plain.root, plain.value, plain.duplicates);
  return parseJsonRecovering(source, strict, limits);
}

/**
 * The documents read by the plain reader, with the duplicate keys it found: what an editor's next parse may start
 * from (see json-edit.ts). Only such documents qualify: their text is plain JSON, read by one deterministic pass.
 */
const plainReads = new WeakMap<ClusterDocument, readonly ParseProblem[]>();

/** The parse of a plain JSON text whose model is `root` and `value`. */
export function plainDocuments(source: SourceText, format: 'json' | 'jsonc', root: Node, value: JsonValue, duplicates: ParseProblem[]): ParsedDocuments {
  const doc = new ClusterDocument(source, format, 0, root, { start: 0, end: source.text.length }, { value });
  plainReads.set(doc, duplicates);
  return { documents: [doc], problems: [...duplicates] };
}

/** The duplicate keys of a document the plain reader read, or undefined for any other document. */
export function plainRead(doc: ClusterDocument): readonly ParseProblem[] | undefined {
  return plainReads.get(doc);
}

/**
 * The scalar token at `pos` of `text`, as the plain reader reads it when it gets there in a pass over the whole
 * text: its node and value, or undefined when what is there is not a plain scalar.
 */
export function readPlainScalarAt(text: string, pos: number): { node: Node; value: JsonValue } | undefined {
  const reader = new PlainJsonReader(text, 0);
  reader.pos = pos;
  const c = text.charCodeAt(pos);
  if (c === 123 || c === 91) return undefined;
  try {
    const node = reader.any(c);
    return { node, value: reader.value };
  } catch (err) {
    if (err === NOT_PLAIN) return undefined;
    throw err;
  }
}

/** {@link parseJson} with jsonc-parser's recovering parser, whatever the text (the reader for all but plain JSON). */
export function parseJsonRecovering(source: SourceText, strict: boolean, limits: ParseLimits): ParsedDocuments {
  const text = source.text;
  const whole = { start: 0, end: text.length };
  const format = strict ? 'json' : 'jsonc';
  const problems: ParseProblem[] = [];

  // jsonc-parser recurses once per nesting level; measure the depth first with its (iterative) scanner so that a
  // hostile file cannot overflow the stack.
  const tooDeep = findExcessiveDepth(text, limits.maxDepth);
  if (tooDeep !== undefined) {
    problems.push({
      code: 'too-deep',
      start: tooDeep,
      end: tooDeep + 1,
      message: `Objects and arrays are nested more than ${limits.maxDepth} levels deep here; the file was not analysed.`,
    });
    return { documents: [], problems };
  }

  const errors: ParseError[] = [];
  const built = build(text, strict, errors);
  problems.push(...describeErrors(text, errors), ...built.duplicates);
  return { documents: [new ClusterDocument(source, format, 0, built.root, whole, { value: built.value })], problems };
}

/**
 * What jsonc-parser's `parseTree` builds, frame by frame: an object, an array, a property (key, colon, value) or the
 * artificial root that holds the document's value. Each frame becomes a model node (and its plain value) when it is
 * closed, so the text is read once and no intermediate tree is kept.
 */
interface Frame {
  type: 'root' | 'object' | 'array' | 'property';
  offset: number;
  /** Set when the frame is closed, as parseTree sets it. */
  length: number;
  up: Frame | undefined;
  /** Objects: the node and value being filled; arrays: the items; root: the value found. */
  object?: ObjectNode;
  objectValue?: JsonObject;
  array?: ArrayNode;
  arrayValue?: JsonValue[];
  /** Properties: the key and where the colon is; the value once it is read. */
  key?: string;
  keySpan?: { start: number; end: number };
  colonOffset?: number;
  child?: { node: Node; value: JsonValue };
}

/**
 * Parse with jsonc-parser's visitor (its scanner and error recovery, so the same errors at the same places as its
 * `parseTree`) straight into the document model and the plain value, in one pass. Duplicate keys are found as each
 * property closes, in the order the earlier tree conversion found them.
 */
function build(text: string, strict: boolean, errors: ParseError[]): { root: Node | undefined; value: JsonValue | undefined; duplicates: ParseProblem[] } {
  const duplicates: ParseProblem[] = [];
  const top: Frame = { type: 'root', offset: -1, length: -1, up: undefined };
  let current = top;

  /** A finished value goes to the frame that is open: the root, an array's items or a property's value. */
  const add = (node: Node, value: JsonValue): void => {
    const f = current;
    if (f.type === 'array') {
      f.array!.items.push(node);
      f.arrayValue!.push(value);
    } else if (f.type === 'object') {
      // parseTree never puts a bare value into an object; nothing to keep if it did.
    } else if (f.child === undefined) f.child = { node, value };
  };

  /** Close the open frame at `end` and hand what it built to its parent. */
  const close = (end: number): void => {
    const f = current;
    f.length = end - f.offset;
    current = f.up!;
    if (f.object) {
      f.object.end = end;
      add(f.object, f.objectValue!);
    } else if (f.array) {
      f.array.end = end;
      add(f.array, f.arrayValue!);
    }
    else if (f.type === 'property') closeProperty(f);
  };

  const closeProperty = (f: Frame): void => {
    const parent = current;
    if (parent.type !== 'object') {
      // A property inside a property (no recovery path leads here): parseTree's conversion reads it as unreadable.
      add({ kind: 'invalid', start: f.offset, end: f.offset + f.length }, INVALID);
      return;
    }
    const keySpan = f.keySpan!;
    let entry: Entry;
    if (f.child) entry = { key: f.key!, keySpan, value: f.child.node };
    else {
      // `"key": <garbage>`: keep the key so presence checks see it; the value is unreadable.
      const vs = f.colonOffset !== undefined ? f.colonOffset + 1 : keySpan.end;
      entry = { key: f.key!, keySpan, value: { kind: 'invalid', start: vs, end: Math.max(vs, f.offset + f.length) } };
    }
    const node = parent.object!;
    const previous = node.byKey.get(entry.key);
    if (previous) duplicates.push(duplicateKey(entry.key, keySpan, previous.keySpan));
    node.entries.push(entry);
    node.byKey.set(entry.key, entry);
    parent.objectValue![entry.key] = f.child ? f.child.value : INVALID;
  };

  const ensurePropertyComplete = (end: number): void => {
    if (current.type === 'property') close(end);
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => {
        current = { type: 'object', offset, length: -1, up: current, object: { kind: 'object', start: offset, end: offset, entries: [], byKey: new Map() }, objectValue: new PlainObject() };
      },
      onObjectProperty: (name, offset, length) => {
        current = { type: 'property', offset, length: -1, up: current, key: name, keySpan: { start: offset, end: offset + length } };
      },
      onObjectEnd: (offset, length) => {
        ensurePropertyComplete(offset + length);
        close(offset + length);
        ensurePropertyComplete(offset + length);
      },
      onArrayBegin: (offset) => {
        current = { type: 'array', offset, length: -1, up: current, array: { kind: 'array', start: offset, end: offset, items: [] }, arrayValue: [] };
      },
      onArrayEnd: (offset, length) => {
        close(offset + length);
        ensurePropertyComplete(offset + length);
      },
      onLiteralValue: (value: string | number | boolean | null, offset, length) => {
        const span = { start: offset, end: offset + length };
        const kind = value === null ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'null';
        add({ kind, ...span, value }, value);
        ensurePropertyComplete(offset + length);
      },
      onSeparator: (sep, offset) => {
        if (current.type !== 'property') return;
        if (sep === ':') current.colonOffset = offset;
        else if (sep === ',') ensurePropertyComplete(offset);
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
      },
    },
    { disallowComments: strict, allowTrailingComma: !strict, allowEmptyContent: true },
  );
  return { root: top.child?.node, value: top.child?.value, duplicates };
}

/** Thrown by {@link PlainJsonReader} at the first thing that is not plain JSON (a shared value: no stack to capture). */
const NOT_PLAIN = { notPlainJson: true };

/**
 * Plain JSON (RFC 8259, as the API reads it; within the depth limit) straight into the document model and the plain
 * value. On such text jsonc-parser reports no error and the recovering builder gives exactly this model; on anything
 * else this reader gives up (throws {@link NOT_PLAIN}) and that builder reads the file.
 */
class PlainJsonReader {
  pos = 0;
  depth = 0;
  /** The plain value of the node read last. */
  value: JsonValue = null;
  readonly duplicates: ParseProblem[] = [];

  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  /** Skips blanks; the code of the character after them (NaN at the end). */
  blank(): number {
    const t = this.text;
    const n = t.length;
    for (let i = this.pos; i < n; i++) {
      const c = t.charCodeAt(i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
        this.pos = i;
        return c;
      }
    }
    this.pos = n;
    return NaN;
  }

  any(c: number): Node {
    const start = this.pos;
    if (c === 34) {
      const value = this.string();
      this.value = value;
      return { kind: 'string', start, end: this.pos, value };
    }
    if (c === 123) return this.object(start);
    if (c === 91) return this.array(start);
    if (c === 45 || (c >= 48 && c <= 57)) {
      const value = this.number();
      this.value = value;
      return { kind: 'number', start, end: this.pos, value };
    }
    const t = this.text;
    if (c === 116 && t.startsWith('true', start)) return this.literal(start, 'boolean', true);
    if (c === 102 && t.startsWith('false', start)) return this.literal(start, 'boolean', false);
    if (c === 110 && t.startsWith('null', start)) return this.literal(start, 'null', null);
    throw NOT_PLAIN;
  }

  literal(start: number, kind: 'boolean' | 'null', value: boolean | null): Node {
    this.pos = start + (value === false ? 5 : 4);
    this.value = value;
    return { kind, start, end: this.pos, value };
  }

  object(start: number): Node {
    if (++this.depth > this.maxDepth) throw NOT_PLAIN;
    this.pos++;
    const node: ObjectNode = { kind: 'object', start, end: start, entries: [], byKey: new Map() };
    const value = new PlainObject();
    let c = this.blank();
    if (c === 125) this.pos++;
    else {
      for (;;) {
        if (c !== 34) throw NOT_PLAIN;
        const keyStart = this.pos;
        const key = this.string();
        const keySpan = { start: keyStart, end: this.pos };
        if (this.blank() !== 58) throw NOT_PLAIN;
        this.pos++;
        const entry: Entry = { key, keySpan, value: this.any(this.blank()) };
        const previous = node.byKey.get(key);
        if (previous) this.duplicates.push(duplicateKey(key, keySpan, previous.keySpan));
        node.entries.push(entry);
        node.byKey.set(key, entry);
        value[key] = this.value;
        c = this.blank();
        this.pos++;
        if (c === 125) break;
        if (c !== 44) throw NOT_PLAIN;
        c = this.blank();
      }
    }
    node.end = this.pos;
    this.value = value;
    this.depth--;
    return node;
  }

  array(start: number): Node {
    if (++this.depth > this.maxDepth) throw NOT_PLAIN;
    this.pos++;
    const node: ArrayNode = { kind: 'array', start, end: start, items: [] };
    const value: JsonValue[] = [];
    let c = this.blank();
    if (c === 93) this.pos++;
    else {
      for (;;) {
        node.items.push(this.any(c));
        value.push(this.value);
        c = this.blank();
        this.pos++;
        if (c === 93) break;
        if (c !== 44) throw NOT_PLAIN;
        c = this.blank();
      }
    }
    node.end = this.pos;
    this.value = value;
    this.depth--;
    return node;
  }

  /** A string token at `pos` (the opening quote); its value. */
  string(): string {
    const t = this.text;
    const from = this.pos + 1;
    for (let i = from; ; i++) {
      const c = t.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return t.slice(from, i);
      }
      if (c === 92) return this.escaped(from, i);
      // A control character, or the end of the text (NaN).
      if (!(c >= 32)) throw NOT_PLAIN;
    }
  }

  /** The rest of a string from its first backslash at `i`. */
  escaped(from: number, i: number): string {
    const t = this.text;
    let out = t.slice(from, i);
    let run = i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return out + t.slice(run, i);
      }
      if (c === 92) {
        out += t.slice(run, i);
        const e = t.charCodeAt(i + 1);
        if (e === 117) {
          const hex = t.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw NOT_PLAIN;
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const ch = ESCAPES[e];
          if (ch === undefined) throw NOT_PLAIN;
          out += ch;
          i += 2;
        }
        run = i;
        continue;
      }
      if (!(c >= 32)) throw NOT_PLAIN;
      i++;
    }
  }

  /** A number token at `pos`, as JSON writes numbers; its value. */
  number(): number {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (t.charCodeAt(i) === 45) i++;
    let c = t.charCodeAt(i);
    if (c === 48) c = t.charCodeAt(++i);
    else if (c >= 49 && c <= 57) {
      do c = t.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    } else throw NOT_PLAIN;
    if (c === 46) {
      c = t.charCodeAt(++i);
      if (!(c >= 48 && c <= 57)) throw NOT_PLAIN;
      do c = t.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    }
    if (c === 101 || c === 69) {
      c = t.charCodeAt(++i);
      if (c === 43 || c === 45) c = t.charCodeAt(++i);
      if (!(c >= 48 && c <= 57)) throw NOT_PLAIN;
      do c = t.charCodeAt(++i);
      while (c >= 48 && c <= 57);
    }
    this.pos = i;
    return Number(t.slice(start, i));
  }
}

/** The one-character escapes of JSON strings, by the code of the character after the backslash. */
const ESCAPES: Record<number, string> = { 34: '"', 92: '\\', 47: '/', 98: '\b', 102: '\f', 110: '\n', 114: '\r', 116: '\t' };

/** The model of `text` when it is plain JSON within `maxDepth`; undefined otherwise (see {@link PlainJsonReader}). */
function readPlainJson(text: string, maxDepth: number): { root: Node; value: JsonValue; duplicates: ParseProblem[] } | undefined {
  const reader = new PlainJsonReader(text, maxDepth);
  try {
    const c = reader.blank();
    if (c !== c) return undefined; // nothing but blanks
    const root = reader.any(c);
    const value = reader.value;
    reader.blank();
    if (reader.pos !== text.length) return undefined;
    return { root, value, duplicates: reader.duplicates };
  } catch (err) {
    if (err === NOT_PLAIN) return undefined;
    throw err;
  }
}

function findExcessiveDepth(text: string, max: number): number | undefined {
  // Fast path: a file with fewer brackets than the limit cannot be too deep.
  let opens = 0;
  for (let i = 0; i < text.length && opens <= max; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) opens++;
  }
  if (opens <= max) return undefined;
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let t = scanner.scan(); t !== SyntaxKind.EOF; t = scanner.scan()) {
    if (t === SyntaxKind.OpenBraceToken || t === SyntaxKind.OpenBracketToken) {
      if (++depth > max) return scanner.getTokenOffset();
    } else if (t === SyntaxKind.CloseBraceToken || t === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** What each jsonc-parser error means, with the fix. Our own words: messages never quote the source. */
const MESSAGES: Partial<Record<number, string>> = {
  [ParseErrorCode.InvalidNumberFormat]: 'This number is not valid JSON (JSON numbers have no leading zeros, no "+" sign and no trailing "."). Write a plain decimal number, or quote it if it is meant as text.',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here. Quote the key ("name": value), or remove the extra comma before it.',
  [ParseErrorCode.ValueExpected]: 'A value is missing here. Write a value (a string in double quotes, a number, true, false, null, an object or a list), or remove the entry.',
  [ParseErrorCode.ColonExpected]: 'A colon is missing after this property name. Write "name": value.',
  [ParseErrorCode.CommaExpected]: 'A comma is missing between two entries. Add a comma after the previous value.',
  [ParseErrorCode.CloseBraceExpected]: 'This object is never closed. Add the closing "}" (or look for a missing comma or quote before this point).',
  [ParseErrorCode.CloseBracketExpected]: 'This list is never closed. Add the closing "]" (or look for a missing comma before this point).',
  [ParseErrorCode.EndOfFileExpected]: 'There is more text after the end of the JSON document. Remove it; a spec is one JSON object.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'This comment is never closed. Add the closing "*/".',
  [ParseErrorCode.UnexpectedEndOfString]: 'This string is never closed. Add the closing double quote (inside a string, write \\" for a quote).',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'This number is incomplete (a sign, decimal point or exponent with no digits after it). Complete it, or quote it if it is meant as text.',
  [ParseErrorCode.InvalidUnicode]: 'This string has an invalid \\u escape: \\u must be followed by four hexadecimal digits. Fix the escape, or write the character itself.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'This string has an invalid escape sequence: after a backslash JSON allows only " \\ / b f n r t u. Write \\\\ for a backslash.',
  [ParseErrorCode.InvalidCharacter]: 'This string contains a control character (a tab or a line break) that JSON requires to be escaped. Write \\t or \\n instead.',
};

/** Every jsonc-parser error code that gets a message of its own (tests check each one's wording). */
export const JSON_ERROR_CODES = ParseErrorCode;

/** Turn jsonc-parser's error codes into problems with our own wording, without echoing source text. */
function describeErrors(text: string, errors: ParseError[]): ParseProblem[] {
  const out: ParseProblem[] = [];
  let skipValueExpectedAt = -1;
  let lastSyntax = -1;
  const trailingCommas = new Set<number>();
  const previousToken = previousTokenFinder(text);
  /**
   * After one syntax error, the parser's recovery often reports more on the same line (`"a":"{"b":1}"` gives three):
   * one mistake, one diagnostic per line.
   */
  let scanned = 0;
  let lineBreakSinceLast = true;
  const pushSyntax = (start: number, end: number, message: string): void => {
    // Each character is looked at once, however many errors one long line has.
    for (let i = Math.max(scanned, lastSyntax); i < start && !lineBreakSinceLast; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) lineBreakSinceLast = true;
    }
    scanned = Math.max(scanned, start);
    if (lastSyntax >= 0 && !lineBreakSinceLast) return;
    out.push({ code: 'syntax', start, end, message });
    lastSyntax = start;
    lineBreakSinceLast = false;
  };
  for (const e of errors) {
    const start = e.offset;
    const end = e.offset + Math.max(e.length, 0);
    if (e.error === ParseErrorCode.InvalidCommentToken) {
      out.push({
        code: 'comment',
        start,
        end,
        message: 'Comment in a .json file: the API rejects JSON with comments (use .jsonc if a build step strips them).',
      });
      continue;
    }
    if (e.error === ParseErrorCode.InvalidSymbol) {
      const token = text.slice(start, end);
      const message =
        text[start - 1] === '"'
          ? 'Unquoted text right after a string: is a double quote inside the string missing its backslash? Write \\" for a quote inside a string.'
          : /^[A-Za-z_$]/.test(token)
            ? 'Unquoted text where a value belongs: JSON strings must be in double quotes. Quote the value.'
            : 'These characters are not a JSON value. Remove them, or quote the value.';
      pushSyntax(start, end, message);
      // jsonc-parser follows an invalid value with "value expected" at the next token: one mistake, one diagnostic.
      skipValueExpectedAt = skipWhitespace(text, end);
      continue;
    }
    if (
      (e.error === ParseErrorCode.ValueExpected || e.error === ParseErrorCode.PropertyNameExpected) &&
      skipValueExpectedAt >= 0 &&
      e.offset === skipValueExpectedAt
    ) {
      skipValueExpectedAt = -1;
      continue;
    }
    if (e.error === ParseErrorCode.ValueExpected || e.error === ParseErrorCode.PropertyNameExpected) {
      const close = text.charCodeAt(start);
      if (close === 93 /* ] */ || close === 125 /* } */) {
        const comma = previousToken(start);
        if (comma >= 0 && text.charCodeAt(comma) === 44 /* , */) {
          // `{"a": 1,}` gets both "property name expected" and "value expected" at the `}`: one comma, one problem.
          if (trailingCommas.has(comma)) continue;
          trailingCommas.add(comma);
          out.push({
            code: 'trailing-comma',
            start: comma,
            end: comma + 1,
            message: 'Trailing comma in a .json file: the API rejects it; remove the comma.',
          });
          continue;
        }
      }
    }
    pushSyntax(start, end, MESSAGES[e.error] ?? 'This is not valid JSON. Check the quotes, commas and brackets around this point.');
  }
  return out;
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * A function giving the offset of the last token (not blank, not a comment) before an offset. The text is scanned
 * once, on first use, so a file with many errors costs one scan rather than one per error.
 */
function previousTokenFinder(text: string): (offset: number) => number {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [];
      const scanner = createScanner(text, false);
      for (let t = scanner.scan(); t !== SyntaxKind.EOF; t = scanner.scan()) {
        if (t !== SyntaxKind.Trivia && t !== SyntaxKind.LineBreakTrivia && t !== SyntaxKind.LineCommentTrivia && t !== SyntaxKind.BlockCommentTrivia) {
          starts.push(scanner.getTokenOffset());
        }
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < offset) {
        found = starts[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}
