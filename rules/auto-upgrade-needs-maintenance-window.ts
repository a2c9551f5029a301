import { defineRule, isObject } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'auto-upgrade-needs-maintenance-window',
    defaultSeverity: 'warning',
    category: 'versions',
    description: 'Cluster auto-upgrade (operation_policy.cluster_auto_upgrade) is on, but the maintenance window is not enabled.',
    details:
      'ACK upgrades the control plane automatically (operation_policy.cluster_auto_upgrade.enabled: true) only inside the cluster\'s maintenance window. Without maintenance_window.enable: true there is no window, so the auto-upgrade policy never runs and the cluster stays on its version. Enable the maintenance window (maintenance_window.enable: true, with a maintenance_time, duration and weekly_period that suit you), or turn cluster auto-upgrade off.',
    fact: {
      text: 'operation_policy.cluster_auto_upgrade works only when the maintenance window is enabled (maintenance_window.enable = true).',
      source: 'Terraform alicloud_cs_managed_kubernetes docs, "operation_policy" and "maintenance_window"; ack-facts.md §3.33 (TFD-M)',
    },
    tags: ['versions', 'auto-upgrade', 'maintenance-window', 'no-effect'],
  },
  check(ctx) {
    const doc = ctx.document;
    const enabledPath = ['operation_policy', 'cluster_auto_upgrade', 'enabled'];
    if (doc.get(enabledPath) !== true) return;
    const win = doc.get(['maintenance_window']);
    if (win !== undefined && win !== null && !isObject(win)) return; // wrong type: the schema's concern
    const enable = isObject(win) ? win['enable'] : undefined;
    if (enable === true) return;
    if (enable !== undefined && enable !== null && typeof enable !== 'boolean') return;
    const state =
      enable === false
        ? 'maintenance_window.enable is false'
        : win === undefined
          ? 'there is no maintenance_window'
          : 'maintenance_window does not set enable: true (the default is false)';
    ctx.report({
      message: `Cluster auto-upgrade is enabled, but ${state}: ACK upgrades the cluster only inside an enabled maintenance window, so the auto-upgrade never runs. Set maintenance_window.enable to true (with a maintenance_time and duration), or turn auto-upgrade off.`,
      at: { path: enabledPath, on: 'entry' },
      ...(enable === false
        ? {
            related: [{ path: ['maintenance_window', 'enable'], message: 'The maintenance window is disabled here' }],
            fix: { title: 'Enable the maintenance window', safe: false, edits: [{ target: { path: ['maintenance_window', 'enable'] }, newText: 'true' }] },
          }
        : win !== undefined
          ? { related: [{ path: ['maintenance_window'], on: 'key' as const, message: 'The maintenance window, without enable: true' }] }
          : {}),
    });
  },
});
