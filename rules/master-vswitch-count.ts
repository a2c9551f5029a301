import { clusterKind, defineRule, isObject, numberish } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'master-vswitch-count',
    defaultSeverity: 'error',
    category: 'edition',
    description: 'A dedicated cluster lists a number of master_vswitch_ids that differs from master_count (default 3).',
    details:
      'In the legacy master_* fields of an ACK dedicated cluster, master_vswitch_ids gives the vSwitch of each master node in turn, so it must list exactly master_count entries: 3 (the default) or 5. Repeat a vSwitch ID to put several masters in the same vSwitch, or, better for availability, use vSwitches in different zones. Managed clusters ignore these fields (see dedicated-only-field).',
    fact: {
      text: 'master_count is 3 or 5 (default 3), and the number of master_vswitch_ids must equal master_count (Terraform derives master_count from the list length).',
      source: 'ack-facts.md §3.15, §2.2 and §7 "master_vswitch_ids count" (GO, TFK)',
    },
    tags: ['dedicated', 'masters', 'vswitch'],
  },
  check(ctx) {
    const root = ctx.value;
    if (clusterKind(root) !== 'dedicated' || !isObject(root)) return;
    const ids = root['master_vswitch_ids'];
    if (!Array.isArray(ids) || ids.length === 0) return;
    const given = Object.hasOwn(root, 'master_count');
    const count = given ? numberish(root['master_count']) : 3;
    if (count === undefined || !Number.isInteger(count) || ids.length === count) return;
    ctx.report({
      message: `master_vswitch_ids lists ${ids.length} vSwitch${ids.length === 1 ? '' : 'es'}, but ${given ? `master_count is ${count}` : 'master_count is not set and defaults to 3'}: each master node needs its own entry. List exactly ${count} vSwitch IDs (repeat one to place several masters in it)${given ? ', or change master_count' : ids.length === 5 ? ', or add master_count: 5' : ''}.`,
      at: { path: ['master_vswitch_ids'] },
      ...(given ? { related: [{ path: ['master_count'], message: `master_count is ${count} here` }] } : {}),
    });
  },
});
