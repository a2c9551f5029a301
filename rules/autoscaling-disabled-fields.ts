import { defineRule, formatPath, isObject, nodePools, type JsonValue } from '@acklint/core';

/** auto_scaling fields that do something only when enable is true, with the value that means "nothing asked". */
const FIELDS: Array<[string, JsonValue | undefined]> = [
  ['min_instances', 0],
  ['max_instances', 0],
  ['type', 'cpu'],
  ['is_bond_eip', false],
  ['eip_bandwidth', 0],
  ['eip_internet_charge_type', 'PayByBandwidth'],
];

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `a`, `a and b`, `a, b and c`. */
function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export default defineRule({
  meta: {
    id: 'autoscaling-disabled-fields',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: 'A node pool sets auto_scaling fields while auto scaling is off, so they have no effect.',
    details:
      'nodepools[].auto_scaling.enable defaults to false, and while it is false every other auto_scaling field (min_instances, max_instances, type and the deprecated EIP fields) is ignored: the pool keeps the fixed size given by scaling_group.desired_size. Setting them usually means auto scaling was meant to be on. Set auto_scaling.enable to true, or remove the fields. Fields left at their default (min_instances 0, max_instances 0, type cpu, is_bond_eip false, eip_bandwidth 0, eip_internet_charge_type PayByBandwidth) are not reported.',
    fact: {
      text: 'auto_scaling.enable false (the default) makes the other auto_scaling fields ineffective.',
      source: 'CreateCluster API reference (nodepools.auto_scaling); ack-facts.md §2.7 and §3.21 (GO)',
    },
    tags: ['nodepools', 'autoscaling', 'no-effect'],
    fixable: true,
  },
  check(ctx) {
    for (const np of nodePools(ctx.value)) {
      const as = np.pool['auto_scaling'];
      if (!isObject(as)) continue;
      const enable = as['enable'];
      if (enable === true || (enable !== undefined && enable !== false && enable !== null)) continue; // on, or not a boolean (schema)
      const base = [...np.path, 'auto_scaling'];
      const set = FIELDS.filter(([k, def]) => Object.hasOwn(as, k) && as[k] !== null && as[k] !== def).map(([k]) => k);
      if (!set.length) continue;
      const state = enable === false ? 'auto_scaling.enable is false' : 'auto_scaling.enable is not set (default false)';
      ctx.report({
        message: `${capitalize(np.label)}: ${state}, so ${list(set)} ${set.length === 1 ? 'has' : 'have'} no effect and the pool keeps a fixed size. Set auto_scaling.enable to true if the pool should scale, or remove ${set.length === 1 ? 'the field' : 'these fields'}.`,
        at: enable === false ? { path: [...base, 'enable'] } : { path: base, on: 'key' },
        related: set.map((k) => ({ path: [...base, k], on: 'key' as const, message: `${formatPath([...base, k])} has no effect` })),
        ...(enable === false
          ? { fix: { title: 'Turn auto scaling on', safe: false, edits: [{ target: { path: [...base, 'enable'] }, newText: 'true' }] } }
          : {}),
      });
    }
  },
});
