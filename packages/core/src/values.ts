import type { JsonObject, JsonValue } from './model.js';

/** A JSON object (not an array, not null, not an unreadable value). */
export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isString(v: JsonValue | undefined): v is string {
  return typeof v === 'string';
}

/**
 * Wraps a function of a document's value so that it runs once per value object: several rules ask for the same
 * derived data (node pools, disks, billing scopes), and the typed value of a document never changes. Callers must not
 * modify the result.
 */
export function oncePerValue<T>(compute: (root: JsonValue | undefined) => T): (root: JsonValue | undefined) => T {
  const memo = new WeakMap<object, T>();
  return (root) => {
    if (typeof root !== 'object' || root === null) return compute(root);
    if (memo.has(root)) return memo.get(root)!;
    const result = compute(root);
    memo.set(root, result);
    return result;
  };
}
