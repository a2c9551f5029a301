import { defineRule } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'audit-log-disabled',
    defaultSeverity: 'info',
    category: 'security',
    description: 'API server audit logging is turned off (audit_log_config.enabled: false).',
    details:
      'The API server audit log records who did what in the cluster: every request, its user and its result. With it turned off there is no trail to investigate a compromise or a mistaken deletion, and the CIS benchmark asks for Log Service on ACK clusters. Set audit_log_config.enabled to true (optionally with sls_project_name), and install a log component (see log-addon-missing). The rule only reports an explicit false; when the field is left out, ACK\'s default applies.',
    fact: {
      text: 'audit_log_config.enabled turns API server audit logging on or off; CIS Alibaba Cloud 2.4 passes when an audit project is configured.',
      source: 'Go and TypeScript SDK CreateClusterRequest (audit_log_config); peer-rules.md (CIS v2 2.4, candidates: audit log); ack-facts.md §2.1',
    },
    tags: ['security', 'best-practice', 'cis:2.4', 'logging', 'audit'],
    fixable: true,
  },
  check(ctx) {
    const path = ['audit_log_config', 'enabled'];
    if (ctx.document.get(path) !== false) return;
    ctx.report({
      message: 'API server audit logging is turned off (audit_log_config.enabled: false): there will be no record of who changed what in the cluster. Set it to true.',
      at: { path },
      fix: { title: 'Turn audit logging on', safe: false, edits: [{ target: { path }, newText: 'true' }] },
    });
  },
});
