import { defineRule, formatPath, isObject, nodePools } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'interconnect-mode-edge',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: 'interconnect_mode is set on a node pool that is not an edge node pool (nodepool_info.type edge).',
    details:
      "nodepools[].interconnect_mode (basic or private) says how an edge node pool reaches the cloud: over the Internet, or over a private connection. It applies only to edge node pools, whose nodepool_info.type is edge (in ACK Edge clusters). On a regular (ess, the default) or lingjun node pool it has no effect, which usually means nodepool_info.type was forgotten. Set nodepool_info.type to edge, or remove interconnect_mode. (private also needs Kubernetes 1.22 or later; see feature-requires-version.)",
    fact: {
      text: 'nodepools[].interconnect_mode applies only when nodepool_info.type is edge.',
      source: 'ack-facts.md §2.7 and §3.36 (GO)',
    },
    tags: ['nodepools', 'edge', 'no-effect'],
  },
  check(ctx) {
    for (const np of nodePools(ctx.value)) {
      const mode = np.pool['interconnect_mode'];
      if (typeof mode !== 'string' || mode === '') continue;
      const info = np.pool['nodepool_info'];
      const type = isObject(info) ? info['type'] : undefined;
      if (type === 'edge') continue;
      if (type !== undefined && type !== null && typeof type !== 'string') continue;
      const typePath = [...np.path, 'nodepool_info', 'type'];
      const now = typeof type === 'string' && type !== '' ? `nodepool_info.type is ${JSON.stringify(type)}` : 'nodepool_info.type is not set (a regular node pool)';
      ctx.report({
        message: `${formatPath([...np.path, 'interconnect_mode'])} is ${JSON.stringify(mode)}, but ${now}: the interconnect mode applies only to edge node pools, so it has no effect on ${np.label}. Set nodepool_info.type to edge, or remove interconnect_mode.`,
        at: { path: [...np.path, 'interconnect_mode'], on: 'key' },
        ...(ctx.document.has(typePath) ? { related: [{ path: typePath, message: 'node pool type chosen here' }] } : {}),
      });
    }
  },
});
