/**
 * The built-in rules, in the order they run (which does not affect output order: diagnostics are sorted by
 * position). Each rule is one file beside this one, with `<id>.md` docs and fixtures under `fixtures/<id>/`.
 */
import type { Rule } from '@acklint/core';
import clusterNameFormat from './cluster-name-format.js';
// Schema (issue 3)
import invalidType from './invalid-type.js';
import invalidValue from './invalid-value.js';
import unknownField from './unknown-field.js';
import missingField from './missing-field.js';
import deprecatedField from './deprecated-field.js';
import placeholderValue from './placeholder-value.js';
import duplicateKey from './duplicate-key.js';
import encryptionKeyRequiresPro from './encryption-key-requires-pro.js';
import inputLimit from './input-limit.js';
import loginCredentials from './login-credentials.js';
import podServiceCidrOverlap from './pod-service-cidr-overlap.js';
import prepaidPeriod from './prepaid-period.js';
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
  // Schema: every field of the request
  invalidType,
  invalidValue,
  unknownField,
  missingField,
  deprecatedField,
  placeholderValue,
  // Domain rules
  podServiceCidrOverlap,
  prepaidPeriod,
  encryptionKeyRequiresPro,
  clusterNameFormat,
  loginCredentials,
];
