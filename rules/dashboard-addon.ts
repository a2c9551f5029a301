import { defineRule, isObject } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'dashboard-addon',
    defaultSeverity: 'info',
    category: 'security',
    description: 'The Kubernetes Dashboard addon is installed.',
    details:
      'The Kubernetes Dashboard is a web UI with broad access to the cluster; exposed or given a powerful service account, it has been a common way into clusters, and the CIS benchmark asks for it not to be enabled. The ACK console already offers the same views with RAM-based access. Remove the kubernetes-dashboard entry from addons (or set disabled: true).',
    fact: {
      text: 'CIS Alibaba Cloud 7.5: ensure the Kubernetes web UI (Dashboard) is not enabled, that is, addons does not include kubernetes-dashboard.',
      source: 'peer-rules.md (CIS v2 7.3–7.6, 7.5)',
    },
    tags: ['security', 'best-practice', 'cis:7.5', 'addons'],
  },
  check(ctx) {
    const addons = ctx.document.get(['addons']);
    if (!Array.isArray(addons)) return;
    addons.forEach((a, i) => {
      if (!isObject(a) || a['name'] !== 'kubernetes-dashboard' || a['disabled'] === true) return;
      ctx.report({
        message: 'The Kubernetes Dashboard is installed (addons lists kubernetes-dashboard): a web UI with broad cluster access and a common way in for attackers. Remove it and use the ACK console instead.',
        at: { path: ['addons', i, 'name'] },
      });
    });
  },
});
