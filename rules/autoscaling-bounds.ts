import { defineRule, formatPath, isObject, nodePools, numberValue } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'autoscaling-bounds',
    defaultSeverity: 'error',
    category: 'nodepools',
    description: 'A node pool with auto scaling on has min_instances above max_instances, or no max_instances.',
    details:
      'When nodepools[].auto_scaling.enable is true, the cluster autoscaler keeps the pool between auto_scaling.min_instances and auto_scaling.max_instances nodes, so 0 ≤ min_instances ≤ max_instances ≤ 2000 must hold, and max_instances is required (min_instances defaults to 0). A minimum above the maximum is refused. The bounds of each single field (not negative, at most 2000) are checked by the schema; this rule checks how they fit together. Nothing is checked when auto scaling is off: see autoscaling-disabled-fields.',
    fact: {
      text: 'Auto scaling: 0 ≤ min_instances ≤ max_instances ≤ 2000, checked when auto_scaling.enable is true; min_instances and max_instances are required there.',
      source: 'CreateClusterNodePool API reference, "auto_scaling"; ack-facts.md §2.7 and §3.21 (GO, GONP)',
    },
    tags: ['nodepools', 'autoscaling'],
  },
  check(ctx) {
    for (const np of nodePools(ctx.value)) {
      const as = np.pool['auto_scaling'];
      if (!isObject(as) || as['enable'] !== true) continue;
      const base = [...np.path, 'auto_scaling'];
      const enable = { path: [...base, 'enable'], message: 'auto scaling is turned on here' };
      const maxPath = [...base, 'max_instances'];
      const minPath = [...base, 'min_instances'];
      if (!Object.hasOwn(as, 'max_instances') || as['max_instances'] === null) {
        ctx.report({
          message: `${np.label.charAt(0).toUpperCase()}${np.label.slice(1)} turns auto scaling on but does not set auto_scaling.max_instances, the largest number of nodes the autoscaler may create. Add max_instances (at least min_instances, at most 2000).`,
          at: { path: base, on: 'key' },
          related: [enable],
        });
        continue;
      }
      const max = numberValue(as['max_instances']);
      const min = numberValue(as['min_instances']);
      if (max === undefined || min === undefined || min <= max) continue;
      ctx.report({
        message: `${formatPath(minPath)} is ${min}, more than max_instances ${max}: the autoscaler cannot keep ${np.label} between them. Make min_instances ≤ max_instances.`,
        at: { path: minPath },
        related: [{ path: maxPath, message: `max_instances is ${max}` }],
      });
    }
  },
});
