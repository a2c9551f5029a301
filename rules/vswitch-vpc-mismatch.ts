import { defineRule, networkPlanOf } from '@acklint/core';

const FIELD_WORDS: Record<string, string> = {
  vswitch_ids: 'vSwitch',
  worker_vswitch_ids: 'Worker vSwitch',
  nodepools: 'Node pool vSwitch',
  pod_vswitch_ids: 'Pod vSwitch',
};

export default defineRule({
  meta: {
    id: 'vswitch-vpc-mismatch',
    defaultSeverity: 'error',
    category: 'network',
    description: 'A vSwitch of the request is in another VPC than vpcid (needs --inventory).',
    details:
      'Every vSwitch a cluster uses (vswitch_ids, worker_vswitch_ids, node-pool vswitch_ids, pod_vswitch_ids) must belong to the cluster\'s VPC, vpcid: ECS instances and ENIs can only attach to vSwitches of their own VPC, so ACK refuses a request that mixes VPCs. With --inventory (saved DescribeVSwitches or DescribeVpcs output) acklint looks up the VPC of each vSwitch and reports the ones in another VPC. Replace them with vSwitches of the cluster\'s VPC, or correct vpcid.',
    fact: {
      text: 'vSwitch CIDRs lie inside their VPC; the cluster\'s vSwitches are those of the VPC given by vpcid.',
      source: 'CreateCluster API reference, "vpcid" and "vswitch_ids"; ack-facts.md §5 (PLAN21)',
    },
    tags: ['network', 'vswitch', 'inventory'],
  },
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv) return;
    const plan = networkPlanOf(ctx.document);
    if (!plan.vpcId) return;
    const want = plan.vpcId.id;
    for (const ref of [...plan.nodeVSwitches, ...plan.podVSwitches]) {
      const vpc = inv.vpcOfVSwitch(ref.id);
      if (!vpc || vpc === want) continue;
      const sw = inv.vswitches.get(ref.id);
      ctx.report({
        message: `${FIELD_WORDS[ref.field]} ${ref.id} is in VPC ${vpc}, not in the cluster's VPC ${want}: every vSwitch of a cluster must belong to vpcid. Use a vSwitch of ${want}, or correct vpcid.`,
        at: { path: ref.path },
        related: [
          { path: plan.vpcId.path, message: `The cluster's VPC: ${want}` },
          ...(sw ? [{ external: sw.at, message: `vSwitch ${ref.id} belongs to ${vpc}` }] : []),
        ],
      });
    }
  },
});
