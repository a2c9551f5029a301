import { createScanner, visit, type ParseError } from 'jsonc-parser';
import { ClusterDocument, INVALID, type ArrayNode, type Entry, type JsonObject, type JsonValue, type Node, type ObjectNode } from '../model.js';
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
  const problems: ParseProblem[] = [];
  const whole = { start: 0, end: text.length };

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
  return { documents: [new ClusterDocument(source, strict ? 'json' : 'jsonc', 0, built.root, whole, { value: built.value })], problems };
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
        current = { type: 'object', offset, length: -1, up: current, object: { kind: 'object', start: offset, end: offset, entries: [], byKey: new Map() }, objectValue: Object.create(null) as JsonObject };
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

const MESSAGES: Partial<Record<number, string>> = {
  [ParseErrorCode.InvalidNumberFormat]: 'This number is not valid JSON.',
  [ParseErrorCode.PropertyNameExpected]: 'A property name in double quotes is expected here.',
  [ParseErrorCode.ValueExpected]: 'A value is expected here.',
  [ParseErrorCode.ColonExpected]: 'A colon (:) is expected after the property name.',
  [ParseErrorCode.CommaExpected]: 'A comma is expected between entries.',
  [ParseErrorCode.CloseBraceExpected]: 'This object is not closed: a "}" is expected.',
  [ParseErrorCode.CloseBracketExpected]: 'This array is not closed: a "]" is expected.',
  [ParseErrorCode.EndOfFileExpected]: 'Unexpected content after the end of the JSON document.',
  [ParseErrorCode.UnexpectedEndOfComment]: 'This comment is never closed.',
  [ParseErrorCode.UnexpectedEndOfString]: 'This string is never closed: a closing double quote is missing.',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'This number is incomplete.',
  [ParseErrorCode.InvalidUnicode]: 'Invalid \\u escape in this string.',
  [ParseErrorCode.InvalidEscapeCharacter]: 'Invalid escape sequence in this string.',
  [ParseErrorCode.InvalidCharacter]: 'Control characters must be escaped inside JSON strings.',
};

/** Turn jsonc-parser's error codes into problems with our own wording, without echoing source text. */
function describeErrors(text: string, errors: ParseError[]): ParseProblem[] {
  const out: ParseProblem[] = [];
  let skipValueExpectedAt = -1;
  let lastSyntax = -1;
  /**
   * After one syntax error, the parser's recovery often reports more on the same line (`"a":"{"b":1}"` gives three):
   * one mistake, one diagnostic per line.
   */
  const pushSyntax = (start: number, end: number, message: string): void => {
    if (lastSyntax >= 0 && !/[\r\n]/.test(text.slice(lastSyntax, start))) return;
    out.push({ code: 'syntax', start, end, message });
    lastSyntax = start;
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
          ? 'Unquoted text right after a string: is a double quote inside the string missing its backslash (\\")?'
          : /^[A-Za-z_$]/.test(token)
            ? 'Unquoted text where a value belongs: JSON strings must be in double quotes.'
            : 'Unexpected character(s): this is not a JSON value.';
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
        const comma = previousToken(text, start);
        if (comma >= 0 && text.charCodeAt(comma) === 44 /* , */) {
          // `{"a": 1,}` gets both "property name expected" and "value expected" at the `}`: one comma, one problem.
          if (out.some((p) => p.code === 'trailing-comma' && p.start === comma)) continue;
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
    pushSyntax(start, end, MESSAGES[e.error] ?? 'Invalid JSON.');
  }
  return out;
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Offset of the last non-blank, non-comment character before `offset`. */
function previousToken(text: string, offset: number): number {
  const scanner = createScanner(text, false);
  let last = -1;
  for (let t = scanner.scan(); t !== SyntaxKind.EOF && scanner.getTokenOffset() < offset; t = scanner.scan()) {
    if (t !== SyntaxKind.Trivia && t !== SyntaxKind.LineBreakTrivia && t !== SyntaxKind.LineCommentTrivia && t !== SyntaxKind.BlockCommentTrivia) {
      last = scanner.getTokenOffset();
    }
  }
  return last;
}
