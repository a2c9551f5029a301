import { cidrOverlaps, defineRule, parseCidr, type Cidr, type JsonValue } from '@acklint/core';

/** The blocks of a CIDR field: one, or a comma-separated list for dual stack. Unparseable parts are left out. */
function blocks(value: JsonValue | undefined): Cidr[] {
  if (typeof value !== 'string') return [];
  const out: Cidr[] = [];
  for (const part of value.split(',')) {
    const text = part.trim();
    if (!text) continue;
    const cidr = parseCidr(text);
    if (cidr) out.push(cidr);
  }
  return out;
}

/** `172.20.0.1/16 (network 172.20.0.0/16)` when host bits are set, so the message says which range was compared. */
function show(c: Cidr): string {
  return c.hostBitsSet ? `${c.text} (network ${c.canonical})` : c.text;
}

export default defineRule({
  meta: {
    id: 'pod-service-cidr-overlap',
    defaultSeverity: 'error',
    category: 'network',
    description: 'The Service CIDR block overlaps the pod CIDR block.',
    details:
      'Pods take their addresses from container_cidr and Services from service_cidr. If the two ranges share any address, a Service IP can collide with a pod IP and traffic goes to the wrong place, so ACK refuses the request. Both ranges are fixed once the cluster exists, which makes this a mistake to catch before creation. Choose a service_cidr that lies completely outside container_cidr (for example pods 172.20.0.0/16 and Services 172.21.0.0/20). Dual-stack values ("IPv4 block,IPv6 block") are compared element by element, IPv4 with IPv4 and IPv6 with IPv6.',
    fact: {
      text: 'The Service CIDR block must not overlap the pod CIDR block (nor the VPC); pod and Service CIDR blocks cannot be changed after the cluster is created.',
      source: 'CreateCluster API reference, "service_cidr" and "container_cidr"; ack-facts.md §3.7 (PLAN21, DOC21), §5 (NETPLAN)',
    },
    tags: ['network', 'cidr', 'immutable'],
  },
  check(ctx) {
    const doc = ctx.document;
    const pods = blocks(doc.get(['container_cidr']));
    if (pods.length === 0) return;
    const services = blocks(doc.get(['service_cidr']));
    for (const svc of services) {
      for (const pod of pods) {
        if (!cidrOverlaps(svc, pod)) continue;
        ctx.report({
          message: `Service CIDR ${show(svc)} overlaps pod CIDR ${show(pod)}: Services and pods need separate address ranges, and neither range can be changed after the cluster is created.`,
          at: { path: ['service_cidr'] },
          related: [
            { path: ['container_cidr'], message: `Pod CIDR ${pod.text}` },
            { path: ['service_cidr'], message: `Service CIDR ${svc.text}` },
          ],
        });
      }
    }
  },
});
