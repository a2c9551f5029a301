import {
  cidrContains,
  clusterVpcId,
  defineRule,
  freeBlockSentence,
  networkPlanOf,
  overlapPairs,
  replaceCidrFix,
  showCidr,
  suggestFreeCidr,
  usesTerway,
  vpcRanges,
  vswitchRanges,
  type Occupied,
  type PlanCidr,
} from '@acklint/core';

/** How many overlapping vSwitches a finding points at (the message gives the count of the rest). */
const MAX_LISTED = 3;

interface Field {
  p: PlanCidr;
  which: 'pod' | 'service';
}

export default defineRule({
  meta: {
    id: 'cidr-vpc-overlap',
    defaultSeverity: 'error',
    category: 'network',
    description: 'The pod or Service CIDR overlaps the VPC (primary, secondary or user CIDR) or one of its vSwitches (needs --inventory).',
    details:
      'Pod and Service addresses must not be VPC addresses: if container_cidr or service_cidr shares addresses with the VPC\'s primary or secondary CIDR blocks or with any vSwitch, packets meant for ECS instances, load balancers or pods on vSwitches are routed to the wrong place, and ACK refuses such a request. With --inventory (saved DescribeVpcs and DescribeVSwitches output) acklint compares both ranges with every range of the cluster\'s VPC (vpcid, or the VPC of the request\'s vSwitches) and suggests the first free block of the same size. With Terway, container_cidr is not used and only service_cidr is compared; its overlap with the pod vSwitches is reported here too.',
    fact: {
      text: 'container_cidr and service_cidr must not overlap the VPC CIDR, the vSwitch CIDRs or the pod vSwitch CIDRs; neither can be changed after creation.',
      source: 'CreateCluster API reference, "container_cidr" and "service_cidr"; ack-facts.md §3.7 (PLAN21, GO), §5',
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
    const fields: Field[] = [
      ...(usesTerway(plan) ? [] : plan.podCidrs.map((p) => ({ p, which: 'pod' as const }))),
      ...plan.serviceCidrs.map((p) => ({ p, which: 'service' as const })),
    ].filter((f) => f.p.cidr.version === 4);
    if (!fields.length) return;
    const asInterval = <T>(c: { first: bigint; last: bigint }, item: T) => ({ first: c.first, last: c.last, item });
    const queries = fields.map((f) => asInterval(f.p.cidr, f));
    const vpcHits = overlapPairs(queries, vpcRanges(inv, vpcId).filter((o) => o.cidr.version === 4).map((o) => asInterval(o.cidr, o)));
    const swHits = overlapPairs(queries, vswitchRanges(inv, vpcId).map((o) => asInterval(o.cidr, o)));

    for (const f of fields) {
      const name = f.which === 'pod' ? 'Pod CIDR' : 'Service CIDR';
      const why = `${f.which === 'pod' ? 'pod' : 'Service'} addresses must lie outside the VPC's ranges, and ${f.p.path.join('.')} cannot be changed after the cluster is created`;
      const free = suggestFreeCidr(plan, f.which, f.p.cidr, inv);
      const tail = freeBlockSentence(free, inv, f.which === 'pod' ? 'service' : 'pod');
      const fix = free && replaceCidrFix(doc, f.p.path, f.p.cidr, free);
      const vpcs = vpcHits.filter(([q]) => q === f).map(([, o]) => o);
      const sws = swHits.filter(([q]) => q === f).map(([, o]) => o);
      const covered = new Set<Occupied>();
      for (const v of vpcs) {
        const inside = sws.filter((s) => cidrContains(v.cidr, s.cidr));
        for (const s of inside) covered.add(s);
        const listed = inside.slice(0, MAX_LISTED);
        const more = inside.length - listed.length;
        const including = inside.length
          ? ` (and vSwitch${inside.length === 1 ? '' : 'es'} ${listed.map((s) => s.vswitch!.id).join(', ')}${more ? ` and ${more} more` : ''} in it)`
          : '';
        ctx.report({
          message: `${name} ${showCidr(f.p.cidr)} overlaps ${v.label}${including}: ${why}.${tail}`,
          at: { path: f.p.path },
          related: [
            { external: v.at, message: v.label.replace(/^the /, 'The ') },
            ...listed.map((s) => ({ external: s.at, message: `${s.label} overlaps ${f.p.cidr.text}` })),
          ],
          ...(fix ? { fix } : {}),
        });
      }
      for (const s of sws) {
        if (covered.has(s)) continue;
        const pod = plan.podVSwitches.some((r) => r.id === s.vswitch!.id) ? 'pod ' : '';
        ctx.report({
          message: `${name} ${showCidr(f.p.cidr)} overlaps ${pod}${s.label}: ${why}.${tail}`,
          at: { path: f.p.path },
          related: [{ external: s.at, message: `${pod ? 'Pod ' : ''}${s.label}` }],
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
