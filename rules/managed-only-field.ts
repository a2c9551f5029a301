import { clusterKind, defineRule, isGiven, isObject, valueText } from '@acklint/core';

const FIELDS: Record<string, string> = {
  cluster_spec: 'chooses the edition of an ACK managed cluster (ack.standard, ack.pro.*)',
  profile: 'chooses the flavour of an ACK managed cluster (Default, Edge, Serverless, Lingjun)',
  zone_ids: 'lets ACK create the VPC and vSwitches of a managed cluster',
};

export default defineRule({
  meta: {
    id: 'managed-only-field',
    defaultSeverity: 'warning',
    category: 'edition',
    description: 'cluster_spec, profile or zone_ids is set on a cluster whose cluster_type is not ManagedKubernetes.',
    details:
      'cluster_spec (Basic or Pro), profile (Default, Edge, Serverless, Lingjun) and zone_ids (let ACK create the network) describe ACK managed clusters only, that is cluster_type ManagedKubernetes. On a dedicated (Kubernetes) or registered (ExternalKubernetes) cluster they do not apply. Often the body means a managed cluster and cluster_type is what is wrong; otherwise remove the field.',
    fact: {
      text: 'cluster_spec and profile only apply with cluster_type ManagedKubernetes; zone_ids is described for managed clusters.',
      source: 'CreateCluster API reference, "cluster_type" and "cluster_spec"; ack-facts.md §3.13, §3.14 and §2.1 (GO, TFM)',
    },
    tags: ['edition', 'cluster-type'],
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if ((kind !== 'dedicated' && kind !== 'registered') || !isObject(root)) return;
    const type = valueText(root['cluster_type']);
    for (const [field, what] of Object.entries(FIELDS)) {
      const v = root[field];
      if (!isGiven(v) || (Array.isArray(v) && v.length === 0)) continue;
      ctx.report({
        message: `${field} ${what}, but cluster_type is ${type} (${kind === 'dedicated' ? 'an ACK dedicated cluster' : 'a registered cluster'}), so it does not apply. Set cluster_type to ManagedKubernetes if a managed cluster is meant, or remove ${field}.`,
        at: { path: [field], on: 'key' },
        related: [{ path: ['cluster_type'], message: `cluster_type is ${type} here` }],
      });
    }
  },
});
