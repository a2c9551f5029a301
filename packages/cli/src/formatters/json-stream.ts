/**
 * JSON written in pieces, byte for byte what `JSON.stringify(value, null, 2)` writes, where arrays wrapped in
 * {@link Lazy} are produced item by item: a report with a million findings is never held as one string or one array.
 */
export class Lazy {
  constructor(readonly items: Iterable<unknown>) {}
}

function holdsLazy(v: unknown): boolean {
  if (v instanceof Lazy) return true;
  if (Array.isArray(v)) return v.some(holdsLazy);
  if (v && typeof v === 'object') return Object.values(v).some(holdsLazy);
  return false;
}

/** The pieces of `value` as JSON with two-space indentation, starting at `indent`. */
export function* streamJson(value: unknown, indent = ''): Generator<string> {
  if (!holdsLazy(value)) {
    yield JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (value instanceof Lazy || Array.isArray(value)) {
    let first = true;
    for (const item of value instanceof Lazy ? value.items : value) {
      yield `${first ? '[' : ','}\n${inner}`;
      yield* streamJson(item === undefined ? null : item, inner);
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [k, v] of Object.entries(value as object)) {
    if (v === undefined || typeof v === 'function') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
    yield* streamJson(v, inner);
    first = false;
  }
  yield first ? '{}' : `\n${indent}}`;
}
