import { defineRule, formatPath, isObject, nodePools, numberValue } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'autoscaling-desired-size',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: "A node pool's desired_size lies outside its auto scaling range [min_instances, max_instances].",
    details:
      'With auto scaling on, the autoscaler keeps a node pool between auto_scaling.min_instances and auto_scaling.max_instances. A scaling_group.desired_size outside that range asks for a node count the autoscaler undoes at once: too few nodes are added up to the minimum, too many are removed down to the maximum (or the request is refused). Set desired_size within the range, or leave it out and let the autoscaler size the pool. This is an inference from how the two settings interact, so it is a warning.',
    fact: {
      text: 'If desired_size is set on a node pool with auto scaling, it should lie within [min_instances, max_instances] (min_instances defaults to 0).',
      source: 'ack-facts.md §3.21 (GONP, GO; the desired_size part is an inference)',
    },
    tags: ['nodepools', 'autoscaling'],
  },
  check(ctx) {
    for (const np of nodePools(ctx.value)) {
      const as = np.pool['auto_scaling'];
      const sg = np.pool['scaling_group'];
      if (!isObject(as) || as['enable'] !== true || !isObject(sg)) continue;
      const desired = numberValue(sg['desired_size']);
      const max = numberValue(as['max_instances']);
      const min = Object.hasOwn(as, 'min_instances') ? numberValue(as['min_instances']) : 0;
      if (desired === undefined || max === undefined || min === undefined || min > max) continue; // min > max: autoscaling-bounds
      if (desired >= min && desired <= max) continue;
      const base = [...np.path, 'auto_scaling'];
      const bound = desired < min ? 'min_instances' : 'max_instances';
      const related = [{ path: [...base, bound], message: `${bound} is ${desired < min ? min : max}` }];
      ctx.report({
        message: `${formatPath([...np.path, 'scaling_group', 'desired_size'])} is ${desired}, ${desired < min ? 'below' : 'above'} the auto scaling range ${min}..${max} of ${np.label}; the autoscaler would move the pool into the range at once. Set desired_size between ${min} and ${max}, or remove it.`,
        at: { path: [...np.path, 'scaling_group', 'desired_size'] },
        related: Object.hasOwn(as, bound) ? related : [],
      });
    }
  },
});
