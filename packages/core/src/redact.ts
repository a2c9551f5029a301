/**
 * Passwords never leave acklint. Every diagnostic passes {@link settleDiagnostic} on its way out of the engine (the
 * one exit shared by the CLI, its formatters and the language server): its ranges are clamped to the text and every
 * secret of the file is masked in every text it carries. The secrets are gathered two ways, so that a broken file
 * leaks no more than a valid one:
 * - from the document model: the values under password and secret keys, whatever their shape (strings, numbers,
 *   lists, mappings, their keys), also through YAML anchors, aliases and merge keys, and inside strings that hold
 *   JSON (addon `config`);
 * - from the raw text: whatever follows a password key on its line (and the lines indented under it), quoted or not,
 *   so that values the parser could not read (a syntax error on the line) are masked too.
 */
import type { Diagnostic } from './diagnostic.js';
import type { JsonPath, Node } from './model.js';
import type { ParsedFile } from './parse/index.js';
import type { SourceText, Span } from './text.js';
import { clip, oncePer } from './values.js';

/** Text that may spell a secret key or a value mentioning one: the words of isSecretKey, or an escape of a letter. */
const MAY_HOLD_SECRETS = /pass|secret|\\[ux]/i;
/**
 * Keys whose values are secrets, never printed whatever a rule or parser message says: those that
 * `/pass(word)?[^A-Za-z0-9]*$|passwd|secret|^login_password$/i` matches. Read character by character: every key of a
 * spec that may hold secrets is asked, and compiling the expression took about 0.15 ms of each such lint.
 */
function isSecretKey(key: string): boolean {
  for (let i = 0; i + 4 <= key.length; i++) {
    if (wordAt(key, i, 'secret')) return true;
    if (!wordAt(key, i, 'pass')) continue;
    if (wordAt(key, i + 4, 'wd') || onlyPunctuationFrom(key, i + 4)) return true;
    // `login_password` ends in `password`.
    if (wordAt(key, i + 4, 'word') && onlyPunctuationFrom(key, i + 8)) return true;
  }
  return false;
}

/** `s` holds the lower-case ASCII `word` at `at`, in any case. */
function wordAt(s: string, at: number, word: string): boolean {
  if (at + word.length > s.length) return false;
  // `| 32` lower-cases an ASCII letter, and turns no other character into one.
  for (let j = 0; j < word.length; j++) if ((s.charCodeAt(at + j) | 32) !== word.charCodeAt(j)) return false;
  return true;
}

/** No ASCII letter or digit from `from` to the end of `s`. */
function onlyPunctuationFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
  }
  return true;
}
/**
 * A secret key as it appears in raw text (JSON, YAML, or a JSON string inside a string), up to the value. The colon
 * may start the next line, as after a YAML explicit key (`? login_password` and `: value` below it).
 */
