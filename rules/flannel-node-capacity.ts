import { defineRule, formatCount, formatPath, networkPlanOf, usesFlannel, type ReportRelated } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'flannel-node-capacity',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'The pod CIDR has fewer per-node blocks than the node pools can reach.',
    details:
      'With Flannel each node takes a 2^(32 - node_cidr_mask) block of the pod CIDR, so the pod CIDR holds at most 2^(node_cidr_mask - pod prefix) nodes: a /16 with mask 25 holds 512 nodes, with mask 26 1,024. A node that finds no free block cannot run pods. This rule adds up what the node pools can grow to (max_instances when auto scaling is enabled, else desired_size or count, plus the deprecated num_of_nodes) and warns when that is more than the pod CIDR holds. The pod CIDR and the mask cannot be changed later: use a larger pod CIDR or a longer mask (fewer pods per node).',
    fact: {
      text: 'Max nodes = 2^(node_cidr_mask - pod prefix); pods per node = 2^(32 - node_cidr_mask). Warn when the node pools can reach more nodes.',
      source: 'ack-facts.md §5 (FLANNEL, HA-ZH), §3.8; CreateCluster API reference, "node_cidr_mask"',
    },
    tags: ['network', 'cidr', 'flannel', 'capacity'],
  },
  check(ctx) {
    const plan = networkPlanOf(ctx.document);
    const mask = plan.nodeCidrMask;
    if (!mask || !usesFlannel(plan) || mask.value < 0 || mask.value > 32 || plan.totalNodes === 0) return;
    for (const p of plan.podCidrs) {
      if (p.cidr.version !== 4 || p.cidr.prefix >= mask.value) continue; // node-cidr-mask-fit reports that
      const maxNodes = 2 ** (mask.value - p.cidr.prefix);
      if (plan.totalNodes <= maxNodes) continue;
      const related: ReportRelated[] = plan.nodePools.map((n) => ({
        path: n.sizePath,
        message: `${n.name ? `Node pool ${n.name}` : formatPath(n.path)}: up to ${n.nodes} node${n.nodes === 1 ? '' : 's'}`,
      }));
      if (mask.explicit) related.unshift({ path: mask.path, message: `node_cidr_mask ${mask.value}: ${2 ** (32 - mask.value)} pod addresses per node` });
      ctx.report({
        message: `Pod CIDR ${p.cidr.text} with ${mask.explicit ? '' : 'the default '}node_cidr_mask ${mask.value} holds at most ${formatCount(maxNodes)} node${maxNodes === 1 ? '' : 's'} (${2 ** (32 - mask.value)} pod addresses each), but the node pools can reach ${formatCount(plan.totalNodes)}. Use a larger container_cidr or a longer node_cidr_mask; neither can be changed later.`,
        at: { path: p.path },
        related,
      });
    }
  },
});
