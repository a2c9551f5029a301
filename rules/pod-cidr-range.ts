import { defineRule, isPrivateIPv4, networkPlanOf, showCidr, usesTerway } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'pod-cidr-range',
    defaultSeverity: 'error',
    category: 'network',
    description: 'The pod CIDR (container_cidr) is not inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.',
    details:
      'With Flannel every pod address comes out of container_cidr, and ACK accepts only a private range for it: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or a block inside one of them. Anything else (a public range, 100.64.0.0/10, a block that straddles two ranges) is refused. The pod CIDR cannot be changed later, so choose a private block that is also clear of the VPC, its vSwitches and the other clusters in the VPC, for example 172.20.0.0/16.',
    fact: {
      text: 'container_cidr must be inside 10.0.0.0/8, 172.16-31.0.0/12-16 or 192.168.0.0/16, or a subnet of these.',
      source: 'CreateCluster API reference, "container_cidr"; ack-facts.md §5 (GO, TS)',
    },
    tags: ['network', 'cidr', 'flannel', 'immutable'],
  },
  check(ctx) {
    const plan = networkPlanOf(ctx.document);
    // Terway gives pods addresses from pod vSwitches; container_cidr is not used.
    if (usesTerway(plan)) return;
    for (const p of plan.podCidrs) {
      if (p.cidr.version !== 4 || isPrivateIPv4(p.cidr)) continue;
      ctx.report({
        message: `Pod CIDR ${showCidr(p.cidr)} is not a private range: container_cidr must lie inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (for example 172.20.0.0/16).`,
        at: { path: p.path },
      });
    }
  },
});
