import { defineRule, formatPath, isObject, nodePools } from '@acklint/core';

function usesSpot(strategy: unknown): boolean {
  return strategy === 'SpotWithPriceLimit' || strategy === 'SpotAsPriceGo';
}

export default defineRule({
  meta: {
    id: 'cost-optimized-policy',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: 'compensate_with_on_demand is set without multi_az_policy COST_OPTIMIZED, or COST_OPTIMIZED has nothing to choose between.',
    details:
      "multi_az_policy COST_OPTIMIZED makes the scaling group create the cheapest instances first, choosing among several instance types or between spot and pay-as-you-go instances. It has an effect only when the node pool offers a choice: more than one instance type, or a spot strategy (SpotWithPriceLimit or SpotAsPriceGo). compensate_with_on_demand (fall back to pay-as-you-go when spot instances cannot be had) belongs to that policy and is ignored with PRIORITY (the default) or BALANCE. Set multi_az_policy to COST_OPTIMIZED where these options are wanted, and give the pool several instance types or a spot strategy.",
    fact: {
      text: 'compensate_with_on_demand only with multi_az_policy COST_OPTIMIZED; COST_OPTIMIZED only takes effect with several instance types or at least one spot type.',
      source: 'ack-facts.md §2.7 and §3.20 (GO, TFNP)',
    },
    tags: ['nodepools', 'spot', 'cost', 'no-effect'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const np of nodePools(ctx.value)) {
      const sg = np.pool['scaling_group'];
      if (!isObject(sg)) continue;
      const base = [...np.path, 'scaling_group'];
      const policy = sg['multi_az_policy'];
      const policyPath = [...base, 'multi_az_policy'];
      if (sg['compensate_with_on_demand'] === true && policy !== 'COST_OPTIMIZED') {
        if (policy === undefined || policy === null || typeof policy === 'string') {
          const now = typeof policy === 'string' && policy !== '' ? `multi_az_policy is ${JSON.stringify(policy)}` : 'multi_az_policy is not set (default PRIORITY)';
          ctx.report({
            message: `${formatPath([...base, 'compensate_with_on_demand'])} is true, but ${now}: on-demand compensation only works with COST_OPTIMIZED, so it is ignored for ${np.label}. Set multi_az_policy to COST_OPTIMIZED, or remove compensate_with_on_demand.`,
            at: { path: [...base, 'compensate_with_on_demand'] },
            ...(doc.has(policyPath) ? { related: [{ path: policyPath, message: 'scaling policy chosen here' }] } : {}),
          });
        }
      }
      if (policy !== 'COST_OPTIMIZED') continue;
      const types = sg['instance_types'];
      if (!Array.isArray(types) || types.length !== 1 || usesSpot(sg['spot_strategy'])) continue;
      const strategyPath = [...base, 'spot_strategy'];
      const spot = doc.has(strategyPath) ? [{ path: strategyPath, message: 'no spot instances with this strategy' }] : [];
      ctx.report({
        message: `${formatPath(policyPath)} is COST_OPTIMIZED, but ${np.label} has a single instance type and no spot strategy, so there is nothing cheaper to choose and the policy has no effect. Add instance types or a spot strategy (SpotWithPriceLimit or SpotAsPriceGo), or use PRIORITY or BALANCE.`,
        at: { path: policyPath },
        related: [{ path: [...base, 'instance_types'], message: 'a single instance type' }, ...spot],
      });
    }
  },
});
