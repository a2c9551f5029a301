import { parseCidr, type Cidr } from '../cidr.js';
import type { ClusterDocument, JsonPath, JsonValue } from '../model.js';
import { oncePer } from '../values.js';

/**
 * The network plan of one CreateCluster body: the fields that decide its addresses, read once per document, each
 * with the JSON path it came from so that rules can point at it. Values of the wrong type are left out (the schema
 * checks report them); CIDR text that does not parse is left out of the block lists.
 */
export interface NetworkPlan {
  /** The network plugin from `addons`, when exactly one is recognisable. */
  plugin?: { name: 'flannel' | 'terway'; addon: string; path: JsonPath };
  /** `container_cidr` blocks (a comma-separated list for dual stack). */
  podCidrs: PlanCidr[];
  /** `service_cidr` blocks. */
  serviceCidrs: PlanCidr[];
  /** `node_cidr_mask` as a number, or the API default when the field is absent; undefined when set but unreadable. */
  nodeCidrMask?: { value: number; path: JsonPath; explicit: boolean };
  vpcId?: { id: string; path: JsonPath };
  /** Node (and control-plane) vSwitches: `vswitch_ids`, `worker_vswitch_ids`, `nodepools[].scaling_group.vswitch_ids`. */
  nodeVSwitches: VSwitchRef[];
  /** `pod_vswitch_ids` (Terway). */
  podVSwitches: VSwitchRef[];
  /** Node pools (and the deprecated `num_of_nodes`) with the most nodes each can reach. */
  nodePools: NodePoolSize[];
  /** Sum of `nodePools[].nodes`. */
  totalNodes: number;
  clusterName?: string;
}

export interface PlanCidr {
  cidr: Cidr;
  path: JsonPath;
}

export interface VSwitchRef {
  id: string;
  path: JsonPath;
  field: 'vswitch_ids' | 'worker_vswitch_ids' | 'nodepools' | 'pod_vswitch_ids';
}

export interface NodePoolSize {
  /** Path of the pool (`['nodepools', 0]`), or `['num_of_nodes']`. */
  path: JsonPath;
  /** Where the size comes from (`max_instances`, `desired_size`, `count` or `num_of_nodes`). */
  sizePath: JsonPath;
  nodes: number;
  name?: string;
  /** `node_config.kubelet_configuration.maxPods`, when set. */
  maxPods?: number;
}

/**
 * `node_cidr_mask` when the request leaves it out. The API reference page gives 25 (the Go SDK text says 26 and
 * Terraform 24; acklint follows the reference page, see ack-facts.md "How to read").
 */
export const DEFAULT_NODE_CIDR_MASK = 25;

/** Flannel adds one VPC route per node; a VPC route table holds this many custom entries by default. */
export const DEFAULT_ROUTE_TABLE_QUOTA = 200;

/** The document's network plan (computed once per document). */
export const networkPlanOf: (doc: ClusterDocument) => NetworkPlan = oncePer(extractNetworkPlan);

/** A whole number from a number or a decimal string ("26"), else undefined. */
export function intOf(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*\d{1,9}\s*$/.test(v)) return Number(v);
  return undefined;
}

/** The blocks of a CIDR field: one, or a comma-separated list (dual stack). Parts that do not parse are left out. */
export function cidrBlocks(value: JsonValue | undefined): Cidr[] {
  if (typeof value !== 'string') return [];
  const out: Cidr[] = [];
  for (const part of value.split(',')) {
    const text = part.trim();
    if (!text) continue;
    const c = parseCidr(text);
    if (c) out.push(c);
  }
  return out;
}

function obj(v: JsonValue | undefined): Record<string, JsonValue> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, JsonValue>) : undefined;
}

function ids(doc: ClusterDocument, path: JsonPath, field: VSwitchRef['field']): VSwitchRef[] {
  return idsIn(doc.get(path), path, field);
}

/** The vSwitch IDs of the list `v` found at `path`. */
function idsIn(v: JsonValue | undefined, path: JsonPath, field: VSwitchRef['field']): VSwitchRef[] {
  if (!Array.isArray(v)) return [];
  const out: VSwitchRef[] = [];
  for (let i = 0; i < v.length; i++) {
    const id = v[i];
    if (typeof id === 'string' && id.trim()) out.push({ id: id.trim(), path: [...path, i], field });
  }
  return out;
}

