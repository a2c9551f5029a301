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
// Cluster-level checks, addons and security best practice (rules-c)
import addonConfigJson from './addon-config-json.js';
import auditLogDisabled from './audit-log-disabled.js';
import autoUpgradeNeedsMaintenanceWindow from './auto-upgrade-needs-maintenance-window.js';
import cloudMonitorDisabled from './cloud-monitor-disabled.js';
import clusterSpecNotPro from './cluster-spec-not-pro.js';
import controlplaneLogConfig from './controlplane-log-config.js';
import dashboardAddon from './dashboard-addon.js';
import deletionProtectionDisabled from './deletion-protection-disabled.js';
import diskEncryptionDisabled from './disk-encryption-disabled.js';
import duplicateAddon from './duplicate-addon.js';
import loadBalancersConfigOverride from './load-balancers-config-override.js';
import logAddonMissing from './log-addon-missing.js';
import nodeHardeningDisabled from './node-hardening-disabled.js';
import nodeZonesFewerThan3 from './node-zones-fewer-than-3.js';
import nodepoolAutoRepairDisabled from './nodepool-auto-repair-disabled.js';
import publicApiEndpoint from './public-api-endpoint.js';
import rrsaDisabled from './rrsa-disabled.js';
import secretsEncryptionDisabled from './secrets-encryption-disabled.js';
import securityGroupConflict from './security-group-conflict.js';
import terwayBasicSecurityGroup from './terway-basic-security-group.js';
import terwayNetworkPolicyDisabled from './terway-network-policy-disabled.js';
import unknownAddon from './unknown-addon.js';

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
  // Cluster level and addons (rules-c)
  securityGroupConflict,
  autoUpgradeNeedsMaintenanceWindow,
  controlplaneLogConfig,
  loadBalancersConfigOverride,
  addonConfigJson,
  unknownAddon,
  duplicateAddon,
  terwayBasicSecurityGroup,
  // Security best practice (rules-c)
  publicApiEndpoint,
  rrsaDisabled,
  secretsEncryptionDisabled,
  logAddonMissing,
  auditLogDisabled,
  deletionProtectionDisabled,
  nodeZonesFewerThan3,
  nodepoolAutoRepairDisabled,
  terwayNetworkPolicyDisabled,
  diskEncryptionDisabled,
  cloudMonitorDisabled,
  dashboardAddon,
  clusterSpecNotPro,
  nodeHardeningDisabled,
];
