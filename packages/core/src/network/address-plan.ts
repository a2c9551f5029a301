import type { ClusterDocument } from '../model.js';
import { formatPath } from '../path.js';
import { clusterVpcId, otherClusters, usesFlannel, usesTerway } from './conflicts.js';
import type { Inventory } from './inventory.js';
import { networkPlanOf } from './plan.js';

/**
 * The address plan of one CreateCluster body, as plain data (what `acklint plan --format json` prints): the VPC and
 * its vSwitches as the inventory knows them, the pod and Service ranges with their sizes, the node pools and the
 * headroom between them, and the other clusters of the VPC.
 */
export interface AddressPlan {
  name?: string;
  plugin: 'flannel' | 'terway' | 'unknown';
  vpc?: { id: string; inInventory: boolean; cidr?: string; secondaryCidrs: string[]; userCidrs: string[]; regionId?: string };
  vswitches: Array<{ id: string; inInventory: boolean; usedAs: string[]; zone?: string; cidr?: string; addresses?: number; freeIps?: number; vpcId?: string }>;
  pods: {
    /** container_cidr blocks (Flannel). */
    cidrs: string[];
    /** Addresses in the IPv4 pod blocks (Flannel), or in the pod vSwitches (Terway). */
    addresses?: number;
    /** Flannel: node_cidr_mask and where it comes from. */
    nodeCidrMask?: { value: number; source: 'set' | 'default' };
    /** Flannel: 2^(32 - mask). */
    podsPerNode?: number;
    /** Flannel: 2^(mask - pod prefix), for the first IPv4 pod block. */
    maxNodes?: number;
    /** Terway: pod vSwitch IDs and their free IPs (when every one is known). */
    podVSwitches?: string[];
    freeIps?: number;
    /** Terway: the pods the node pools can run at full size (maxPods, or 110, per node). */
    reachablePods?: number;
  };
  services: { cidrs: string[]; serviceIps?: number; defaulted: boolean };
  nodePools: Array<{ name: string; path: string; nodes: number; maxPods?: number }>;
  totalNodes: number;
  /** Flannel: maxNodes - totalNodes; Terway: free pod IPs - the pods the pools can run (110 per node without maxPods). */
  headroom?: { value: number; unit: 'nodes' | 'pod IPs' };
  otherClusters: Array<{ id: string; name?: string; podCidrs: string[]; serviceCidrs: string[] }>;
}

const DEFAULT_SERVICE_CIDR = '172.19.0.0/20';
const KUBELET_DEFAULT_MAX_PODS = 110;

