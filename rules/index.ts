/**
 * The built-in rules, in the order they run (which does not affect output order: diagnostics are sorted by
 * position). Each rule is one file beside this one, with `<id>.md` docs and fixtures under `fixtures/<id>/`.
 */
import type { Rule } from '@acklint/core';
import duplicateKey from './duplicate-key.js';
import inputLimit from './input-limit.js';
import rootNotObject from './root-not-object.js';
import syntaxError from './syntax-error.js';
import unreadableInput from './unreadable-input.js';
import unsupportedDocument from './unsupported-document.js';

export const builtinRules: readonly Rule[] = [
  // Input: reading the file
  syntaxError,
  duplicateKey,
  inputLimit,
  unreadableInput,
  rootNotObject,
  unsupportedDocument,
  // Domain rules
];
