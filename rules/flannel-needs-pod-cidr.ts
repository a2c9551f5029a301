import { clusterKind, defineRule, isGiven, isObject, networkPlugins } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'flannel-needs-pod-cidr',
    defaultSeverity: 'error',
    category: 'network',
    description: 'The network plugin is flannel, but container_cidr (the pod CIDR block) is not set.',
    details:
      'Flannel gives every pod an address from the pod CIDR block, container_cidr, handing each node a slice of it (node_cidr_mask). With flannel the API requires container_cidr; only Terway, which takes pod addresses from VPC vSwitches, can do without it. Add container_cidr with a private range that does not overlap the VPC, its vSwitches or service_cidr; it cannot be changed after the cluster is created.',
    fact: {
      text: 'container_cidr is required if the cluster uses Flannel as the network plug-in, and optional with Terway.',
      source: 'CreateCluster API reference, "container_cidr"; ack-facts.md §3.2 (GO, TS, DOC21, TFD-M)',
    },
    tags: ['network', 'flannel', 'cidr'],
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if (kind === 'serverless' || kind === 'registered' || !isObject(root)) return; // a plugin in addons means nodes of the cluster's own
    const plugins = networkPlugins(root);
    if (!plugins || plugins.length !== 1 || plugins[0]!.family !== 'flannel') return;
    if (isGiven(root['container_cidr'])) return;
    const set = Object.hasOwn(root, 'container_cidr');
    ctx.report({
      message: `The network plugin is flannel, but container_cidr ${set ? 'is empty' : 'is not set'}: Flannel assigns pod addresses from that block, so the API requires it. Add container_cidr with a private range that overlaps neither the VPC nor service_cidr, for example 172.20.0.0/16.`,
      at: { path: plugins[0]!.path },
      ...(set ? { related: [{ path: ['container_cidr'], on: 'key' as const, message: 'container_cidr has no value here' }] } : {}),
    });
  },
});
