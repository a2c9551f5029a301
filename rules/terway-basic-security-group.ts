import { defineRule, isObject } from '@acklint/core';

const TERWAY = new Set(['terway', 'terway-eni', 'terway-eniip']);

export default defineRule({
  meta: {
    id: 'terway-basic-security-group',
    defaultSeverity: 'info',
    category: 'network',
    description: 'A Terway cluster asks ACK to create a basic security group (is_enterprise_security_group: false), which caps nodes plus pods at 2,000.',
    details:
      'With Terway, every pod gets its own elastic network interface address, and each of them counts against the security group\'s capacity. A basic security group holds at most 2,000 members in total, nodes and Terway pods together, so a growing cluster reaches the limit and new pods fail to get an address. An advanced (enterprise) security group has no such limit. Set is_enterprise_security_group to true (its default), or name an existing advanced group in security_group_id.',
    fact: {
      text: 'With a basic security group, the number of nodes plus Terway pods must not exceed 2,000, so an advanced security group is recommended for Terway clusters.',
      source: 'CreateCluster API reference, "is_enterprise_security_group" (note); ack-facts.md §2.1, §3.26, §5 (GO)',
    },
    tags: ['network', 'security-group', 'terway', 'scaling', 'best-practice'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    if (doc.get(['is_enterprise_security_group']) !== false) return;
    const sg = doc.get(['security_group_id']);
    if (typeof sg === 'string' && sg.trim() !== '') return; // the flag is ignored (security-group-conflict)
    const addons = doc.get(['addons']);
    if (!Array.isArray(addons)) return;
    const i = addons.findIndex((a) => isObject(a) && typeof a['name'] === 'string' && TERWAY.has(a['name']) && a['disabled'] !== true);
    if (i < 0) return;
    const name = (addons[i] as { name: string }).name;
    ctx.report({
      message: `is_enterprise_security_group is false, so ACK creates a basic security group, but the cluster uses Terway (${name}): a basic group holds at most 2,000 nodes and Terway pods together, and pods beyond that cannot get an address. Set it to true to get an advanced security group.`,
      at: { path: ['is_enterprise_security_group'] },
      related: [{ path: ['addons', i, 'name'], message: 'Terway is chosen here' }],
      fix: { title: 'Create an advanced security group', safe: false, edits: [{ target: { path: ['is_enterprise_security_group'] }, newText: 'true' }] },
    });
  },
});
