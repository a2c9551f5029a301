import { INVALID, type JsonObject, type JsonValue } from './model.js';

/** A JSON object (not an array, not null, not an unreadable value). */
export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isString(v: JsonValue | undefined): v is string {
  return typeof v === 'string';
}

/**
 * The memos of the file being linted (see {@link withLintScope}): per memoised function, its results by key. Set only
 * while the engine lints one file, synchronously.
 */
let lintScope: Map<unknown, Map<object, unknown>> | undefined;

/**
 * Runs `lint` with memos of its own: what {@link oncePer} functions compute during it is kept for that run only and
 * dropped with it. A WeakMap entry would keep a file's derived data alive until the next full garbage collection
 * (young-generation collections keep the values of weak maps alive), so in a run of thousands of files every file's
 * facts were copied and promoted to the old generation: a fifth of the run spent collecting garbage, and a heap that
 * grew with the run.
 */
export function withLintScope<T>(lint: () => T): T {
  const outer = lintScope;
  lintScope = new Map();
  try {
    return lint();
  } finally {
    lintScope = outer;
  }
}

/**
 * Wraps a function of an object (a parsed file, a document) so that it runs once per object: what is derived from
 * an object that never changes is computed on first use and kept, for the rest of the file's lint when called
 * within {@link withLintScope}, otherwise as long as the object lives. Callers must not modify the result.
 */
export function oncePer<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const memo = new WeakMap<K, T>();
  return (key) => {
    const scope = lintScope;
    if (scope) {
      let results = scope.get(compute) as Map<K, T> | undefined;
      if (!results) scope.set(compute, (results = new Map()));
      else if (results.has(key)) return results.get(key)!;
      const result = compute(key);
      results.set(key, result);
      return result;
    }
    if (memo.has(key)) return memo.get(key)!;
    const result = compute(key);
    memo.set(key, result);
    return result;
  };
}

/**
 * {@link oncePer} for a function of a document's value: several rules ask for the same derived data (node pools,
 * disks, billing scopes), and the typed value of a document never changes. A scalar value is not memoised.
 */
export function oncePerValue<T>(compute: (root: JsonValue | undefined) => T): (root: JsonValue | undefined) => T {
  const once = oncePer<object, T>(compute as (root: object) => T);
  return (root) => (typeof root === 'object' && root !== null ? once(root) : compute(root));
}

/** Longest piece of a user's string that a message quotes; a longer one is cut with "…" (messages stay one line long). */
export const MAX_QUOTED = 80;

/** `s`, cut to {@link MAX_QUOTED} characters with "…" (never inside a surrogate pair). */
export function clip(s: string): string {
  if (s.length <= MAX_QUOTED) return s;
  let end = MAX_QUOTED - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/**
 * A value as it reads in a message: strings quoted (and clipped), numbers and booleans as written, collections and
 * unreadable values described. Never coerces an object to a string, whatever shape the value has.
 */
export function showValue(v: JsonValue | undefined): string {
  if (typeof v === 'string') return JSON.stringify(clip(v));
  return valueText(v);
}

/** Like {@link showValue}, but a string reads as itself, unquoted (e.g. "cluster_type is Kubernetes"). */
export function valueText(v: JsonValue | undefined): string {
  if (v === undefined) return '(missing)';
  if (typeof v === 'string') return clip(v);
  if (v === INVALID) return '(unreadable)';
  if (Array.isArray(v)) return 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  return String(v);
}

/**
 * A count with thousands separators, as `toLocaleString('en-US')` writes it ("8,192"), without asking ICU: the first
 * locale-aware call of a process sets up the locale data, about 9 ms, more than the rest of a one-file lint.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  const grouped = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, ',') : digits;
  return n < 0 ? `-${grouped}` : grouped;
}
