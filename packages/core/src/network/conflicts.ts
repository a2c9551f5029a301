import type { Cidr } from '../cidr.js';
import type { ClusterDocument, JsonPath } from '../model.js';
import type { FixSpec } from '../rule.js';
import type { ExternalLocation, Inventory, InventoryCluster, InventoryVSwitch } from './inventory.js';
import type { NetworkPlan, PlanCidr } from './plan.js';
import { firstFreeBlock, privateIPv4Ranges } from './ranges.js';

/** `172.20.0.1/16 (network 172.20.0.0/16)` when host bits are set, so that a message says which range was compared. */
export function showCidr(c: Cidr): string {
  return c.hostBitsSet ? `${c.text} (network ${c.canonical})` : c.text;
}

/**
 * The cluster uses Flannel's pod CIDR: Flannel is the plugin, or no plugin is recognisable and the request has a pod
 * CIDR and no pod vSwitches. With Terway, container_cidr is not used.
 */
export function usesFlannel(plan: NetworkPlan): boolean {
  if (plan.plugin) return plan.plugin.name === 'flannel';
  return plan.podCidrs.length > 0 && plan.podVSwitches.length === 0;
}

/** The cluster uses Terway's pod vSwitches: Terway is the plugin, or none is recognisable and pod vSwitches are given. */
export function usesTerway(plan: NetworkPlan): boolean {
  if (plan.plugin) return plan.plugin.name === 'terway';
  return plan.podVSwitches.length > 0;
}

/** The cluster's VPC: `vpcid`, or else the VPC the inventory places the first known vSwitch of the request in. */
export function clusterVpcId(plan: NetworkPlan, inv: Inventory): string | undefined {
  if (plan.vpcId) return plan.vpcId.id;
  for (const v of [...plan.nodeVSwitches, ...plan.podVSwitches]) {
    const vpc = inv.vpcOfVSwitch(v.id);
    if (vpc) return vpc;
  }
  return undefined;
}

/** A range that is already in use in the VPC, with where it is written. */
export interface Occupied {
  cidr: Cidr;
  kind: 'vpc' | 'secondary' | 'user' | 'vswitch' | 'cluster-pod' | 'cluster-service';
  /** Words for messages, e.g. `the primary CIDR 192.168.0.0/16 of VPC vpc-1`. */
  label: string;
  at: ExternalLocation;
  vswitch?: InventoryVSwitch;
  cluster?: InventoryCluster;
}

/** The VPC's own ranges: primary, secondary and user CIDRs. */
export function vpcRanges(inv: Inventory, vpcId: string): Occupied[] {
  const vpc = inv.vpcs.get(vpcId);
  if (!vpc) return [];
  const out: Occupied[] = [];
  if (vpc.cidr) out.push({ cidr: vpc.cidr, kind: 'vpc', label: `the primary CIDR ${vpc.cidr.text} of VPC ${vpc.id}`, at: vpc.at });
  for (const s of vpc.secondary) out.push({ cidr: s.cidr, kind: 'secondary', label: `the secondary CIDR ${s.cidr.text} of VPC ${vpc.id}`, at: s.at });
  for (const s of vpc.userCidrs) out.push({ cidr: s.cidr, kind: 'user', label: `the user CIDR ${s.cidr.text} of VPC ${vpc.id}`, at: s.at });
  return out;
}

/** The vSwitches of the VPC, with CIDR blocks. */
export function vswitchRanges(inv: Inventory, vpcId: string): Occupied[] {
  const out: Occupied[] = [];
  for (const v of inv.vswitchesOf(vpcId)) {
    if (v.cidr) out.push({ cidr: v.cidr, kind: 'vswitch', label: `vSwitch ${v.id} (${v.cidr.text}${v.zoneId ? `, ${v.zoneId}` : ''})`, at: v.at, vswitch: v });
  }
  return out;
}

/**
 * The other clusters in the VPC: every inventory cluster with that vpc_id, except one with the same name as the spec
 * (that is the spec's own cluster, already created).
 */
export function otherClusters(plan: NetworkPlan, inv: Inventory, vpcId: string): InventoryCluster[] {
  return inv.clusters.filter((c) => c.vpcId === vpcId && !(plan.clusterName !== undefined && c.name === plan.clusterName));
}

export function clusterRanges(plan: NetworkPlan, inv: Inventory, vpcId: string, withServices: boolean): Occupied[] {
  const out: Occupied[] = [];
  for (const c of otherClusters(plan, inv, vpcId)) {
    const who = `cluster ${c.id}${c.name ? ` (${c.name})` : ''}`;
    for (const p of c.podCidrs) out.push({ cidr: p, kind: 'cluster-pod', label: `the pod CIDR ${p.text} of ${who}`, at: c.at, cluster: c });
    if (withServices) for (const s of c.serviceCidrs) out.push({ cidr: s, kind: 'cluster-service', label: `the Service CIDR ${s.text} of ${who}`, at: c.at, cluster: c });
  }
  return out;
}

