/**
 * JSON written in pieces, byte for byte what `JSON.stringify(value, null, 2)` writes, where arrays wrapped in
 * {@link Lazy} are produced item by item: a report with a million findings is never held as one string or one array.
 */
export class Lazy {
  constructor(readonly items: Iterable<unknown>) {}
}

/** JSON text written as it is, already indented for where it stands. */
export class Raw {
  constructor(readonly pieces: Iterable<string>) {}
}

function holdsLazy(v: unknown): boolean {
  if (v instanceof Lazy || v instanceof Raw) return true;
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
  if (value instanceof Raw) {
    yield* value.pieces;
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

/**
 * A JSON array written an item at a time, byte for byte what {@link streamJson} writes for the whole array at
 * `indent`: `item` before the first item writes the opening bracket, `end` the closing one.
 */
export function jsonArrayStream(indent = ''): { item(value: unknown): Generator<string>; end(): Generator<string> } {
  let first = true;
  return {
    *item(value: unknown) {
      yield `${first ? '[' : ','}\n${indent}  `;
      first = false;
      yield* streamJson(value === undefined ? null : value, `${indent}  `);
    },
    *end() {
      yield first ? '[]' : `\n${indent}]`;
    },
  };
}
