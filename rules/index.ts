/**
 * The built-in rules, in the order they run (which does not affect output order: diagnostics are sorted by
 * position). Each rule is one file beside this one, with `<id>.md` docs and fixtures under `fixtures/<id>/`.
 */
import type { Rule } from '@acklint/core';
import clusterNameFormat from './cluster-name-format.js';
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
  // Domain rules
  podServiceCidrOverlap,
  prepaidPeriod,
  encryptionKeyRequiresPro,
  clusterNameFormat,
  loginCredentials,
];
