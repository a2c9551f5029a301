import { defineRule, isObject } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'public-api-endpoint',
    defaultSeverity: 'warning',
    category: 'security',
    description: 'The Kubernetes API server is exposed on the Internet (endpoint_public_access: true, or a public endpoint in load_balancers_config).',
    details:
      'endpoint_public_access: true binds an elastic IP to the API server, so anyone on the Internet can reach the cluster\'s control plane and try its credentials; a leaked kubeconfig is then enough to take the cluster. Alibaba Cloud\'s own policy rule rates this high, and the CIS benchmark asks for private clusters. Keep the API server private (endpoint_public_access: false) and reach it from the VPC, a VPN or a bastion; if you need an Internet endpoint, add it later and restrict it with the load balancer\'s access control list.',
    fact: {
      text: 'endpoint_public_access: true exposes the API server through an EIP; InfraGuard ack-cluster-public-endpoint-check (high) and CIS Alibaba Cloud 7.9 flag a public endpoint.',
      source: 'CreateCluster API reference, "endpoint_public_access"; peer-rules.md (infraguard ack-cluster-public-endpoint-check, Cloud Config, CIS v2 7.9); ack-facts.md §2.1',
    },
    tags: ['security', 'best-practice', 'infraguard:ack-cluster-public-endpoint-check', 'cis:7.9', 'api-server'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const lbs = doc.get(['control_plane_endpoints_config', 'load_balancers_config']);
    if (Array.isArray(lbs) && lbs.length > 0) {
      // The endpoint list replaces endpoint_public_access (see load-balancers-config-override): judge the list.
      lbs.forEach((e, i) => {
        if (!isObject(e) || e['endpoint_type'] !== 'public') return;
        ctx.report({
          message: `load_balancers_config[${i}] gives the API server a public (Internet) endpoint: anyone on the Internet can reach the control plane. Prefer a private endpoint reached from the VPC or a VPN; if a public one is needed, restrict it with an access control list.`,
          at: { path: ['control_plane_endpoints_config', 'load_balancers_config', i, 'endpoint_type'] },
        });
      });
      return;
    }
    if (doc.get(['endpoint_public_access']) !== true) return;
    ctx.report({
      message: 'endpoint_public_access is true: the API server gets an Internet-facing EIP, so anyone on the Internet can reach the control plane. Set it to false and reach the cluster from the VPC, a VPN or a bastion; if a public endpoint is needed, restrict it with an access control list.',
      at: { path: ['endpoint_public_access'] },
      fix: { title: 'Make the API server private (endpoint_public_access: false)', safe: false, edits: [{ target: { path: ['endpoint_public_access'] }, newText: 'false' }] },
    });
  },
});
