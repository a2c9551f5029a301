import { clusterKind, defineRule, isObject, networkPlugins } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'terway-needs-pod-vswitches',
    defaultSeverity: 'error',
    category: 'network',
    description: 'The network plugin is Terway, but pod_vswitch_ids is not set or empty.',
    details:
      'Terway gives pods addresses from VPC vSwitches rather than from an overlay CIDR block, so a Terway cluster must name the vSwitches its pods use in pod_vswitch_ids, one in the zone of each node vSwitch. container_cidr is then optional. Add pod_vswitch_ids, preferably vSwitches with a /19 or larger block (never smaller than /25), distinct from the node vSwitches.',
    fact: {
      text: 'If Terway is the network plug-in, vSwitches must be allocated to pods (pod_vswitch_ids), each in the same zone as its node vSwitch.',
      source: 'CreateCluster API reference, "pod_vswitch_ids"; ack-facts.md §3.3 (DOC21, ROSCDK, TFD-M)',
    },
    tags: ['network', 'terway', 'vswitch'],
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if (kind === 'serverless' || kind === 'registered' || !isObject(root)) return; // a plugin in addons means nodes of the cluster's own
    const plugins = networkPlugins(root);
    if (!plugins || plugins.length !== 1 || plugins[0]!.family !== 'terway') return;
    const ids = root['pod_vswitch_ids'];
    const set = Object.hasOwn(root, 'pod_vswitch_ids');
    if (set && !(Array.isArray(ids) && ids.length === 0) && ids !== null && ids !== '') return; // given (a wrong type is the schema's business)
    const name = plugins[0]!.name;
    ctx.report({
      message: `The network plugin is ${name}, but pod_vswitch_ids ${set ? 'is empty' : 'is not set'}: Terway gives pods addresses from VPC vSwitches, so it needs at least one pod vSwitch in the zone of each node vSwitch. Add pod_vswitch_ids.`,
      at: { path: plugins[0]!.path },
      ...(set ? { related: [{ path: ['pod_vswitch_ids'], on: 'key' as const, message: 'pod_vswitch_ids lists no vSwitch here' }] } : {}),
    });
  },
});
