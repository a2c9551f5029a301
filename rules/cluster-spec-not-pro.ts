import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'cluster-spec-not-pro',
    defaultSeverity: 'info',
    category: 'edition',
    description: 'A managed cluster is created as ACK Basic (cluster_spec ack.standard or not set) rather than ACK Pro.',
    details:
      'ACK Basic (ack.standard) is meant for trying ACK out: it has no SLA for the control plane, and features such as KMS encryption of Secrets and control-plane log collection need ACK Pro. Alibaba Cloud\'s policy rules expect production clusters to be ACK Pro. Set cluster_spec to ack.pro.small (or a larger ack.pro.* tier); Pro is billed differently from Basic, so check the price first. Serverless, Edge and Lingjun profiles are not checked.',
    fact: {
      text: 'cluster_spec ack.pro.small creates an ACK Pro cluster and an empty value means ack.standard (Basic); InfraGuard ack-cluster-spec-check (low) requires ack.pro.small.',
      source: 'CreateCluster API reference, "cluster_spec"; peer-rules.md (infraguard ack-cluster-spec-check); ack-facts.md §2.1',
    },
    tags: ['security', 'best-practice', 'infraguard:ack-cluster-spec-check', 'edition'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    if (doc.get(['cluster_type']) !== 'ManagedKubernetes') return;
    const profile = doc.get(['profile']);
    if (profile !== undefined && profile !== null && profile !== 'Default') return;
    const spec = doc.get(['cluster_spec']);
    if (spec === undefined || spec === null || spec === '') {
      ctx.report({
        message: `cluster_spec is ${spec === undefined ? 'not set' : 'empty'}, so this is an ACK Basic (ack.standard) cluster: no control-plane SLA, no KMS encryption of Secrets. Set cluster_spec to ack.pro.small for production clusters.`,
        at: doc.has(['cluster_spec']) ? { path: ['cluster_spec'], on: 'key' } : { path: ['cluster_type'], on: 'key' },
      });
      return;
    }
    if (spec !== 'ack.standard') return;
    ctx.report({
      message: 'cluster_spec is ack.standard (ACK Basic): no control-plane SLA, no KMS encryption of Secrets. Use ack.pro.small for production clusters.',
      at: { path: ['cluster_spec'] },
      fix: { title: 'Make the cluster ACK Pro (ack.pro.small)', safe: false, edits: [{ target: { path: ['cluster_spec'] }, newText: doc.stringLiteral(['cluster_spec'], 'ack.pro.small') }] },
    });
  },
});
