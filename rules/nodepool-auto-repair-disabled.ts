import { defineRule, isObject } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'nodepool-auto-repair-disabled',
    defaultSeverity: 'info',
    category: 'security',
    description: 'A node pool does not repair failed nodes automatically (managed node pool off, or management.auto_repair false).',
    details:
      'When a node fails (kubelet down, disk full, kernel hang), a managed node pool with auto repair drains and repairs or replaces it; without it, the node stays NotReady until someone notices, and its pods wait. Auto repair needs the pool to be managed (management.enable: true); it is then on unless management.auto_repair is false. Set management: {enable: true, auto_repair: true} on each regular (ess) node pool. Edge and Lingjun pools are not checked.',
    fact: {
      text: 'nodepools[].management.auto_repair repairs failed nodes and applies only when management.enable is true (it then defaults to true); Checkov CKV_ALI_31 and KICS 81ce9394-013d-4731-8fcc-9d229b474073 require auto repair on node pools.',
      source: 'CreateClusterNodePool API (management.enable, auto_repair); peer-rules.md (checkov CKV_ALI_31, kics 81ce9394-013d-4731-8fcc-9d229b474073); ack-facts.md §2.7 (GO, GONP)',
    },
    tags: ['security', 'best-practice', 'checkov:CKV_ALI_31', 'kics:81ce9394-013d-4731-8fcc-9d229b474073', 'nodepools', 'availability'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    const pools = doc.get(['nodepools']);
    if (!Array.isArray(pools)) return;
    pools.forEach((pool, i) => {
      if (!isObject(pool)) return;
      const info = pool['nodepool_info'];
      const type = isObject(info) ? info['type'] : undefined;
      if (type === 'edge' || type === 'lingjun') return;
      const name = isObject(info) && typeof info['name'] === 'string' && info['name'] !== '' ? `Node pool ${JSON.stringify(info['name'])}` : `nodepools[${i}]`;
      const mgmt = pool['management'];
      if (mgmt !== undefined && !isObject(mgmt)) return; // the schema's concern
      const enable = isObject(mgmt) ? mgmt['enable'] : undefined;
      const repair = isObject(mgmt) ? mgmt['auto_repair'] : undefined;
      if ((enable !== undefined && typeof enable !== 'boolean') || (repair !== undefined && typeof repair !== 'boolean')) return;
      if (enable === true) {
        if (repair !== false) return;
        const path = ['nodepools', i, 'management', 'auto_repair'];
        ctx.report({
          message: `${name} turns auto repair off (management.auto_repair: false): failed nodes stay broken until someone repairs them. Set it to true.`,
          at: { path },
          fix: { title: 'Turn auto repair on', safe: false, edits: [{ target: { path }, newText: 'true' }] },
        });
        return;
      }
      const why = enable === false ? 'management.enable is false' : mgmt === undefined ? 'it has no management block' : 'management.enable is not set (the default is false)';
      ctx.report({
        message: `${name} does not repair failed nodes automatically: ${why}, so the pool is not managed and auto repair does not run. Set management.enable and management.auto_repair to true.`,
        at: enable === false ? { path: ['nodepools', i, 'management', 'enable'] } : mgmt !== undefined ? { path: ['nodepools', i, 'management'], on: 'key' } : { path: ['nodepools', i], on: 'key' },
        ...(enable === false
          ? { fix: { title: 'Make the node pool managed', safe: false, edits: [{ target: { path: ['nodepools', i, 'management', 'enable'] }, newText: 'true' }] } }
          : {}),
      });
    });
  },
});
