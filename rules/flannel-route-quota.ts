import { DEFAULT_ROUTE_TABLE_QUOTA, defineRule, formatCount, formatPath, networkPlanOf, usesFlannel } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'flannel-route-quota',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'A Flannel cluster can grow to more nodes than a VPC route table holds by default (200 entries).',
    details:
      'Flannel routes pod traffic between nodes through the VPC: every node adds one custom route entry (its pod block) to the VPC route table. A route table holds 200 custom entries by default, so a Flannel cluster whose node pools can grow past about 200 nodes (fewer if the table carries other routes) stops getting routes for new nodes. Ask for a larger route-table quota before the cluster grows, or use Terway, which needs no per-node routes.',
    fact: {
      text: 'Each Flannel node adds one VPC route entry; VPC route tables hold 200 custom entries by default.',
      source: 'ack-facts.md §5 (FLANNEL, Japanese version of the page); the node limit is our inference',
    },
    tags: ['network', 'flannel', 'capacity', 'quota'],
  },
  check(ctx) {
    const plan = networkPlanOf(ctx.document);
    if (!usesFlannel(plan) || plan.totalNodes <= DEFAULT_ROUTE_TABLE_QUOTA) return;
    const first = plan.plugin?.path ?? plan.podCidrs[0]?.path;
    if (!first) return;
    ctx.report({
      message: `The node pools can reach ${formatCount(plan.totalNodes)} nodes, and Flannel adds one VPC route per node: more than the ${DEFAULT_ROUTE_TABLE_QUOTA} custom routes a route table holds by default. Raise the VPC route-table quota before the cluster grows, or use Terway.`,
      at: { path: first },
      related: plan.nodePools.map((n) => ({ path: n.sizePath, message: `${n.name ? `Node pool ${n.name}` : formatPath(n.path)}: up to ${n.nodes} nodes` })),
    });
  },
});
