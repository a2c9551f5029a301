import { defineRule, isPrivateIPv4, networkPlanOf, showCidr } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'service-cidr-range',
    defaultSeverity: 'error',
    category: 'network',
    description: 'The Service CIDR is not a /16 to /24 block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.',
    details:
      'Every ClusterIP Service gets an address from service_cidr. ACK accepts a block of /16 (65,536 addresses) to /24 (256 addresses) inside one of the private ranges 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16. A larger or smaller block, or one outside those ranges, is refused, and the range cannot be changed once the cluster exists. The default is 172.19.0.0/20.',
    fact: {
      text: 'service_cidr must be inside 10.0.0.0/16-24, 172.16-31.0.0/16-24 or 192.168.0.0/16-24.',
      source: 'CreateCluster API reference, "service_cidr"; ack-facts.md §5 (GO, TS, PLAN21)',
    },
    tags: ['network', 'cidr', 'immutable'],
  },
  check(ctx) {
    const plan = networkPlanOf(ctx.document);
    for (const s of plan.serviceCidrs) {
      if (s.cidr.version !== 4) continue;
      const inside = isPrivateIPv4(s.cidr);
      const sized = s.cidr.prefix >= 16 && s.cidr.prefix <= 24;
      if (inside && sized) continue;
      const why = !inside
        ? 'is not a private range: it must lie inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16'
        : `has prefix length /${s.cidr.prefix}, ${s.cidr.prefix < 16 ? 'larger than' : 'smaller than'} ACK allows: use /16 (65,536 Service IPs) to /24 (256)`;
      ctx.report({ message: `Service CIDR ${showCidr(s.cidr)} ${why}; for example 172.21.0.0/20.`, at: { path: s.path } });
    }
  },
});
