import { clusterKind, defineRule, isGiven, isObject, networkPlugins } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'ignored-network-field',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'pod_vswitch_ids is set on a Flannel cluster, or node_cidr_mask on a Terway cluster, where it has no effect.',
    details:
      'Some network fields belong to one plugin only. pod_vswitch_ids names the vSwitches Terway takes pod addresses from; Flannel never reads it. node_cidr_mask sizes the slice of container_cidr that Flannel gives each node; Terway allocates from vSwitches instead and ignores it. A field for the other plugin usually means the body was copied from a template for it, or that the wrong plugin is chosen. Remove the field, or switch the plugin if the field says what you meant.',
    fact: {
      text: 'node_cidr_mask takes effect only with Flannel; pod_vswitch_ids is used by Terway (container_cidr is the Flannel setting).',
      source: 'CreateCluster API reference, "node_cidr_mask" and "pod_vswitch_ids"; ack-facts.md §3.4 (GO)',
    },
    tags: ['network', 'flannel', 'terway'],
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if (kind === 'serverless' || kind === 'registered' || !isObject(root)) return; // a plugin in addons means nodes of the cluster's own
    const plugins = networkPlugins(root);
    if (!plugins || plugins.length !== 1) return;
    const plugin = plugins[0]!;
    const related = [{ path: plugin.path, message: `the network plugin is ${plugin.name}` }];
    if (plugin.family === 'flannel') {
      const ids = root['pod_vswitch_ids'];
      if (isGiven(ids) && !(Array.isArray(ids) && ids.length === 0)) {
        ctx.report({
          message: 'pod_vswitch_ids has no effect with flannel: Flannel takes pod addresses from container_cidr, and only Terway uses pod vSwitches. Remove pod_vswitch_ids, or choose terway-eniip if pods should get VPC addresses.',
          at: { path: ['pod_vswitch_ids'], on: 'key' },
          related,
        });
      }
    } else if (isGiven(root['node_cidr_mask'])) {
      ctx.report({
        message: `node_cidr_mask has no effect with ${plugin.name}: it sizes each node's share of the Flannel pod CIDR, while Terway takes pod addresses from pod_vswitch_ids. Remove node_cidr_mask.`,
        at: { path: ['node_cidr_mask'], on: 'key' },
        related,
      });
    }
  },
});