export function buildAddressPlan(doc: ClusterDocument, inv?: Inventory): AddressPlan {
  const plan = networkPlanOf(doc);
  const flannel = usesFlannel(plan);
  const terway = !flannel && usesTerway(plan);
  const out: AddressPlan = {
    plugin: flannel ? 'flannel' : terway ? 'terway' : 'unknown',
    vswitches: [],
    pods: { cidrs: plan.podCidrs.map((p) => p.cidr.text) },
    services: plan.serviceCidrs.length ? { cidrs: plan.serviceCidrs.map((s) => s.cidr.text), defaulted: false } : { cidrs: [DEFAULT_SERVICE_CIDR], defaulted: true },
    nodePools: plan.nodePools.map((n) => ({ name: n.name ?? formatPath(n.path), path: formatPath(n.sizePath), nodes: n.nodes, ...(n.maxPods !== undefined ? { maxPods: n.maxPods } : {}) })),
    totalNodes: plan.totalNodes,
    otherClusters: [],
  };
  if (plan.clusterName !== undefined) out.name = plan.clusterName;

  const vpcId = inv ? clusterVpcId(plan, inv) : plan.vpcId?.id;
  if (vpcId) {
    const vpc = inv?.vpcs.get(vpcId);
    out.vpc = {
      id: vpcId,
      inInventory: Boolean(vpc),
      ...(vpc?.cidr ? { cidr: vpc.cidr.text } : {}),
      secondaryCidrs: vpc?.secondary.map((s) => s.cidr.text) ?? [],
      userCidrs: vpc?.userCidrs.map((s) => s.cidr.text) ?? [],
      ...(vpc?.regionId ? { regionId: vpc.regionId } : {}),
    };
  }

  // Every vSwitch the request names, in order of first use, with what it is used for.
  const roles = new Map<string, string[]>();
  const role = (id: string, what: string) => {
    const list = roles.get(id) ?? [];
    if (!list.includes(what)) list.push(what);
    roles.set(id, list);
  };
  for (const v of plan.nodeVSwitches) {
    const pool = v.field === 'nodepools' ? plan.nodePools.find((n) => n.path[1] === v.path[1])?.name ?? `nodepools[${String(v.path[1])}]` : undefined;
    role(v.id, v.field === 'vswitch_ids' ? 'cluster' : v.field === 'worker_vswitch_ids' ? 'workers' : `pool ${pool}`);
  }
  for (const v of plan.podVSwitches) role(v.id, 'pods');
  for (const [id, usedAs] of roles) {
    const sw = inv?.vswitches.get(id);
    out.vswitches.push({
      id,
      inInventory: Boolean(sw),
      usedAs,
      ...(sw?.zoneId ? { zone: sw.zoneId } : {}),
      ...(sw?.cidr ? { cidr: sw.cidr.text, addresses: sw.cidr.version === 4 ? 2 ** (32 - sw.cidr.prefix) : undefined } : {}),
      ...(sw?.available !== undefined ? { freeIps: sw.available } : {}),
      ...(sw?.vpcId ? { vpcId: sw.vpcId } : {}),
    });
  }

  const v4 = plan.podCidrs.filter((p) => p.cidr.version === 4);
  if (flannel) {
    if (v4.length) out.pods.addresses = v4.reduce((n, p) => n + 2 ** (32 - p.cidr.prefix), 0);
    const mask = plan.nodeCidrMask;
    if (mask) {
      out.pods.nodeCidrMask = { value: mask.value, source: mask.explicit ? 'set' : 'default' };
      if (mask.value >= 0 && mask.value <= 32) out.pods.podsPerNode = 2 ** (32 - mask.value);
      const first = v4[0];
      if (first && mask.value >= first.cidr.prefix && mask.value <= 32) {
        out.pods.maxNodes = 2 ** (mask.value - first.cidr.prefix);
        out.headroom = { value: out.pods.maxNodes - plan.totalNodes, unit: 'nodes' };
      }
    }
  } else if (terway) {
    const ids = [...new Set(plan.podVSwitches.map((p) => p.id))];
    out.pods.podVSwitches = ids;
    const known = ids.map((id) => inv?.vswitches.get(id));
    if (known.length && known.every((s) => s?.cidr)) out.pods.addresses = known.reduce((n, s) => n + (s!.cidr!.version === 4 ? 2 ** (32 - s!.cidr!.prefix) : 0), 0);
    if (known.length && known.every((s) => s?.available !== undefined)) {
      out.pods.freeIps = known.reduce((n, s) => n + s!.available!, 0);
      const pods = plan.nodePools.reduce((n, p) => n + p.nodes * (p.maxPods ?? KUBELET_DEFAULT_MAX_PODS), 0);
      out.pods.reachablePods = pods;
      out.headroom = { value: out.pods.freeIps - pods, unit: 'pod IPs' };
    }
  }

  const svc4 = plan.serviceCidrs.filter((s) => s.cidr.version === 4);
  if (svc4.length) out.services.serviceIps = svc4.reduce((n, s) => n + 2 ** (32 - s.cidr.prefix), 0);
  else if (out.services.defaulted) out.services.serviceIps = 4096;

  if (inv && vpcId) {
    for (const c of otherClusters(plan, inv, vpcId)) {
      out.otherClusters.push({ id: c.id, ...(c.name ? { name: c.name } : {}), podCidrs: c.podCidrs.map((x) => x.text), serviceCidrs: c.serviceCidrs.map((x) => x.text) });
    }
  }
  return out;
}
