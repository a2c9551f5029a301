import { defineRule, formatPath, isObject, nodePools } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'spot-price-limit',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: "spot_price_limit is set without spot_strategy SpotWithPriceLimit, or names an instance type the node pool does not use.",
    details:
      "A node pool's scaling_group.spot_price_limit[] gives the highest hourly price to pay for each spot instance type. ACK reads it only when spot_strategy is SpotWithPriceLimit: with NoSpot (the default) or SpotAsPriceGo the limits are ignored, which usually means the strategy was forgotten. Each entry's instance_type should also be one of the pool's instance_types, or its limit applies to nothing. Set spot_strategy to SpotWithPriceLimit (or remove spot_price_limit), and keep the entries in step with instance_types.",
    fact: {
      text: 'spot_price_limit[] is meaningful only with spot_strategy SpotWithPriceLimit; each entry\'s instance_type should appear in instance_types.',
      source: 'ack-facts.md §2.7 and §3.19 (GO; the instance-type part is an inference)',
    },
    tags: ['nodepools', 'spot', 'no-effect'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const np of nodePools(ctx.value)) {
      const sg = np.pool['scaling_group'];
      if (!isObject(sg)) continue;
      const limits = sg['spot_price_limit'];
      if (!Array.isArray(limits) || limits.length === 0) continue;
      const base = [...np.path, 'scaling_group'];
      const strategy = sg['spot_strategy'];
      if (strategy !== 'SpotWithPriceLimit') {
        if (strategy !== undefined && strategy !== null && typeof strategy !== 'string') continue;
        const hasStrategy = doc.has([...base, 'spot_strategy']);
        const now = typeof strategy === 'string' && strategy !== '' ? `spot_strategy is ${JSON.stringify(strategy)}` : 'spot_strategy is not set (default NoSpot)';
        ctx.report({
          message: `${formatPath([...base, 'spot_price_limit'])} is set, but ${now}, so the price limits of ${np.label} are ignored. Set spot_strategy to SpotWithPriceLimit to use them, or remove spot_price_limit.`,
          at: { path: [...base, 'spot_price_limit'], on: 'key' },
          ...(hasStrategy ? { related: [{ path: [...base, 'spot_strategy'], message: 'spot strategy chosen here' }] } : {}),
        });
        continue;
      }
      const types = sg['instance_types'];
      if (!Array.isArray(types)) continue;
      const known = new Set(types.filter((t): t is string => typeof t === 'string'));
      limits.forEach((entry, i) => {
        const type = isObject(entry) ? entry['instance_type'] : undefined;
        if (typeof type !== 'string' || type === '' || known.has(type)) return;
        const path = [...base, 'spot_price_limit', i, 'instance_type'];
        ctx.report({
          message: `${formatPath(path)} is ${JSON.stringify(type)}, which is not among the instance_types of ${np.label} (${[...known].join(', ') || 'none'}), so this price limit applies to nothing. Use one of the pool's instance types, or add ${type} to instance_types.`,
          at: { path },
          related: [{ path: [...base, 'instance_types'], message: 'the pool\'s instance types' }],
        });
      });
    }
  },
});
