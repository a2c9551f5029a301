/**
 * JSON held inside a string value (an addon's `config` is a JSON document encoded as a string). Rules use this to
 * check that the inner text parses, to read it, and to point at a place inside the string: a decoded character's
 * offset in the inner text is mapped back to the file through the string's quotes and escapes.
 */
import type { ClusterDocument, JsonPath } from './model.js';
import type { Span } from './text.js';

/** Where a top-level property of the inner JSON object is, as offsets into the decoded string. */
export interface EmbeddedProperty {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

export type EmbeddedJsonResult =
  | { ok: true; value: unknown; properties: Map<string, EmbeddedProperty> }
  | { ok: false; message: string; offset: number; length: number };

/**
 * Parse `text` as strict JSON (RFC 8259: no comments, no trailing commas, double-quoted strings). On failure, says
 * what is wrong in a short phrase and where (offset and length in `text`). On success, also returns where each
 * property of a top-level object is (the last one wins for a repeated key, as JSON.parse reads it).
 */
export function parseEmbeddedJson(text: string): EmbeddedJsonResult {
  const properties = new Map<string, EmbeddedProperty>();
  const fail = (message: string, offset: number, length = 1) => {
    throw new EmbeddedJsonError(message, offset, Math.max(0, Math.min(length, text.length - offset)));
  };
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const found = () => (i >= text.length ? 'the end of the text' : `${JSON.stringify(text[i])}`);
  const str = (): void => {
    if (text[i] === "'") fail('strings and property names must be in double quotes, not single quotes', i);
    if (text[i] !== '"') fail(`expected a string, found ${found()}`, i);
    const start = i++;
    for (;;) {
      if (i >= text.length) fail('a string is not closed (its closing double quote is missing)', start, i - start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail('a line break or control character inside a string must be escaped (\\n, \\t, …)', i);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hexadecimal digits', i, 6);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`${e === undefined ? 'a backslash ends the text' : `\\${e} is not a JSON escape`}`, i, 2);
      } else i++;
    }
  };
  const num = (): void => {
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/.exec(text.slice(i));
    if (!m) fail('invalid number', i);
    i += m![0].length;
  };
  const value = (depth: number, top: boolean): void => {
    if (depth > 256) fail('nested too deeply', i);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === '}') fail('trailing comma before "}"', i - 1);
        if (text[i] !== '"' && text[i] !== "'") fail(i >= text.length ? 'the object is not closed (a "}" is missing)' : `property names must be in double quotes, found ${found()}`, i);
        const keyStart = i;
        str();
        const keyEnd = i;
        ws();
        if (text[i] !== ':') fail(`expected ":" after a property name, found ${found()}`, i);
        i++;
        ws();
        const valueStart = i;
        value(depth + 1, false);
        if (top) properties.set(JSON.parse(text.slice(keyStart, keyEnd)) as string, { keyStart, keyEnd, valueStart, valueEnd: i });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(i >= text.length ? 'the object is not closed (a "}" is missing)' : `expected "," or "}" after a property value, found ${found()}`, i);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('trailing comma before "]"', i - 1);
        value(depth + 1, false);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(i >= text.length ? 'the array is not closed (a "]" is missing)' : `expected "," or "]" after an array item, found ${found()}`, i);
      }
    }
    if (c === '"' || c === "'") return str();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    if (i >= text.length) fail('expected a value, found the end of the text', i, 0);
    const word = /^[A-Za-z_][A-Za-z0-9_.-]*/.exec(text.slice(i));
    if (word) fail(`${JSON.stringify(word[0])} is not a JSON value (strings must be in double quotes)`, i, word[0].length);
    fail(`expected a value, found ${found()}`, i);
  };
  try {
    value(0, true);
    ws();
    if (i < text.length) fail(`unexpected ${found()} after the end of the JSON value`, i, text.length - i);
    return { ok: true, value: JSON.parse(text) as unknown, properties };
  } catch (e) {
    if (e instanceof EmbeddedJsonError) return { ok: false, message: e.message, offset: e.offset, length: e.length };
    throw e;
  }
}

class EmbeddedJsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly length: number,
  ) {
    super(message);
  }
}

