import type { JsonObject, JsonValue } from './model.js';

/** A JSON object (not an array, not null, not an unreadable value). */
export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isString(v: JsonValue | undefined): v is string {
  return typeof v === 'string';
}
