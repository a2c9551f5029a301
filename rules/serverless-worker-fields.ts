import { clusterKind, defineRule, isGiven, isObject } from '@acklint/core';

/** Whether a top-level key is one of the deprecated fields that create worker nodes with the cluster. */
const isWorkerField = (key: string) => key.startsWith('worker_') || key === 'num_of_nodes';

export default defineRule({
  meta: {
    id: 'serverless-worker-fields',
    defaultSeverity: 'warning',
    category: 'edition',
    description: 'Deprecated worker-node fields (num_of_nodes, worker_*) are set on an ACK Serverless cluster, which has no worker nodes of its own.',
    details:
      "The deprecated top-level worker fields (num_of_nodes, worker_instance_types, worker_vswitch_ids, worker_system_disk_*, worker_data_disks…) describe ECS worker nodes created with the cluster. An ACK Serverless cluster (profile Serverless, or the legacy cluster_type Ask) runs pods on elastic container instances and creates no worker nodes, so these fields do nothing there, and usually mean the body was copied from a template for another kind of cluster. Remove them, or choose ManagedKubernetes without the Serverless profile (and a node pool) if nodes are wanted. num_of_nodes: 0 is not reported.",
    fact: {
      text: 'The worker_* fields and num_of_nodes configure worker nodes created with the cluster (deprecated: node pools replace them); ACK Serverless is a managed profile whose pods run without cluster worker nodes.',
      source: 'ack-facts.md §2.1 (profile, cluster_type) and §2.2 (deprecated worker fields) (GO, DOC21)',
    },
    tags: ['edition', 'serverless', 'deprecated'],
  },
  check(ctx) {
    const root = ctx.value;
    if (clusterKind(root) !== 'serverless' || !isObject(root)) return;
    const fields = Object.keys(root).filter((k) => {
      if (!isWorkerField(k)) return false;
      const v = root[k];
      return isGiven(v) && !(Array.isArray(v) && v.length === 0) && !(k === 'num_of_nodes' && v === 0);
    });
    if (fields.length === 0) return;
    const profile = root['cluster_type'] === 'Ask' ? 'cluster_type Ask' : 'profile Serverless';
    const names = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} and ${fields[fields.length - 1]}`;
    ctx.report({
      message: `${names} ${fields.length === 1 ? 'configures' : 'configure'} worker nodes created with the cluster, but this is an ACK Serverless cluster (${profile}): it runs pods without worker nodes of its own, so ${fields.length === 1 ? 'it has' : 'they have'} no effect. Remove ${fields.length === 1 ? 'it' : 'them'}, or ${root['cluster_type'] === 'Ask' ? 'use cluster_type ManagedKubernetes' : 'drop the Serverless profile'} and add a node pool if nodes are wanted.`,
      at: { path: [fields[0]!], on: 'key' },
      related: fields.slice(1).map((f) => ({ path: [f], on: 'key' as const, message: `${f} is set here` })),
    });
  },
});
