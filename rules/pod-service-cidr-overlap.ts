import { cidrOverlaps, defineRule, freeBlockSentence, networkPlanOf, replaceCidrFix, showCidr, suggestFreeCidr } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'pod-service-cidr-overlap',
    defaultSeverity: 'error',
    category: 'network',
    description: 'The Service CIDR block overlaps the pod CIDR block.',
    details:
      'Pods take their addresses from container_cidr and Services from service_cidr. If the two ranges share any address, a Service IP can collide with a pod IP and traffic goes to the wrong place, so ACK refuses the request. Both ranges are fixed once the cluster exists, which makes this a mistake to catch before creation. Choose a service_cidr that lies completely outside container_cidr (for example pods 172.20.0.0/16 and Services 172.21.0.0/20). Dual-stack values ("IPv4 block,IPv6 block") are compared element by element, IPv4 with IPv4 and IPv6 with IPv6. The finding suggests the first free Service block of the same size (clear of the pod CIDR and, with --inventory, of the VPC, its vSwitches and the other clusters).',
    fact: {
      text: 'The Service CIDR block must not overlap the pod CIDR block (nor the VPC); pod and Service CIDR blocks cannot be changed after the cluster is created.',
      source: 'CreateCluster API reference, "service_cidr" and "container_cidr"; ack-facts.md §3.7 (PLAN21, DOC21), §5 (NETPLAN)',
    },
    tags: ['network', 'cidr', 'immutable'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const plan = networkPlanOf(doc);
    if (!plan.podCidrs.length) return;
    for (const svc of plan.serviceCidrs) {
      for (const pod of plan.podCidrs) {
        if (!cidrOverlaps(svc.cidr, pod.cidr)) continue;
        const free = suggestFreeCidr(plan, 'service', svc.cidr, ctx.inventory);
        const fix = free && replaceCidrFix(doc, svc.path, svc.cidr, free);
        ctx.report({
          message: `Service CIDR ${showCidr(svc.cidr)} overlaps pod CIDR ${showCidr(pod.cidr)}: Services and pods need separate address ranges, and neither range can be changed after the cluster is created.${freeBlockSentence(free, ctx.inventory, 'pod')}`,
          at: { path: svc.path },
          related: [
            { path: pod.path, message: `Pod CIDR ${pod.cidr.text}` },
            { path: svc.path, message: `Service CIDR ${svc.cidr.text}` },
          ],
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
