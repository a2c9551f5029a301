/** The network model: a spec's address plan, the cloud inventory it is compared with, and range arithmetic. */
export {
  DEFAULT_NODE_CIDR_MASK,
  DEFAULT_ROUTE_TABLE_QUOTA,
  cidrBlocks,
  extractNetworkPlan,
  intOf,
  networkPlanOf,
  type NetworkPlan,
  type NodePoolSize,
  type PlanCidr,
  type VSwitchRef,
} from './plan.js';
export {
  Inventory,
  InventoryError,
  loadInventory,
  parseInventory,
  type ExternalLocation,
  type InventoryCluster,
  type InventoryFile,
  type InventoryAddon,
  type InventoryKind,
  type InventoryVSwitch,
  type InventoryVpc,
} from './inventory.js';
export { formatIPv4, ipv4Block } from '../cidr.js';
export { PRIVATE_IPV4_TEXT, firstFreeBlock, isPrivateIPv4, mergeIntervals, overlapPairs, privateIPv4Ranges, type Interval } from './ranges.js';
export {
  clusterRanges,
  clusterVpcId,
  fieldOf,
  freeBlockSentence,
  otherClusters,
  replaceCidrFix,
  showCidr,
  suggestFreeCidr,
  usesFlannel,
  usesTerway,
  vpcRanges,
  vswitchRanges,
  type Occupied,
} from './conflicts.js';
export type { ReportRelated } from '../rule.js';
export { buildAddressPlan, type AddressPlan } from './address-plan.js';
export { planEntries, renderPlanReport, type PlanEntry } from './plan-report.js';
