import { clusterKind, defineRule, isGiven, isObject, valueText } from '@acklint/core';

const FIELDS = ['logging_type', 'service_discovery_types'];

export default defineRule({
  meta: {
    id: 'serverless-only-field',
    defaultSeverity: 'warning',
    category: 'edition',
    description: 'logging_type or service_discovery_types, which apply only to ACK Serverless clusters, is set on another kind of cluster.',
    details:
      'Two (deprecated) top-level fields exist for ACK Serverless clusters only: logging_type (SLS log collection) and service_discovery_types (CoreDNS or PrivateZone). A Serverless cluster is cluster_type ManagedKubernetes with profile Serverless (or the legacy cluster_type Ask). On any other cluster they have no effect. For logs on a managed or dedicated cluster, install the log component in addons (logtail-ds, or loongcollector in newer versions) instead. The API reference page lists no other Serverless-only field.',
    fact: {
      text: 'logging_type and service_discovery_types are for ACK Serverless clusters only.',
      source: 'ack-facts.md §3.14 and §2.2 (GO)',
    },
    tags: ['edition', 'serverless'],
    kindDependent: true,
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if ((kind !== 'managed' && kind !== 'dedicated' && kind !== 'registered') || !isObject(root)) return;
    for (const field of FIELDS) {
      const v = root[field];
      if (!isGiven(v) || (Array.isArray(v) && v.length === 0)) continue;
      const cluster = kind === 'managed' ? `a ${root['profile'] ? `${valueText(root['profile'])}-profile ` : ''}managed cluster` : kind === 'dedicated' ? 'a dedicated cluster' : 'a registered cluster';
      const tip = field === 'logging_type' ? ' For logs, add the log component to addons (logtail-ds or loongcollector) instead.' : '';
      ctx.report({
        message: `${field} applies only to ACK Serverless clusters (profile Serverless), but this is ${cluster}, so it has no effect.${tip} Remove ${field}.`,
        at: { path: [field], on: 'key' },
      });
    }
  },
});
