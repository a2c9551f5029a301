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

// Rules group A (issue 4 items 1-4): network plugin, billing, edition and cluster type, credentials
import autoModeRequiresPro from './auto-mode-requires-pro.js';
import autoRenewPeriodWithoutAutoRenew from './auto-renew-period-without-auto-renew.js';
import billingFieldsWithoutPrepaid from './billing-fields-without-prepaid.js';
import containerosRequiresKeyPair from './containeros-requires-key-pair.js';
import dedicatedOnlyField from './dedicated-only-field.js';
import dualStackRequiresTerway from './dual-stack-requires-terway.js';
import flannelNeedsPodCidr from './flannel-needs-pod-cidr.js';
import ignoredNetworkField from './ignored-network-field.js';
import managedNodepoolKeyPair from './managed-nodepool-key-pair.js';
import managedOnlyField from './managed-only-field.js';
import masterVswitchCount from './master-vswitch-count.js';
import networkPlugin from './network-plugin.js';
import networkPluginImplicit from './network-plugin-implicit.js';
import nodepoolPeriodUnconfirmed from './nodepool-period-unconfirmed.js';
import plaintextLoginPassword from './plaintext-login-password.js';
import prepaidApiServerLoadBalancer from './prepaid-api-server-load-balancer.js';
import prepaidPeriodRequired from './prepaid-period-required.js';
import serverlessOnlyField from './serverless-only-field.js';
import terwayNeedsPodVswitches from './terway-needs-pod-vswitches.js';
import windowsPasswordLeadingSlash from './windows-password-leading-slash.js';
import zoneIdsIgnored from './zone-ids-ignored.js';
import zoneIdsRequired from './zone-ids-required.js';

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
  // Rules group A (issue 4 items 1-4): network plugin, billing, edition and cluster type, credentials
  networkPlugin,
  networkPluginImplicit,
  flannelNeedsPodCidr,
  terwayNeedsPodVswitches,
  ignoredNetworkField,
  dualStackRequiresTerway,
  prepaidPeriodRequired,
  billingFieldsWithoutPrepaid,
  autoRenewPeriodWithoutAutoRenew,
  nodepoolPeriodUnconfirmed,
  prepaidApiServerLoadBalancer,
  managedOnlyField,
  dedicatedOnlyField,
  serverlessOnlyField,
  autoModeRequiresPro,
  zoneIdsRequired,
  zoneIdsIgnored,
  masterVswitchCount,
  plaintextLoginPassword,
  containerosRequiresKeyPair,
  managedNodepoolKeyPair,
  windowsPasswordLeadingSlash,
];
