import { defineRule, isObject, type JsonPath } from '@acklint/core';

const FLAGS = ['security_hardening_os', 'cis_enabled', 'soc_enabled'] as const;

export default defineRule({
  meta: {
    id: 'node-hardening-disabled',
    defaultSeverity: 'info',
    category: 'security',
    description: 'OS security hardening is explicitly turned off for a set of nodes (security_hardening_os / cis_enabled / soc_enabled all false).',
    details:
      'ACK can harden the node operating system at creation: Alibaba Cloud Linux security hardening (security_hardening_os), CIS hardening (cis_enabled) or the MLPS (classified protection) baseline (soc_enabled). These are alternatives, so a scope needs only one of them. The rule reports a node scope (a node pool\'s scaling_group, control_plane_config, or the legacy top-level fields) where hardening flags are written and every one of them is false, which is an explicit decision to run unhardened nodes. Turn on the baseline that suits you; scopes that leave the flags out are not reported.',
    fact: {
      text: 'cis_enabled, soc_enabled and security_hardening_os enable OS hardening baselines for nodes (default false); soc_enabled needs Alibaba Cloud Linux 2 or 3.',
      source: 'Go SDK CreateClusterRequest and Nodepool models; peer-rules.md (candidates: node hardening); ack-facts.md §2.2, §2.3, §2.7 (GO, GONP)',
    },
    tags: ['security', 'best-practice', 'hardening', 'cis'],
  },
  check(ctx) {
    const doc = ctx.document;
    const scopes: Array<{ path: JsonPath; what: string }> = [
      { path: [], what: 'The worker nodes (top-level fields)' },
      { path: ['control_plane_config'], what: 'The control-plane nodes' },
    ];
    const pools = doc.get(['nodepools']);
    if (Array.isArray(pools)) {
      pools.forEach((pool, i) => {
        const info = isObject(pool) ? pool['nodepool_info'] : undefined;
        const name = isObject(info) && typeof info['name'] === 'string' && info['name'] !== '' ? `Node pool ${JSON.stringify(info['name'])}` : `nodepools[${i}]`;
        scopes.push({ path: ['nodepools', i, 'scaling_group'], what: name });
      });
    }
    for (const { path, what } of scopes) {
      const obj = doc.get(path);
      if (!isObject(obj)) continue;
      // In the order they are written, so the finding is on the first one.
      const written = FLAGS.filter((f) => obj[f] !== undefined).sort((a, b) => doc.spanOf([...path, a]).start - doc.spanOf([...path, b]).start);
      if (!written.length || written.some((f) => obj[f] !== false)) continue;
      ctx.report({
        message: `${what}: OS hardening is turned off (${written.map((f) => `${f}: false`).join(', ')}), so the nodes run without a security baseline. Turn one baseline on, for example security_hardening_os: true (Alibaba Cloud Linux) or cis_enabled: true.`,
        at: { path: [...path, written[0]!] },
        related: written.slice(1).map((f) => ({ path: [...path, f], message: `${f} is false here too` })),
      });
    }
  },
});
