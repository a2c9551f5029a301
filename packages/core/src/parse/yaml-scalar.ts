import type { ScalarNode } from '../model.js';

/**
 * How the YAML 1.2 core schema reads a plain scalar. Pure, so that both the YAML parser (a bundle of its own, loaded on
 * demand) and the editor's re-parse of an edited scalar (see yaml-edit.ts) read it the same way.
 */

/** Null, booleans, integers (decimal, 0o octal, 0x hex) and floats of the YAML 1.2 core schema, tried in this order. */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A character that no number of the core schema holds (digits, `0o`, `0x`, hex digits, `.inf`, `.nan`, signs, exponents). */
const NOT_NUMERIC = /[^0-9a-fA-F.+\-oxinINaA]/;

/** A plain scalar's value under the core schema. */
export function resolveCorePlain(s: string): string | number | boolean | null {
  if (s.length === 0) return null;
  // The first character decides what the scalar can be, so most strings are told apart without a regular expression.
  const c = s.charCodeAt(0);
  switch (c) {
    case 126: // ~
      return s.length === 1 ? null : s;
    case 110: // n
    case 78: // N
      return NULL.test(s) ? null : s;
    case 116: // t
    case 84: // T
    case 102: // f
    case 70: // F
      return BOOL.test(s) ? c === 116 || c === 84 : s;
  }
  // Numbers start with a digit, a sign or a dot.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) || NOT_NUMERIC.test(s)) return s;
  if (OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.substring(2), 16);
  if (INF_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : c === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** A YAML scalar's node, of the kind its value has (`plain`: written without quotes). */
export function scalarNode(value: string | number | boolean | null, start: number, end: number, plain: boolean): ScalarNode {
  const kind = value === null ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
  return { kind, start, end, value, plain };
}
