import { defineRule, isObject, type JsonPath } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'cloud-monitor-disabled',
    defaultSeverity: 'info',
    category: 'security',
    description: 'The CloudMonitor agent is explicitly turned off for nodes (cloud_monitor_flags or kubernetes_config.cms_enabled false).',
    details:
      'The CloudMonitor agent reports node health, resource use and process metrics, which alerting and incident investigation rely on; the CIS benchmark asks for it on every node. The agent is installed when cloud_monitor_flags (legacy nodes), control_plane_config.cloud_monitor_flags (dedicated masters) or a node pool\'s kubernetes_config.cms_enabled is true. The rule reports only a value set to false, so that a spec that leaves the choice to defaults is not flagged. Set the field to true.',
    fact: {
      text: 'CIS Alibaba Cloud 7.2 asks for CloudMonitor on every ACK node; the agent is installed by cloud_monitor_flags / nodepools[].kubernetes_config.cms_enabled (default false).',
      source: 'peer-rules.md (CIS v2 7.2); ack-facts.md §2.2, §2.3, §2.7 (GO)',
    },
    tags: ['security', 'best-practice', 'cis:7.2', 'monitoring'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const paths: Array<{ path: JsonPath; what: string }> = [
      { path: ['cloud_monitor_flags'], what: 'The worker nodes' },
      { path: ['control_plane_config', 'cloud_monitor_flags'], what: 'The control-plane nodes' },
    ];
    const pools = doc.get(['nodepools']);
    if (Array.isArray(pools)) {
      pools.forEach((pool, i) => {
        const info = isObject(pool) ? pool['nodepool_info'] : undefined;
        const name = isObject(info) && typeof info['name'] === 'string' && info['name'] !== '' ? `Node pool ${JSON.stringify(info['name'])}` : `nodepools[${i}]`;
        paths.push({ path: ['nodepools', i, 'kubernetes_config', 'cms_enabled'], what: name });
      });
    }
    for (const { path, what } of paths) {
      if (doc.get(path) !== false) continue;
      const field = String(path[path.length - 1]);
      ctx.report({
        message: `${what} will run without the CloudMonitor agent (${field}: false), so node health and resource metrics are not collected for alerts. Set ${field} to true.`,
        at: { path },
        fix: { title: 'Install the CloudMonitor agent', safe: false, edits: [{ target: { path }, newText: 'true' }] },
      });
    }
  },
});
