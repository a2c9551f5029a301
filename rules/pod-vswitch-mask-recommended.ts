import { defineRule, formatCount, networkPlanOf, usesTerway } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'pod-vswitch-mask-recommended',
    defaultSeverity: 'info',
    category: 'network',
    description: 'A Terway pod vSwitch is smaller than the recommended /19 (needs --inventory).',
    details:
      'ACK recommends pod vSwitches with a mask of /19 or shorter (8,192 addresses) so that a Terway cluster does not run out of pod addresses as it grows; /20 to /25 is accepted but limits the pods the cluster can run. With --inventory (saved DescribeVSwitches output) acklint reads each pod vSwitch\'s CIDR block. Masks longer than /25 are reported by pod-vswitch-mask instead.',
    fact: {
      text: 'Terway pod vSwitches: a mask of /19 or shorter is recommended (/25 at most).',
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
      if (!sw?.cidr || sw.cidr.version !== 4 || sw.cidr.prefix <= 19 || sw.cidr.prefix > 25) continue;
      ctx.report({
        message: `Pod vSwitch ${ref.id} is ${sw.cidr.text} (${formatCount(2 ** (32 - sw.cidr.prefix))} addresses); a /19 or larger pod vSwitch (8,192 addresses) is recommended so that the cluster does not run out of pod addresses.`,
        at: { path: ref.path },
        related: [{ external: sw.at, message: `vSwitch ${ref.id}: ${sw.cidr.text}` }],
      });
    }
  },
});