export function extractNetworkPlan(doc: ClusterDocument): NetworkPlan {
  const plan: NetworkPlan = { podCidrs: [], serviceCidrs: [], nodeVSwitches: [], podVSwitches: [], nodePools: [], totalNodes: 0 };
  const name = doc.get(['name']);
  if (typeof name === 'string') plan.clusterName = name;

  const addons = doc.get(['addons']);
  if (Array.isArray(addons)) {
    const found: NonNullable<NetworkPlan['plugin']>[] = [];
    addons.forEach((a, i) => {
      const n = obj(a)?.['name'];
      if (typeof n !== 'string') return;
      const lower = n.trim().toLowerCase();
      if (lower === 'flannel') found.push({ name: 'flannel', addon: n, path: ['addons', i, 'name'] });
      else if (lower === 'terway' || lower === 'terway-eni' || lower === 'terway-eniip') found.push({ name: 'terway', addon: n, path: ['addons', i, 'name'] });
    });
    if (found.length && found.every((f) => f.name === found[0]!.name)) plan.plugin = found[0];
  }

  for (const c of cidrBlocks(doc.get(['container_cidr']))) plan.podCidrs.push({ cidr: c, path: ['container_cidr'] });
  for (const c of cidrBlocks(doc.get(['service_cidr']))) plan.serviceCidrs.push({ cidr: c, path: ['service_cidr'] });

  if (doc.has(['node_cidr_mask'])) {
    const m = intOf(doc.get(['node_cidr_mask']));
    if (m !== undefined) plan.nodeCidrMask = { value: m, path: ['node_cidr_mask'], explicit: true };
  } else {
    plan.nodeCidrMask = { value: DEFAULT_NODE_CIDR_MASK, path: ['node_cidr_mask'], explicit: false };
  }

  const vpc = doc.get(['vpcid']);
  if (typeof vpc === 'string' && vpc.trim()) plan.vpcId = { id: vpc.trim(), path: ['vpcid'] };

  plan.nodeVSwitches.push(...ids(doc, ['vswitch_ids'], 'vswitch_ids'), ...ids(doc, ['worker_vswitch_ids'], 'worker_vswitch_ids'));
  plan.podVSwitches.push(...ids(doc, ['pod_vswitch_ids'], 'pod_vswitch_ids'));

  const pools = doc.get(['nodepools']);
  if (Array.isArray(pools)) {
    pools.forEach((p, i) => {
      const pool = obj(p);
      if (!pool) return;
      const base: JsonPath = ['nodepools', i];
      const auto = obj(pool['auto_scaling']);
      const sg = obj(pool['scaling_group']);
      for (const ref of idsIn(sg?.['vswitch_ids'], [...base, 'scaling_group', 'vswitch_ids'], 'nodepools')) plan.nodeVSwitches.push(ref);
      let size: { nodes: number; sizePath: JsonPath } | undefined;
      const maxI = intOf(auto?.['max_instances']);
      const desired = intOf(sg?.['desired_size']);
      const count = intOf(pool['count']);
      if (auto?.['enable'] === true && maxI !== undefined) size = { nodes: maxI, sizePath: [...base, 'auto_scaling', 'max_instances'] };
      else if (desired !== undefined) size = { nodes: desired, sizePath: [...base, 'scaling_group', 'desired_size'] };
      else if (count !== undefined) size = { nodes: count, sizePath: [...base, 'count'] };
      if (!size) return;
      const entry: NodePoolSize = { path: base, ...size };
      const poolName = obj(pool['nodepool_info'])?.['name'];
      if (typeof poolName === 'string') entry.name = poolName;
      const maxPods = intOf(obj(obj(pool['node_config'])?.['kubelet_configuration'])?.['maxPods']);
      if (maxPods !== undefined) entry.maxPods = maxPods;
      plan.nodePools.push(entry);
    });
  }
  const legacy = intOf(doc.get(['num_of_nodes']));
  if (legacy !== undefined && legacy > 0) plan.nodePools.push({ path: ['num_of_nodes'], sizePath: ['num_of_nodes'], nodes: legacy });
  plan.totalNodes = plan.nodePools.reduce((n, p) => n + p.nodes, 0);
  return plan;
}