/**
 * Map offsets in the decoded string value at `path` to offsets in the file: returns `span(from, to)` giving the file
 * span of decoded characters `[from, to)`, or undefined when the string's source form cannot be mapped (a YAML
 * folded or multi-line flow scalar, a value from an alias…); then point at the whole value instead.
 * Handles JSON strings and YAML double-quoted, single-quoted and plain scalars written on one line, and YAML literal
 * block scalars (`|`).
 */
export function stringOffsetMapper(doc: ClusterDocument, path: JsonPath): ((from: number, to: number) => Span) | undefined {
  if (doc.isShared(path)) return undefined;
  const node = doc.node(path);
  if (!node || node.kind !== 'string' || typeof node.value !== 'string') return undefined;
  const value = node.value;
  const raw = doc.source.text.slice(node.start, node.end);
  const offs = mapRaw(raw, value, doc.format === 'yaml');
  if (!offs) return undefined;
  return (from, to) => {
    const f = Math.max(0, Math.min(from, value.length));
    const t = Math.max(f, Math.min(to, value.length));
    const start = node.start + offs[f]!;
    // An empty range (the end of the text) stays empty; otherwise end after the last character's source text.
    const end = t === f ? start : node.start + offs[t]!;
    return { start, end };
  };
}

/** offs[i] = offset in `raw` where decoded character i starts; offs[value.length] = where the content ends. */
function mapRaw(raw: string, value: string, yaml: boolean): number[] | undefined {
  const offs: number[] = [];
  let decoded = '';
  const q = raw[0];
  if (q === '"') {
    if (raw[raw.length - 1] !== '"') return undefined;
    for (let r = 1; r < raw.length - 1; ) {
      const c = raw[r]!;
      if (c === '\n' || c === '\r') return undefined; // YAML line folding: not mapped
      if (c !== '\\') {
        offs.push(r);
        decoded += c;
        r++;
        continue;
      }
      const e = raw[r + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && Object.hasOwn(simple, e)) {
        offs.push(r);
        decoded += simple[e];
        r += 2;
      } else if (e === 'u' || (yaml && (e === 'x' || e === 'U'))) {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = raw.slice(r + 2, r + 2 + len);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) return undefined;
        const s = String.fromCodePoint(parseInt(hex, 16));
        for (let k = 0; k < s.length; k++) offs.push(r);
        decoded += s;
        r += 2 + len;
      } else return undefined; // other YAML escapes: rare in JSON text; not mapped
    }
    offs.push(raw.length - 1);
  } else if (q === "'" && yaml) {
    if (raw[raw.length - 1] !== "'") return undefined;
    for (let r = 1; r < raw.length - 1; ) {
      const c = raw[r]!;
      if (c === '\n' || c === '\r') return undefined;
      offs.push(r);
      decoded += c;
      r += c === "'" ? 2 : 1;
    }
    offs.push(raw.length - 1);
  } else if (q === '|' && yaml) {
    const lines = raw.split('\n');
    let indent = -1;
    let pos = lines[0]!.length + 1;
    for (let l = 1; l < lines.length; l++) {
      const line = lines[l]!.replace(/\r$/, '');
      if (indent < 0 && line.trim() !== '') indent = line.length - line.trimStart().length;
      const content = indent >= 0 ? line.slice(Math.min(indent, line.length)) : '';
      const base = pos + (indent >= 0 ? Math.min(indent, line.length) : line.length);
      for (let k = 0; k < content.length; k++) offs.push(base + k);
      decoded += content;
      offs.push(base + content.length);
      decoded += '\n';
      pos += lines[l]!.length + 1;
    }
    // Chomping changes only the trailing line breaks.
    if (!decoded.startsWith(value) || decoded.slice(value.length).replace(/\n/g, '') !== '') return undefined;
    offs.length = value.length;
    offs.push(offs.length ? Math.min(offs[offs.length - 1]! + 1, raw.length) : raw.length);
    return offs;
  } else if (yaml && raw === value) {
    for (let r = 0; r <= raw.length; r++) offs.push(r);
    return offs;
  } else return undefined;
  return decoded === value ? offs : undefined;
}
