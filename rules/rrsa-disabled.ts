import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'rrsa-disabled',
    defaultSeverity: 'info',
    category: 'security',
    description: 'RRSA (RAM Roles for Service Accounts) is not enabled on a managed cluster.',
    details:
      'Without RRSA, pods that call Alibaba Cloud APIs use the node\'s RAM role (shared by every pod on the node) or long-lived AccessKeys stored in Secrets. RRSA gives each Kubernetes service account its own RAM role through OIDC, with short-lived credentials and least privilege per workload. It is off unless requested, and Terraform notes that it cannot be turned off once on, so decide at creation: set rrsa_config.enabled: true (or the deprecated enable_rrsa: true). RRSA needs Kubernetes 1.22.3-aliyun.1 or later.',
    fact: {
      text: 'RRSA is enabled with rrsa_config.enabled (deprecated: enable_rrsa) and is off by default; InfraGuard ack-cluster-rrsa-enabled (medium) requires it.',
      source: 'CreateCluster API reference, "enable_rrsa"; peer-rules.md (infraguard ack-cluster-rrsa-enabled); ack-facts.md §2.1, §3.31',
    },
    tags: ['security', 'best-practice', 'infraguard:ack-cluster-rrsa-enabled', 'iam'],
  },
  check(ctx) {
    const doc = ctx.document;
    if (doc.get(['cluster_type']) !== 'ManagedKubernetes') return;
    const newer = doc.get(['rrsa_config', 'enabled']);
    const older = doc.get(['enable_rrsa']);
    if (newer === true || (older === true && newer !== false)) return;
    if ((newer !== undefined && typeof newer !== 'boolean') || (older !== undefined && typeof older !== 'boolean')) return; // the schema's concern
    if (newer === false || older === false) {
      const path = newer === false ? ['rrsa_config', 'enabled'] : ['enable_rrsa'];
      ctx.report({
        message: `RRSA is turned off (${newer === false ? 'rrsa_config.enabled' : 'enable_rrsa'}: false): pods can only use the node's RAM role or stored AccessKeys to call Alibaba Cloud APIs. Set it to true to give each service account its own short-lived RAM role.`,
        at: { path },
        fix: { title: 'Enable RRSA', safe: false, edits: [{ target: { path }, newText: 'true' }] },
      });
      return;
    }
    ctx.report({
      message: 'RRSA is not enabled (no rrsa_config.enabled: true): pods can only use the node\'s RAM role or stored AccessKeys to call Alibaba Cloud APIs. Add rrsa_config: {enabled: true} to give each service account its own short-lived RAM role.',
      at: { path: ['cluster_type'], on: 'key' },
    });
  },
});
