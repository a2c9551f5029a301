import { defineRule, networkPlanOf, usesFlannel, type ReportRelated } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'node-cidr-mask-fit',
    defaultSeverity: 'error',
    category: 'network',
    description: 'node_cidr_mask is outside 24..28, or the per-node block is not smaller than the pod CIDR.',
    details:
      'With Flannel, ACK cuts the pod CIDR into one block per node; node_cidr_mask is the prefix length of those blocks, so each node gets 2^(32 - mask) pod addresses: 256 for 24, 128 for 25, 64 for 26, 32 for 27, 16 for 28. ACK offers masks 24 to 28. The per-node block must come out of the pod CIDR, so the mask must be longer than the pod CIDR\'s prefix: a /24 per node cannot come out of a /26 pod range, and a mask equal to the pod prefix leaves room for a single node. When node_cidr_mask is absent, the reference page\'s default 25 is used.',
    fact: {
      text: 'node_cidr_mask sets the per-node pod block of Flannel, 2^(32 - mask) addresses; allowed 24..28; the pod CIDR prefix must be shorter than the mask. Default 25 (reference page; the Go SDK says 26, Terraform 24).',
      source: 'CreateCluster API reference, "node_cidr_mask"; ack-facts.md §3.8, §5 (FLANNEL, TFM, HA-ZH)',
    },
    tags: ['network', 'cidr', 'flannel', 'capacity'],
  },
  check(ctx) {
    const plan = networkPlanOf(ctx.document);
    const mask = plan.nodeCidrMask;
    if (!mask || !usesFlannel(plan)) return;
    if (mask.explicit && (mask.value < 24 || mask.value > 28)) {
      ctx.report({
        message: `node_cidr_mask ${mask.value} is outside the range ACK offers, 24 to 28 (256 down to 16 pod addresses per node).`,
        at: { path: mask.path },
      });
      return;
    }
    for (const p of plan.podCidrs) {
      if (p.cidr.version !== 4 || p.cidr.prefix < mask.value) continue;
      const related: ReportRelated[] = [{ path: p.path, message: `Pod CIDR ${p.cidr.text}` }];
      const which = mask.explicit ? `node_cidr_mask ${mask.value}` : `The default node_cidr_mask ${mask.value} (the field is not set)`;
      const what =
        p.cidr.prefix === mask.value
          ? `makes each node's pod block as large as the whole pod CIDR ${p.cidr.text}, so the cluster can hold only one node`
          : `asks for a /${mask.value} pod block per node, which cannot come out of the smaller pod CIDR ${p.cidr.text}`;
      ctx.report({
        message: `${which} ${what}. Use a larger container_cidr (for example a /16) or a mask longer than ${p.cidr.prefix}.`,
        at: mask.explicit ? { path: mask.path } : { path: p.path },
        ...(mask.explicit ? { related } : {}),
      });
    }
  },
});
