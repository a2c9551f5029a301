/**
 * The built-in rules, in the order they run (which does not affect output order: diagnostics are sorted by
 * position). Each rule is one file beside this one, with `<id>.md` docs and fixtures under `fixtures/<id>/`.
 */
import type { Rule } from '@acklint/core';
import clusterNameFormat from './cluster-name-format.js';
import unknownRegion from './unknown-region.js';
// The schema rules
import invalidType from './invalid-type.js';
import invalidValue from './invalid-value.js';
import unknownField from './unknown-field.js';
import missingField from './missing-field.js';
import deprecatedField from './deprecated-field.js';
import placeholderValue from './placeholder-value.js';
import unquotedStringValue from './unquoted-string-value.js';
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
// Versions, node pools and disks
import kubernetesVersionEol from './kubernetes-version-eol.js';
import runtimeVersion from './runtime-version.js';
import featureRequiresVersion from './feature-requires-version.js';
import proxyModeIpvsDeprecated from './proxy-mode-ipvs-deprecated.js';
import osImageVersion from './os-image-version.js';
import pinnedVersionAutoUpgrade from './pinned-version-auto-upgrade.js';
import autoscalingBounds from './autoscaling-bounds.js';
import autoscalingDesiredSize from './autoscaling-desired-size.js';
import autoscalingDisabledFields from './autoscaling-disabled-fields.js';
import spotPriceLimit from './spot-price-limit.js';
import costOptimizedPolicy from './cost-optimized-policy.js';
import nodepoolMixedInstanceOptions from './nodepool-mixed-instance-options.js';
import eipInternetChargeType from './eip-internet-charge-type.js';
import imageTypePlatform from './image-type-platform.js';
import interconnectModeEdge from './interconnect-mode-edge.js';
import nodepoolSecurityGroups from './nodepool-security-groups.js';
import ramRoleName from './ram-role-name.js';
import diskCategoryOptions from './disk-category-options.js';
import diskSizePerformance from './disk-size-performance.js';
import systemDiskSize from './system-disk-size.js';
import systemDiskSizeSmall from './system-disk-size-small.js';
import dataDiskIgnoredFields from './data-disk-ignored-fields.js';

// Network plugin, billing, edition and cluster type, credentials
import autoModeRequiresPro from './auto-mode-requires-pro.js';
import proOnlyField from './pro-only-field.js';
import serverlessWorkerFields from './serverless-worker-fields.js';
import vpcFieldsRequired from './vpc-fields-required.js';
import workerInstanceTypesRequired from './worker-instance-types-required.js';
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
// Network analysis: ranges, capacity, and checks against a VPC inventory
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
// Cluster-level checks, addons and security best practice
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
  // Schema: every field of the request
  invalidType,
  invalidValue,
  unknownField,
  missingField,
  deprecatedField,
  placeholderValue,
  unquotedStringValue,
  // Domain rules
  podServiceCidrOverlap,
  prepaidPeriod,
  encryptionKeyRequiresPro,
  clusterNameFormat,
  unknownRegion,
  loginCredentials,
  // Versions, node pools and disks
  kubernetesVersionEol,
  runtimeVersion,
  featureRequiresVersion,
  proxyModeIpvsDeprecated,
  osImageVersion,
  pinnedVersionAutoUpgrade,
  autoscalingBounds,
  autoscalingDesiredSize,
  autoscalingDisabledFields,
  spotPriceLimit,
  costOptimizedPolicy,
  nodepoolMixedInstanceOptions,
  eipInternetChargeType,
  imageTypePlatform,
  interconnectModeEdge,
  nodepoolSecurityGroups,
  ramRoleName,
  diskCategoryOptions,
  diskSizePerformance,
  systemDiskSize,
  systemDiskSizeSmall,
  dataDiskIgnoredFields,
  // Network plugin, billing, edition and cluster type, credentials
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
  proOnlyField,
  serverlessWorkerFields,
  vpcFieldsRequired,
  workerInstanceTypesRequired,
  zoneIdsRequired,
  zoneIdsIgnored,
  masterVswitchCount,
  plaintextLoginPassword,
  containerosRequiresKeyPair,
  managedNodepoolKeyPair,
  windowsPasswordLeadingSlash,
  // Network analysis
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
  // Cluster level and addons
  securityGroupConflict,
  autoUpgradeNeedsMaintenanceWindow,
  controlplaneLogConfig,
  loadBalancersConfigOverride,
  addonConfigJson,
  unknownAddon,
  duplicateAddon,
  terwayBasicSecurityGroup,
  // Security best practice
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
export { KNOWN_ADDONS } from './data/addon-names.js';
