import { defineRule, formatPath, isObject, nodePools, type JsonValue } from '@acklint/core';

/** The fields, with a value that asks for nothing (not reported). */
const FIELDS: Array<[string, (v: JsonValue) => boolean]> = [
  ['on_demand_base_capacity', (v) => v === 0],
  ['on_demand_percentage_above_base_capacity', () => false],
  ['spot_instance_pools', () => false],
  ['spot_instance_remedy', (v) => v === false],
  ['system_disk_categories', (v) => Array.isArray(v) && v.length <= 1],
];

export default defineRule({
  meta: {
    id: 'nodepool-mixed-instance-options',
    defaultSeverity: 'info',
    category: 'nodepools',
    description: 'A node pool with one instance type and no spot instances sets options that only matter for mixed or spot pools.',
    details:
      "on_demand_base_capacity, on_demand_percentage_above_base_capacity, spot_instance_pools and spot_instance_remedy shape how a scaling group mixes pay-as-you-go and spot instances across instance types, and system_disk_categories gives fallback disk categories for instance types that lack the first choice. In a pool with a single instance type and no spot strategy (NoSpot or none) there is nothing to mix, so these settings do nothing. Values that ask for nothing (on_demand_base_capacity 0, spot_instance_remedy false, at most one system disk category) are not reported. This is informational: the settings are harmless, but they suggest the pool was meant to offer more instance types or use spot instances.",
    fact: {
      text: 'system_disk_categories, on_demand_*, spot_instance_pools (and spot_instance_remedy) are relevant only for multi-type or spot configurations.',
      source: 'ack-facts.md §2.7 and §3.37 (GO)',
    },
    tags: ['nodepools', 'spot', 'no-effect'],
  },
  check(ctx) {
    for (const np of nodePools(ctx.value)) {
      const sg = np.pool['scaling_group'];
      if (!isObject(sg)) continue;
      const types = sg['instance_types'];
      const strategy = sg['spot_strategy'];
      if (!Array.isArray(types) || types.length !== 1) continue;
      if (strategy !== undefined && strategy !== null && strategy !== 'NoSpot' && strategy !== '') continue;
      const base = [...np.path, 'scaling_group'];
      for (const [f, idle] of FIELDS) {
        if (!Object.hasOwn(sg, f) || sg[f] === null || idle(sg[f]!)) continue;
        ctx.report({
          message: `${formatPath([...base, f])} only matters when a node pool mixes instance types or uses spot instances, and ${np.label} has one instance type and no spot strategy. Add instance types or a spot strategy, or remove the setting.`,
          at: { path: [...base, f], on: 'key' },
          related: [{ path: [...base, 'instance_types'], message: 'a single instance type' }],
        });
      }
    }
  },
});