/**
 * The first free IPv4 block of the same size as `block` for the pod (`container_cidr`) or Service (`service_cidr`)
 * range: inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (the one holding `block` first), clear of the other field,
 * and, with an inventory, of the VPC's ranges, its vSwitches and the other clusters' pod and Service CIDRs.
 * undefined when none is free or the size is not allowed (a Service CIDR must be /16 to /24).
 */
export function suggestFreeCidr(plan: NetworkPlan, which: 'pod' | 'service', block: Cidr, inv?: Inventory): Cidr | undefined {
  // Several findings (and rules) ask for the same suggestion: compute it once per plan, inventory, field and block.
  let memo = suggestions.get(plan);
  if (!memo || memo.inv !== inv) suggestions.set(plan, (memo = { inv, results: new Map() }));
  const key = `${which}|${block.text}`;
  if (!memo.results.has(key)) memo.results.set(key, computeFreeCidr(plan, which, block, inv));
  return memo.results.get(key);
}

const suggestions = new WeakMap<NetworkPlan, { inv: Inventory | undefined; results: Map<string, Cidr | undefined> }>();

function computeFreeCidr(plan: NetworkPlan, which: 'pod' | 'service', block: Cidr, inv?: Inventory): Cidr | undefined {
  if (block.version !== 4) return undefined;
  if (which === 'service' && (block.prefix < 16 || block.prefix > 24)) return undefined;
  const taken: Cidr[] = [];
  const others = which === 'pod' ? plan.serviceCidrs : plan.podCidrs;
  for (const o of others) taken.push(o.cidr);
  if (inv) {
    const vpcId = clusterVpcId(plan, inv);
    // A VPC whose ranges the inventory does not hold: any block might be inside it, so suggest none.
    if (vpcId && !inv.vpcs.has(vpcId)) return undefined;
    if (vpcId) {
      const vpc = inv.vpcs.get(vpcId)!;
      if (vpc.cidr) taken.push(vpc.cidr);
      for (const x of [...vpc.secondary, ...vpc.userCidrs]) taken.push(x.cidr);
      for (const v of inv.vswitchesOf(vpcId)) if (v.cidr) taken.push(v.cidr);
      for (const c of otherClusters(plan, inv, vpcId)) taken.push(...c.podCidrs, ...c.serviceCidrs);
    }
    for (const v of [...plan.nodeVSwitches, ...plan.podVSwitches]) {
      const c = inv.vswitches.get(v.id)?.cidr;
      if (c) taken.push(c);
    }
  }
  const allowed = privateIPv4Ranges().sort((a, b) => Number(b.first <= block.first && block.last <= b.last) - Number(a.first <= block.first && block.last <= a.last));
  return firstFreeBlock(block.prefix, allowed, taken.filter((c) => c.version === 4));
}

/**
 * A suggested fix that replaces `block` in the CIDR field `path` (keeping the other parts of a dual-stack list) with
 * `free`. Not safe: the person should check the new range against networks acklint does not know (peered VPCs, IDCs).
 */
export function replaceCidrFix(doc: ClusterDocument, path: JsonPath, block: Cidr, free: Cidr): FixSpec | undefined {
  const value = doc.get(path);
  if (typeof value !== 'string') return undefined;
  const parts = value.split(',');
  const i = parts.findIndex((p) => p.trim() === block.text);
  if (i < 0) return undefined;
  parts[i] = parts[i]!.replace(block.text, free.text);
  return {
    title: `Use the free block ${free.text}`,
    safe: false,
    edits: [{ target: { path }, newText: doc.stringLiteral(path, parts.join(',')) }],
  };
}

/**
 * The sentence that offers `free`: "The first free /20 is …" when an inventory was compared, else a plainer claim
 * (only the other field was avoided).
 */
export function freeBlockSentence(free: Cidr | undefined, inv: Inventory | undefined, other: 'pod' | 'service'): string {
  if (!free) return '';
  return inv
    ? ` The first free /${free.prefix} is ${free.text}.`
    : ` Suggested: ${free.text} (clear of the ${other === 'pod' ? 'pod' : 'Service'} CIDR; --inventory also checks the VPC).`;
}

/** The field name of a plan CIDR, for messages. */
export function fieldOf(p: PlanCidr): string {
  return p.path.join('.');
}
