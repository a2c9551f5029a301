import { clusterKind, clusterTypeAssumed, defineRule, isGiven, isObject, valueText } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'dedicated-only-field',
    defaultSeverity: 'warning',
    category: 'edition',
    description: 'A field for the master nodes of an ACK dedicated cluster (control_plane_config, master_*, ssh_flags) is set on another kind of cluster.',
    details:
      'Only an ACK dedicated cluster (cluster_type Kubernetes) runs its control plane on ECS instances of your own, configured in control_plane_config or the older master_* fields, with ssh_flags opening SSH to them. A managed cluster (ManagedKubernetes, including Serverless and Edge) has its control plane run by ACK, and a registered cluster (ExternalKubernetes) brings its own, so these fields have no effect there. For a managed cluster, put the control-plane vSwitches in vswitch_ids and remove the master fields; if a dedicated cluster is meant, set cluster_type to Kubernetes. ssh_flags: false is not reported.',
    fact: {
      text: 'control_plane_config, the master_* fields and ssh_flags apply only to cluster_type Kubernetes (dedicated); ssh_flags is ignored for managed clusters.',
      source: 'ack-facts.md §3.14, §2.1 "ssh_flags", §2.2 and §2.3 (GO)',
    },
    tags: ['edition', 'cluster-type', 'dedicated'],
    kindDependent: true,
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if ((kind !== 'managed' && kind !== 'serverless' && kind !== 'registered') || !isObject(root)) return;
    const assumed = clusterTypeAssumed(root);
    const type = assumed ? 'not set' : valueText(root['cluster_type']);
    const what = kind === 'registered' ? 'a registered cluster brings its own control plane' : 'ACK runs the control plane of a managed cluster';
    for (const field of Object.keys(root)) {
      if (field !== 'control_plane_config' && field !== 'ssh_flags' && !field.startsWith('master_')) continue;
      const v = root[field];
      if (!isGiven(v) || (Array.isArray(v) && v.length === 0) || (field === 'ssh_flags' && v === false)) continue;
      const hint = field === 'master_vswitch_ids' && kind !== 'registered' ? ' Put the control-plane vSwitches in vswitch_ids instead.' : '';
      ctx.report({
        message: `${field} configures the master nodes of an ACK dedicated cluster, but cluster_type is ${type}: ${what}, so it has no effect.${hint} Remove ${field}, or set cluster_type to Kubernetes if a dedicated cluster is meant.`,
        at: { path: [field], on: 'key' },
        ...(assumed ? {} : { related: [{ path: ['cluster_type'], message: `cluster_type is ${type} here` }] }),
      });
    }
  },
});