const SECRET_KEY_TEXT = /(?:pass(?:word)?|passwd|secret)[A-Za-z0-9_-]{0,64}(?:\\{0,4}["'])?(?:[ \t]{0,64}(?:\r\n?|\n))?[ \t]{0,64}[:=][ \t]{0,64}/gi;
const MIN_SECRET_LENGTH = 3;
/** Shortest word of a longer secret that is masked on its own. */
const MIN_WORD_LENGTH = 8;
/** Words that are never a secret (so that `password: null` does not mask every "null" in the messages). */
const NOT_SECRETS = new Set(['null', 'true', 'false', 'yes', 'no', 'on', 'off', '~', '""', "''", '{}', '[]', 'Null', 'NULL', 'True', 'False']);
/** Longest stretch of text after a password key read as its value (a password is far shorter). */
const MAX_VALUE_LENGTH = 1000;
/** How many lines under a password key are read as its value (a block scalar, a list, a mapping). */
const MAX_VALUE_LINES = 50;

/**
 * Every secret of the file (and the forms messages may show it in), indexed by its first three characters so that
 * scrubbing a message costs a lookup per character, however many secrets the file holds.
 */
export class SecretIndex {
  private readonly byPrefix = new Map<string, string[]>();
  private readonly all = new Set<string>();
  /** First characters of the secrets: most places in a message start none, and are skipped without a lookup. */
  private readonly firstChars = new Set<number>();

  get size(): number {
    return this.all.size;
  }

  /**
   * Adds `secret` and the forms a message may quote it in (JSON-escaped, clipped, trimmed, line by line) and, unless
   * `words` is false, its distinctive words.
   */
  add(secret: string, words = true): void {
    this.addOne(secret);
    const trimmed = secret.trim();
    this.addOne(trimmed);
    this.addOne(JSON.stringify(secret).slice(1, -1));
    this.addOne(clip(secret));
    this.addOne(clip(JSON.stringify(secret).slice(1, -1)));
    if (/[\r\n]/.test(trimmed)) for (const line of trimmed.split(/\r\n?|\n/)) this.addOne(line.trim());
    // Its distinctive words on their own: a rule may quote a part of a value, or a value derived from it ("Rename the
    // cluster to <password words joined by hyphens>"). A word of 8 or more characters that is not all lower-case
    // letters (so "password" or "configuration" in a value do not mask those words in every message).
    if (words && secret.length > MIN_WORD_LENGTH) {
      for (const word of secret.split(/[\s,;:"'`{}[\]()<>=&|\\]+/)) {
        if (word.length >= MIN_WORD_LENGTH && word !== secret && !/^[a-z]+$/.test(word)) this.addOne(word);
      }
    }
  }

  private addOne(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH || this.all.has(secret) || NOT_SECRETS.has(secret) || !hasLetterOrDigit(secret)) return;
    this.all.add(secret);
    this.firstChars.add(secret.charCodeAt(0));
    const key = secret.slice(0, MIN_SECRET_LENGTH);
    const list = this.byPrefix.get(key);
    if (list) list.push(secret);
    else this.byPrefix.set(key, [secret]);
  }

  /** `text` with every secret in it replaced by `****` (the longest secret wins where several start at a place). */
  scrub(text: string): string {
    if (this.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    let out = '';
    let i = 0;
    let copied = 0;
    while (i <= text.length - MIN_SECRET_LENGTH) {
      if (!this.firstChars.has(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const candidates = this.byPrefix.get(text.slice(i, i + MIN_SECRET_LENGTH));
      let len = 0;
      if (candidates) for (const c of candidates) if (c.length > len && text.startsWith(c, i)) len = c.length;
      if (len) {
        out += text.slice(copied, i) + '****';
        i += len;
        copied = i;
      } else i++;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  contains(text: string): boolean {
    return this.scrub(text) !== text;
  }
}

/**
 * `s` holds a letter or a digit (of any script). ASCII is told apart without the Unicode property classes, whose
 * regular expression costs a start of acklint about a millisecond to compile and run cold.
 */
function hasLetterOrDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) return true;
    if (c >= 128) return /[\p{L}\p{N}]/u.test(s.slice(i));
  }
  return false;
}

/** The secrets of a parsed file (computed once per file). */
export const secretsOf: (parsed: ParsedFile) => SecretIndex = oncePer(collectSecrets);

/**
 * `text` with the secrets of `parsed` masked: for any text derived from a document that does not travel in a
 * diagnostic (an address plan, a hover), so that it leaves through the same redaction.
 */
export function redactText(parsed: ParsedFile, text: string): string {
  return secretsOf(parsed).scrub(text);
}

/** Every secret of a parsed file (uncached; see {@link secretsOf}). */
export function collectSecrets(parsed: ParsedFile): SecretIndex {
  const index = new SecretIndex();
  const text = parsed.source.text;
  // Every secret key, and every value that mentions one, is spelled out in the text (or written with an escape that
  // can stand for a letter): a file without such text has no secrets, and its model need not be walked.
  if (!MAY_HOLD_SECRETS.test(text)) return index;
  // Iterative walks (a document's depth is the input's to choose); objects and lists shared through aliases are
  // visited once. Each node on the stack with whether it is under a secret key.
  const seen = new Set<Node>();
  const nodes: Node[] = [];
  const underSecret: boolean[] = [];
  for (const d of parsed.documents) {
    if (d.root) {
      nodes.push(d.root);
      underSecret.push(false);
    }
  }
  while (nodes.length) {
    const n = nodes.pop()!;
    const secret = underSecret.pop()!;
    if (n.kind === 'object') {
      if (!secret) {
        if (seen.has(n)) continue;
        seen.add(n);
      }
      for (const e of n.entries) {
        if (secret) index.add(e.key);
        nodes.push(e.value);
        underSecret.push(secret || isSecretKey(e.key));
      }
    } else if (n.kind === 'array') {
      if (!secret) {
        if (seen.has(n)) continue;
        seen.add(n);
      }
      for (const item of n.items) {
        nodes.push(item);
        underSecret.push(secret);
      }
    } else if (secret) {
      addRaw(index, text, n);
      if (n.kind === 'string' || n.kind === 'number') index.add(String(n.value));
    } else if (n.kind === 'string') {
      // A string that holds JSON or key=value text (addon `config`): the secrets written inside it.
      const v = n.value as string;
      if (v.length >= MIN_SECRET_LENGTH && /pass|secret/i.test(v)) secretsInText(index, v);
    }
  }
  secretsInText(index, text);
  return index;
}

/** The source text of a secret value, line by line (quotes, escapes, block scalar indentation as written). */
function addRaw(index: SecretIndex, text: string, n: Node): void {
  if (n.kind === 'object' || n.kind === 'array') return; // their scalars are added one by one
  const raw = text.slice(Math.max(0, n.start), Math.min(text.length, n.end));
  if (raw.length > 0 && raw.length < 100_000) index.add(raw);
}

/**
 * The values that follow secret keys in raw text: the rest of the key's line (whole, unquoted, up to a comma or
 * comment) and, when the value is on the lines below (block scalars, lists, mappings), those lines. Linear in the
 * text: each match reads its own line and at most {@link MAX_VALUE_LINES} more.
 */
function secretsInText(index: SecretIndex, text: string): void {
  SECRET_KEY_TEXT.lastIndex = 0;
  for (let m = SECRET_KEY_TEXT.exec(text); m; m = SECRET_KEY_TEXT.exec(text)) {
    const from = m.index + m[0].length;
    const eol = lineEnd(text, from, from + MAX_VALUE_LENGTH);
    const rest = text.slice(from, eol);
    addValueText(index, rest);
    if (/^\s*(?:[&!][^\s]*\s+)*(?:[|>][-+0-9]*|[&!][^\s]*|[{[])?\s*(?:(?:#|\/\/).*)?$/.test(rest)) {
      // The value is on the lines below, indented further than the key's line (a YAML block scalar, list or mapping,
      // or a JSON object or array opened at the end of the key's line).
      const keyIndent = indentAt(text, m.index);
      let at = nextLine(text, eol);
      for (let n = 0; n < MAX_VALUE_LINES && at < text.length; n++) {
        const end = lineEnd(text, at, at + MAX_VALUE_LENGTH);
        const line = text.slice(at, end);
        const indent = line.length - line.trimStart().length;
        if (line.trim() && indent <= keyIndent && !/^\s*:/.test(line)) break;
        addValueText(index, line.replace(/^\s*(?:[-:?]\s+)*/, ''));
        at = nextLine(text, end);
      }
    }
    if (SECRET_KEY_TEXT.lastIndex === m.index) SECRET_KEY_TEXT.lastIndex++;
  }
}

/**
 * A value as written after a key (the rest of the key's line): the whole of it as it stands, and its first value:
 * the content of a quoted string, the items of a flow list or mapping, or a plain value up to a comma or bracket (in
 * JSON the next key may follow on the same line, and it is not a secret).
 */
function addValueText(index: SecretIndex, rest: string): void {
  const v = rest
    .replace(/\s+(?:#|\/\/).*$/, '')
    .trim()
    .replace(/^(?:[&!][^\s]*\s+)+/, '');
  if (!v) return;
  index.add(v, false);
  const quoted = /^\\*(["'])((?:\\.|(?!\1).)*)/.exec(v);
  if (quoted) {
    index.add(quoted[2]!);
    index.add(quoted[2]!.replace(/\\(["'\\])/g, '$1'));
    index.add(quoted[2]!.replace(/\\+$/, ''));
    // Text glued to the closing quote (`""secret`, `":"secret"`): the parser may read the line otherwise than it looks.
    const after = v.slice(quoted[0].length + 1);
    if (after && !/^[\s,}\]]/.test(after)) addPlain(index, /^[^,}\]]*/.exec(after)![0].trim());
    return;
  }
  if (v[0] === '[' || v[0] === '{') {
    const close = v.indexOf(v[0] === '[' ? ']' : '}');
    for (const part of v.slice(1, close < 0 ? undefined : close).split(',')) addPlain(index, part.trim().replace(/^["']+|["']+$/g, ''));
    return;
  }
  addPlain(index, /^[^,}\]]*/.exec(v)![0].trim());
}

/** A plain value, and its key part when it reads `key: value` (a password written as a mapping key). */
function addPlain(index: SecretIndex, v: string): void {
  index.add(v);
  const colon = v.indexOf(': ');
  if (colon > 0) index.add(v.slice(0, colon).replace(/^["']+|["']+$/g, ''));
}

function lineEnd(text: string, from: number, limit = Infinity): number {
  let i = from;
  const stop = Math.min(text.length, limit);
  while (i < stop && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

function nextLine(text: string, eol: number): number {
  return text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
}

function indentAt(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let i = start;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i - start;
}

/** A JSON path with secret keys masked (it is shown as a JSON pointer in JSON and SARIF output). */
function scrubPath(path: JsonPath, secrets: SecretIndex): JsonPath {
  return path.some((seg) => typeof seg === 'string' && secrets.contains(seg)) ? path.map((seg) => (typeof seg === 'string' ? secrets.scrub(seg) : seg)) : path;
}

/**
 * A diagnostic as it may leave the engine: every range clamped to the text ({@link SourceText.clamp}) and recomputed
 * from its span, every text (message, related messages, fix title) with the secrets masked, and a fix whose new
 * text would write a secret dropped (it cannot be shown, and a masked edit would break the file). Paths are masked
 * too: a password written as a mapping key would otherwise show in JSON pointers.
 */
export function settleDiagnostic(d: Diagnostic, source: SourceText, secrets: SecretIndex): Diagnostic {
  const place = (span: Span) => {
    const s = source.clamp(span);
    return { span: s, range: source.rangeOf(s) };
  };
  const here = place(d.span);
  const out: Diagnostic = {
    ...d,
    ...here,
    message: secrets.scrub(d.message),
    path: scrubPath(d.path, secrets),
    // A location in another file (an inventory) keeps its own range.
    related: d.related.map((r) => {
      const out = { ...r };
      if (!r.file) {
        const s = source.clamp(r.span);
        out.span = s;
        out.range = source.rangeOf(s);
      }
      if (r.path) out.path = scrubPath(r.path, secrets);
      out.message = secrets.scrub(r.message);
      return out;
    }),
  };
  if (d.suppressions?.some((s) => s.justification && secrets.contains(s.justification))) {
    out.suppressions = d.suppressions.map((s) => (s.justification ? { ...s, justification: secrets.scrub(s.justification) } : s));
  }
  if (d.fix) {
    if (d.fix.edits.some((e) => secrets.contains(e.newText))) delete out.fix;
    else out.fix = { ...d.fix, title: secrets.scrub(d.fix.title), edits: d.fix.edits.map((e) => ({ ...source.clamp(e), newText: e.newText })) };
  }
  return out;
}
