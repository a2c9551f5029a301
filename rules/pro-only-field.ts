import { basicEdition, clusterKind, defineRule, isGiven, isObject } from '@acklint/core';

/**
 * Fields of features that only ACK Pro has, by feature. encryption_provider_key and auto_mode have rules of their own
 * (encryption-key-requires-pro, auto-mode-requires-pro).
 */
const PRO_FEATURES: ReadonlyArray<{ fields: readonly string[]; feature: string }> = [
  { fields: ['controlplane_log_components', 'controlplane_log_project', 'controlplane_log_ttl'], feature: 'collection of control-plane component logs' },
];

export default defineRule({
  meta: {
    id: 'pro-only-field',
    defaultSeverity: 'warning',
    category: 'edition',
    description: 'A field of an ACK Pro feature (controlplane_log_*) is set on an ACK Basic cluster.',
    details:
      'Some features of ACK managed clusters exist only in the Pro edition (cluster_spec ack.pro.*). Control-plane log collection (controlplane_log_components, controlplane_log_project, controlplane_log_ttl) is one: on ACK Basic (cluster_spec ack.standard, which is also what an empty or missing cluster_spec means) the control-plane logs are not collected, whatever the fields say. Either the cluster is meant to be ACK Pro, and cluster_spec is what is wrong, or the fields should go. KMS encryption of Secrets and the intelligent managed mode are Pro-only too, and have rules of their own (encryption-key-requires-pro, auto-mode-requires-pro).',
    fact: {
      text: 'controlplane_log_components / _project / _ttl configure control-plane log collection, an ACK Pro feature.',
      source: 'ack-facts.md §2.1 (GO, TFD-M, CPLOG: "collect control plane component logs in ACK Pro clusters"); §3.14',
    },
    tags: ['edition', 'ack-pro', 'logging'],
    kindDependent: true,
    fixable: true,
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if ((kind !== 'managed' && kind !== 'serverless') || !isObject(root)) return;
    const basic = basicEdition(ctx.document);
    if (!basic) return;
    for (const { fields, feature } of PRO_FEATURES) {
      const set = fields
        .filter((f) => isGiven(root[f]) && !(Array.isArray(root[f]) && (root[f] as unknown[]).length === 0))
        .sort((a, b) => ctx.document.spanOf([a], 'key').start - ctx.document.spanOf([b], 'key').start);
      if (set.length === 0) continue;
      const named = set.length === 1 ? `${set[0]} is set` : `${set.slice(0, -1).join(', ')} and ${set[set.length - 1]} are set`;
      ctx.report({
        message: `${named}, but ${basic.current}: ${feature} is an ACK Pro feature, so this cluster would not have it. Set cluster_spec to ack.pro.small (or another ack.pro.* edition), or remove ${set.length === 1 ? set[0] : 'these fields'}.`,
        at: { path: [set[0]!], on: 'key' },
        related: [...set.slice(1).map((f) => ({ path: [f], on: 'key' as const, message: `${f} is set here` })), ...basic.related],
        ...(basic.fix ? { fix: basic.fix } : {}),
      });
    }
  },
});
