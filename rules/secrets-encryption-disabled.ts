import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'secrets-encryption-disabled',
    defaultSeverity: 'info',
    category: 'security',
    description: 'An ACK Pro cluster does not encrypt Kubernetes Secrets with a KMS key (no encryption_provider_key).',
    details:
      'Kubernetes stores Secrets in etcd base64-encoded, not encrypted. ACK Pro can encrypt them at rest with a Key Management Service key named in encryption_provider_key, so that a copy of etcd or of a backup does not reveal them. The cluster is ACK Pro and could use it, but no key is set. Create a KMS key in the same region and set encryption_provider_key to its ID. Other editions cannot use the feature, and this rule stays quiet for them.',
    fact: {
      text: 'encryption_provider_key (a KMS key ID) turns on Secret encryption at rest, on ACK Pro only; InfraGuard ack-cluster-encryption-enabled (medium) requires it on ack.pro.small clusters.',
      source: 'CreateCluster API reference, "encryption_provider_key"; peer-rules.md (infraguard ack-cluster-encryption-enabled); ack-facts.md §3.12 (KMS)',
    },
    tags: ['security', 'best-practice', 'infraguard:ack-cluster-encryption-enabled', 'kms', 'secrets'],
  },
  check(ctx) {
    const doc = ctx.document;
    if (doc.get(['cluster_type']) !== 'ManagedKubernetes') return;
    const spec = doc.get(['cluster_spec']);
    if (typeof spec !== 'string' || !spec.startsWith('ack.pro.')) return;
    const key = doc.get(['encryption_provider_key']);
    if (key !== undefined && key !== null && !(typeof key === 'string' && key.trim() === '')) return;
    ctx.report({
      message: `This ACK Pro cluster (cluster_spec ${spec}) does not encrypt Kubernetes Secrets at rest: encryption_provider_key is ${key === undefined ? 'not set' : 'empty'}. Set it to the ID of a KMS key in the same region.`,
      at: doc.has(['encryption_provider_key']) ? { path: ['encryption_provider_key'], on: 'key' } : { path: ['cluster_spec'] },
    });
  },
});
