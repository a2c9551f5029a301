import { clusterRanges, clusterVpcId, defineRule, freeBlockSentence, networkPlanOf, overlapPairs, replaceCidrFix, showCidr, suggestFreeCidr, usesTerway, type PlanCidr } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'other-cluster-cidr-overlap',
    defaultSeverity: 'error',
    category: 'network',
    description: 'The pod or Service CIDR overlaps the pod CIDR of another cluster in the same VPC (needs --inventory).',
    details:
      'Clusters that share a VPC route pod traffic through it, so each cluster\'s pod CIDR must be its own: if this cluster\'s container_cidr or service_cidr overlaps the container_cidr of another cluster in the VPC, addresses become ambiguous and traffic goes to the wrong cluster. Service CIDRs of different clusters may repeat (Services are only reachable inside their cluster), so two equal service_cidr values are fine. With --inventory (saved DescribeClustersV1 output) acklint compares the request with every other cluster whose vpc_id is the cluster\'s VPC; a cluster with the same name as the request is taken to be this cluster, already created, and skipped. The finding suggests the first free block of the same size.',
    fact: {
      text: 'In one VPC, the pod CIDRs of different clusters must not overlap, and pod and Service CIDRs must stay clear of other clusters\' pod CIDRs; Service CIDRs of different clusters may overlap.',
      source: 'ack-facts.md §3.7 and §5 "Multiple clusters in one VPC" (PLAN21, GO)',
    },
    tags: ['network', 'cidr', 'inventory', 'immutable'],
    fixable: true,
  },
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv) return;
    const doc = ctx.document;
    const plan = networkPlanOf(doc);
    const vpcId = clusterVpcId(plan, inv);
    if (!vpcId) return;
    const fields: Array<{ p: PlanCidr; which: 'pod' | 'service' }> = [
      ...(usesTerway(plan) ? [] : plan.podCidrs.map((p) => ({ p, which: 'pod' as const }))),
      ...plan.serviceCidrs.map((p) => ({ p, which: 'service' as const })),
    ];
    const others = clusterRanges(plan, inv, vpcId, false);
    const pairs = overlapPairs(
      fields.map((f) => ({ first: f.p.cidr.first, last: f.p.cidr.last, item: f })),
      others.map((o) => ({ first: o.cidr.first, last: o.cidr.last, item: o })),
    );
    for (const [f, o] of pairs) {
      if (f.p.cidr.version !== o.cidr.version) continue;
      const free = suggestFreeCidr(plan, f.which, f.p.cidr, inv);
      const fix = free && replaceCidrFix(doc, f.p.path, f.p.cidr, free);
      ctx.report({
        message: `${f.which === 'pod' ? 'Pod' : 'Service'} CIDR ${showCidr(f.p.cidr)} overlaps ${o.label} in the same VPC ${vpcId}: ${f.which === 'pod' ? 'the pod CIDRs of clusters in a VPC must not overlap' : "a Service CIDR must stay clear of the other clusters' pod CIDRs"}, and ${f.p.path.join('.')} cannot be changed after the cluster is created.${freeBlockSentence(free, inv, f.which === 'pod' ? 'service' : 'pod')}`,
        at: { path: f.p.path },
        related: [{ external: o.at, message: o.label.replace(/^the /, 'The ') }],
        ...(fix ? { fix } : {}),
      });
    }
  },
});
