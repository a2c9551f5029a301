import { defineRule, isObject } from '@acklint/core';
import { LOG_ADDONS, isLogAddon } from './data/addon-names.js';

export default defineRule({
  meta: {
    id: 'log-addon-missing',
    defaultSeverity: 'info',
    category: 'security',
    description: 'No log collection component (logtail-ds, loongcollector) is installed, so cluster auditing is unavailable.',
    details:
      'Without a Simple Log Service collector in addons, the cluster keeps no container or audit logs outside the nodes: the API server audit log cannot be used, and after an incident there is nothing to investigate. ACK recommends installing the log component at creation. Add {"name": "logtail-ds"} (loongcollector in newer releases) to addons, with config {"IngressDashboardEnabled":"true"} or an existing sls_project_name. An entry with disabled: true counts as not installed.',
    fact: {
      text: 'Simple Log Service is recommended; if it is disabled, the cluster auditing feature cannot be used. InfraGuard ack-cluster-log-plugin-installed (medium) requires a log addon, and CIS Alibaba Cloud 7.1 and 2.4 ask for Log Service on ACK clusters.',
      source: 'CreateCluster API reference, "addons" (Simple Log Service component); peer-rules.md (infraguard ack-cluster-log-plugin-installed, CIS v2 7.1, 2.4); ack-facts.md §2.6',
    },
    tags: ['security', 'best-practice', 'infraguard:ack-cluster-log-plugin-installed', 'cis:7.1', 'cis:2.4', 'logging', 'audit'],
  },
  check(ctx) {
    const doc = ctx.document;
    // Only cluster types ACK creates: a registered cluster's logging is set up in the cluster itself, and without a
    // cluster_type there is no telling what the spec creates.
    const type = doc.get(['cluster_type']);
    if (type !== 'ManagedKubernetes' && type !== 'Kubernetes' && type !== 'Ask') return;
    const addons = doc.get(['addons']);
    if (addons !== undefined && !Array.isArray(addons)) return; // not a list: the schema's concern
    const list = addons ?? [];
    let disabledAt: number | undefined;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (!isObject(a) || typeof a['name'] !== 'string' || !isLogAddon(a['name'])) continue;
      if (a['disabled'] !== true) return;
      disabledAt ??= i;
    }
    const names = `${LOG_ADDONS[0]} (or ${LOG_ADDONS[1]})`;
    if (disabledAt !== undefined) {
      ctx.report({
        message: `The log component is listed but disabled (addons[${disabledAt}].disabled: true), so no logs are collected and cluster auditing is unavailable. Remove disabled: true to install it.`,
        at: { path: ['addons', disabledAt, 'disabled'], on: 'entry' },
      });
      return;
    }
    ctx.report({
      message: `No log collection component is installed: addons has no ${names}, so container and audit logs are not collected and cluster auditing is unavailable. Add {"name": "${LOG_ADDONS[0]}"} to addons.`,
      at: addons !== undefined ? { path: ['addons'], on: 'key' } : { path: ['cluster_type'], on: 'key' },
    });
  },
});
