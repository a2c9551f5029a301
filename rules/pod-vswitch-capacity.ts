import { defineRule, formatCount, formatPath, networkPlanOf, usesTerway } from '@acklint/core';

/** The kubelet's default maxPods, used for node pools that set none. */
const KUBELET_DEFAULT_MAX_PODS = 110;

/** 16,100 rather than 16100. */
const n = formatCount;

export default defineRule({
  meta: {
    id: 'pod-vswitch-capacity',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'The Terway pod vSwitches have fewer free IPs than the node pools can run pods (needs --inventory).',
    details:
      'With Terway every pod takes an address from a pod vSwitch. This rule adds up the free addresses (AvailableIpAddressCount from saved DescribeVSwitches output) of the distinct pod vSwitches, and compares them with the pods the node pools can run at full size: for each pool, its largest size (max_instances when auto scaling is enabled, else desired_size or count) times its maxPods (node_config.kubelet_configuration.maxPods, or the kubelet default 110 when not set). When the pools can run more pods than there are free addresses, pods will stay pending once the vSwitches are full. Add pod vSwitches or use larger ones. The estimate is an upper bound: the real per-node limit of Terway also depends on the instance type\'s ENIs.',
    fact: {
      text: 'Every Terway pod takes a pod vSwitch address; max pods per node depends on the ENIs; pod vSwitches of /19 or larger are recommended.',
      source: 'ack-facts.md §5 "Terway" (TERWAY, GO); CreateCluster API reference, "pod_vswitch_ids"',
    },
    tags: ['network', 'terway', 'vswitch', 'inventory', 'capacity'],
  },
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv) return;
    const plan = networkPlanOf(ctx.document);
    if (!usesTerway(plan) || !plan.podVSwitches.length || plan.totalNodes === 0) return;
    let free = 0;
    const seen = new Set<string>();
    for (const ref of plan.podVSwitches) {
      if (seen.has(ref.id)) continue;
      seen.add(ref.id);
      const n = inv.vswitches.get(ref.id)?.available;
      if (n === undefined) return; // unknown free count: no estimate
      free += n;
    }
    let pods = 0;
    let defaulted = false;
    for (const pool of plan.nodePools) {
      pods += pool.nodes * (pool.maxPods ?? KUBELET_DEFAULT_MAX_PODS);
      if (pool.maxPods === undefined) defaulted = true;
    }
    if (pods <= free) return;
    ctx.report({
      message: `The pod vSwitches have ${n(free)} free IP address${free === 1 ? '' : 'es'}, but the node pools can reach ${n(plan.totalNodes)} node${plan.totalNodes === 1 ? '' : 's'} running up to ${n(pods)} pods${defaulted ? ` (${KUBELET_DEFAULT_MAX_PODS} pods per node where no maxPods is set)` : ''}. Add pod vSwitches or use larger ones before the cluster grows.`,
      at: { path: ['pod_vswitch_ids'] },
      related: [
        ...[...seen].map((id) => ({ external: inv.vswitches.get(id)!.at, message: `vSwitch ${id}: ${n(inv.vswitches.get(id)!.available!)} free IPs` })),
        ...plan.nodePools.map((p) => ({ path: p.sizePath, message: `${p.name ? `Node pool ${p.name}` : formatPath(p.path)}: up to ${n(p.nodes)} nodes` })),
      ],
    });
  },
});
