import { defineRule, formatCount, networkPlanOf, usesTerway } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'pod-vswitch-mask',
    defaultSeverity: 'error',
    category: 'network',
    description: 'A Terway pod vSwitch has a mask longer than /25 (needs --inventory).',
    details:
      'With Terway every pod takes an address from a pod vSwitch, so the pod vSwitches bound how many pods the cluster can run. ACK requires a pod vSwitch mask of /25 or shorter (at least 128 addresses) and recommends /19 or shorter; a smaller vSwitch runs out of pod addresses and new pods stay pending. With --inventory (saved DescribeVSwitches output) acklint reads each pod vSwitch\'s CIDR block. Create a larger vSwitch in the same zone and use it in pod_vswitch_ids.',
    fact: {
      text: 'Terway pod vSwitches: a mask of /25 or shorter is required, /19 or shorter recommended.',
      source: 'CreateCluster API reference, "pod_vswitch_ids"; ack-facts.md §3.6, §5 (GO, ROSCDK)',
    },
    tags: ['network', 'terway', 'vswitch', 'inventory', 'capacity'],
  },
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv) return;
    const plan = networkPlanOf(ctx.document);
    if (!usesTerway(plan)) return;
    for (const ref of plan.podVSwitches) {
      const sw = inv.vswitches.get(ref.id);
      if (!sw?.cidr || sw.cidr.version !== 4 || sw.cidr.prefix <= 25) continue;
      ctx.report({
        message: `Pod vSwitch ${ref.id} is ${sw.cidr.text} (${formatCount(2 ** (32 - sw.cidr.prefix))} addresses): Terway pod vSwitches need a mask of /25 or shorter, and /19 or shorter is recommended. Use a larger vSwitch in ${sw.zoneId ?? 'the same zone'}.`,
        at: { path: ref.path },
        related: [{ external: sw.at, message: `vSwitch ${ref.id}: ${sw.cidr.text}` }],
      });
    }
  },
});
