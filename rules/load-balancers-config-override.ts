import { defineRule, isObject, type JsonPath } from '@acklint/core';

const LBS: JsonPath = ['control_plane_endpoints_config', 'load_balancers_config'];

export default defineRule({
  meta: {
    id: 'load-balancers-config-override',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'control_plane_endpoints_config.load_balancers_config is set, so endpoint_public_access and load_balancer_id have no effect.',
    details:
      'The API server endpoints can be described in two ways: the older top-level fields (endpoint_public_access for an Internet endpoint, load_balancer_id for an existing load balancer) or the newer control_plane_endpoints_config.load_balancers_config list, one entry per endpoint with its endpoint_type (private or public) and optional load_balancer_id. When the list is given, ACK uses it and ignores the two older fields, so their values do not take effect. Describe every endpoint in load_balancers_config and remove the older fields.',
    fact: {
      text: 'When control_plane_endpoints_config.load_balancers_config is set, endpoint_public_access and load_balancer_id are ignored.',
      source: 'TypeScript SDK CreateClusterRequest (control_plane_endpoints_config); Terraform alicloud_cs_managed_kubernetes docs; ack-facts.md §2.1 and §3.34 (TS, TFM, TFD-M)',
    },
    tags: ['network', 'api-server', 'endpoint', 'no-effect'],
  },
  check(ctx) {
    const doc = ctx.document;
    const lbs = doc.get(LBS);
    if (!Array.isArray(lbs) || lbs.length === 0) return;
    const hasPublic = lbs.some((e) => isObject(e) && e['endpoint_type'] === 'public');
    const pub = doc.get(['endpoint_public_access']);
    if (typeof pub === 'boolean') {
      const effect = pub && !hasPublic ? ' The API server gets no Internet endpoint unless an entry with endpoint_type public is added.' : '';
      ctx.report({
        message: `endpoint_public_access is ${pub}, but control_plane_endpoints_config.load_balancers_config is also set and takes its place, so endpoint_public_access has no effect.${effect} Remove endpoint_public_access and describe the endpoints in load_balancers_config.`,
        at: { path: ['endpoint_public_access'], on: 'key' },
        related: [{ path: LBS, on: 'key', message: 'The API server endpoints are described here' }],
      });
    }
    const lb = doc.get(['load_balancer_id']);
    if (typeof lb === 'string' && lb.trim() !== '') {
      ctx.report({
        message: `load_balancer_id ${JSON.stringify(lb)} is set, but control_plane_endpoints_config.load_balancers_config is also set and takes its place, so the load balancer is not used. Put it in a load_balancers_config entry (load_balancer_id with its endpoint_type), and remove the top-level load_balancer_id.`,
        at: { path: ['load_balancer_id'], on: 'key' },
        related: [{ path: LBS, on: 'key', message: 'The API server endpoints are described here' }],
      });
    }
  },
});
