import { defineRule } from '@acklint/core';

const ENABLED = ['operation_policy', 'cluster_auto_upgrade', 'enabled'];

export default defineRule({
  meta: {
    id: 'pinned-version-auto-upgrade',
    defaultSeverity: 'warning',
    category: 'versions',
    description: 'kubernetes_version is pinned while cluster auto-upgrade (operation_policy.cluster_auto_upgrade.enabled) is on.',
    details:
      'With operation_policy.cluster_auto_upgrade.enabled set to true, ACK upgrades the cluster\'s Kubernetes version by itself in the maintenance window, following the chosen channel. A pinned kubernetes_version is then only the starting point: the running version soon differs from the one in the file, and tools that re-apply the spec (Terraform, pipelines) see drift or try to move the version back. The Terraform provider\'s documentation advises not to set the version when auto-upgrade is on. Either remove kubernetes_version and let auto-upgrade manage it, or turn auto-upgrade off and upgrade deliberately.',
    fact: {
      text: "Don't pin kubernetes_version when cluster auto-upgrade is enabled (Terraform provider documentation for operation_policy.cluster_auto_upgrade).",
      source: 'ack-facts.md §2.1 (operation_policy.cluster_auto_upgrade.channel) and §3.33 (TFD-M)',
    },
    tags: ['versions', 'upgrade', 'operation-policy', 'drift'],
  },
  check(ctx) {
    const doc = ctx.document;
    const version = doc.get(['kubernetes_version']);
    if (typeof version !== 'string' || version.trim() === '') return;
    if (doc.get(ENABLED) !== true) return;
    ctx.report({
      message: `kubernetes_version is pinned to ${version}, but operation_policy.cluster_auto_upgrade.enabled is true, so ACK will upgrade the cluster away from it and the spec will drift. Remove kubernetes_version to let auto-upgrade manage the version, or turn auto-upgrade off.`,
      at: { path: ['kubernetes_version'], on: 'key' },
      related: [{ path: ENABLED, message: 'cluster auto-upgrade is turned on here' }],
    });
  },
});
