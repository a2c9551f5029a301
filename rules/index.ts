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
// Network analysis (issue 5): ranges, capacity, and checks against a VPC inventory
import cidrHostBits from './cidr-host-bits.js';
import cidrVpcOverlap from './cidr-vpc-overlap.js';
import flannelNodeCapacity from './flannel-node-capacity.js';
import flannelRouteQuota from './flannel-route-quota.js';
import inventoryUnknownId from './inventory-unknown-id.js';
import nodeCidrMaskFit from './node-cidr-mask-fit.js';
import otherClusterCidrOverlap from './other-cluster-cidr-overlap.js';
import podCidrRange from './pod-cidr-range.js';
import podVswitchCapacity from './pod-vswitch-capacity.js';
import podVswitchMask from './pod-vswitch-mask.js';
import podVswitchMaskRecommended from './pod-vswitch-mask-recommended.js';
import podVswitchShared from './pod-vswitch-shared.js';
import podVswitchZone from './pod-vswitch-zone.js';
import serviceCidrRange from './service-cidr-range.js';
import vswitchVpcMismatch from './vswitch-vpc-mismatch.js';

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
  // Network analysis (issue 5)
  podCidrRange,
  serviceCidrRange,
  cidrHostBits,
  nodeCidrMaskFit,
  flannelNodeCapacity,
  flannelRouteQuota,
  cidrVpcOverlap,
  otherClusterCidrOverlap,
  vswitchVpcMismatch,
  podVswitchMask,
  podVswitchMaskRecommended,
  podVswitchZone,
  podVswitchShared,
  podVswitchCapacity,
  inventoryUnknownId,
];
