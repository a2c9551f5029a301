import { defineRule, networkPlanOf, type VSwitchRef } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'inventory-unknown-id',
    defaultSeverity: 'info',
    category: 'network',
    description: 'The VPC or a vSwitch of the request is not in the given inventory, so the checks that need it were skipped.',
    details:
      'The network checks that compare the request with what exists (overlaps with the VPC and its vSwitches, pod vSwitch size and zones, free IPs) need each VPC and vSwitch the request names to be in the inventory files given with --inventory or the inventory list of the config. An ID that is not there may be a typo, a resource in another region or account, or an inventory saved before the resource was created. Each unknown ID is reported once, at its first use. Save fresh DescribeVpcs / DescribeVSwitches output (all pages) to clear it.',
    fact: {
      text: 'Overlap, zone and capacity checks against existing VPCs and vSwitches need live data (DescribeVpcs, DescribeVSwitches).',
      source: 'ack-facts.md §8 and §3.5-3.7 ("needs context")',
    },
    tags: ['network', 'inventory'],
  },
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv) return;
    const plan = networkPlanOf(ctx.document);
    if (plan.vpcId && inv.has('DescribeVpcs') && !inv.vpcs.has(plan.vpcId.id)) {
      ctx.report({
        message: `VPC ${plan.vpcId.id} is not in the inventory (DescribeVpcs output), so its CIDR blocks were not compared with the pod and Service CIDRs.`,
        at: { path: plan.vpcId.path },
      });
    }
    if (!inv.has('DescribeVSwitches')) return;
    const uses = new Map<string, VSwitchRef[]>();
    for (const ref of [...plan.nodeVSwitches, ...plan.podVSwitches]) {
      if (inv.vswitches.has(ref.id)) continue;
      const list = uses.get(ref.id);
      if (list) list.push(ref);
      else uses.set(ref.id, [ref]);
    }
    for (const [id, refs] of uses) {
      const more = refs.length - 1;
      ctx.report({
        message: `vSwitch ${id} is not in the inventory (DescribeVSwitches output), so its CIDR block, zone and free IPs were not checked${more ? `; it is used ${refs.length} times` : ''}.`,
        at: { path: refs[0]!.path },
        related: refs.slice(1).map((r) => ({ path: r.path, message: `vSwitch ${id} is also used here` })),
      });
    }
  },
});
