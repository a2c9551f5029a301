import { clusterTypeAssumed, defineRule, type FixSpec } from '@acklint/core';

const PRO_SPEC = 'ack.pro.small';

/** Cluster types that can never be ACK Pro, and how to name them in a message. */
const NOT_MANAGED: Record<string, string> = {
  Kubernetes: 'an ACK dedicated cluster',
  ExternalKubernetes: 'a registered cluster',
};

export default defineRule({
  meta: {
    id: 'encryption-key-requires-pro',
    defaultSeverity: 'error',
    category: 'edition',
    description: 'encryption_provider_key (KMS encryption of Secrets) is set on a cluster that is not ACK Pro.',
    details:
      'encryption_provider_key names a KMS key that ACK uses to encrypt Kubernetes Secrets at rest. Only ACK Pro clusters offer this: cluster_type must be ManagedKubernetes and cluster_spec must be an ack.pro.* edition such as ack.pro.small. A missing or empty cluster_spec means ack.standard (ACK Basic), and dedicated (Kubernetes) clusters cannot use the feature at all, so the request is rejected. Either make the cluster ACK Pro by setting cluster_spec to ack.pro.small (Pro is billed differently from Basic, so check before you switch), or remove encryption_provider_key.',
    fact: {
      text: 'Encrypting Secrets with a KMS key (encryption_provider_key) is supported only by ACK Pro clusters (cluster_spec ack.pro.*); an empty cluster_spec means ack.standard.',
      source: 'CreateCluster API reference, "encryption_provider_key" and "cluster_spec"; ack-facts.md §3.12 (GO, TS, KMS)',
    },
    tags: ['edition', 'ack-pro', 'kms', 'secrets'],
    kindDependent: true,
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const key = doc.get(['encryption_provider_key']);
    if (typeof key !== 'string' || key.trim() === '') return;
    const at = { path: ['encryption_provider_key'], on: 'key' as const };
    const clusterType = doc.get(['cluster_type']);

    if (typeof clusterType === 'string' && Object.hasOwn(NOT_MANAGED, clusterType)) {
      ctx.report({
        message: `encryption_provider_key is set, but cluster_type ${clusterType} is ${NOT_MANAGED[clusterType]}: KMS encryption of Secrets is only available on ACK Pro (cluster_type ManagedKubernetes with an ack.pro.* cluster_spec). Remove the key, or create an ACK Pro cluster instead.`,
        at,
        related: [{ path: ['cluster_type'], message: `cluster_type is ${clusterType}, not ManagedKubernetes` }],
      });
      return;
    }
    if (clusterType !== 'ManagedKubernetes' && !clusterTypeAssumed(ctx.value)) return;

    const spec = doc.get(['cluster_spec']);
    if (typeof spec === 'string' && spec.startsWith('ack.pro.')) return;
    if (spec !== undefined && spec !== null && typeof spec !== 'string') return; // not a string: the schema's concern

    const hasSpec = doc.has(['cluster_spec']);
    const current =
      typeof spec === 'string' && spec !== ''
        ? `cluster_spec is ${JSON.stringify(spec)}`
        : `cluster_spec ${spec === '' ? 'is empty' : spec === null ? 'has no value' : 'is not set'}, which means ack.standard (ACK Basic)`;
    const todo = `${hasSpec ? `set cluster_spec to ${PRO_SPEC}` : `add cluster_spec with the value ${PRO_SPEC}`} (or another ack.pro.* edition)`;
    let fix: FixSpec | undefined;
    const specNode = doc.node(['cluster_spec']);
    // Replace a string or empty value in place (an empty YAML value has no text to replace).
    if (specNode && (specNode.kind === 'string' || specNode.kind === 'null') && specNode.end > specNode.start) {
      const newText = doc.stringLiteral(['cluster_spec'], PRO_SPEC);
      fix = { title: `Set cluster_spec to ${PRO_SPEC} (ACK Pro)`, safe: false, edits: [{ target: { path: ['cluster_spec'] }, newText }] };
    }
    ctx.report({
      message: `encryption_provider_key is set, but ${current}: KMS encryption of Secrets is only available on ACK Pro. To keep it, ${todo}; otherwise remove the key.`,
      at,
      ...(hasSpec ? { related: [{ path: ['cluster_spec'], message: 'ACK edition chosen here: not ACK Pro' }] } : {}),
      ...(fix ? { fix } : {}),
    });
  },
});
