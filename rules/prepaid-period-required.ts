import { billingScopes, defineRule, formatPath, isGiven } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'prepaid-period-required',
    defaultSeverity: 'error',
    category: 'billing',
    description: 'A charge type is PrePaid (subscription), but its period or period_unit is not set.',
    details:
      'A subscription is bought for a term, and the request has to say which: whenever a charge type is PrePaid, the matching period (how many units) and period_unit (Month, or for node pools also Week) are required. This holds in every billing scope: the top-level charge_type, master_instance_charge_type and worker_instance_charge_type with their master_/worker_ period fields, control_plane_config, and each nodepools[].scaling_group. Add both fields, or use PostPaid (pay-as-you-go) if no subscription is wanted.',
    fact: {
      text: 'period takes effect and is required only when the charge type is PrePaid; period_unit is required if the charge type is PrePaid. The same holds for the master_, worker_, control_plane_config and node-pool billing fields.',
      source: 'CreateCluster API reference, "period" and "period_unit"; ack-facts.md §3.9, §2.2, §2.3, §2.7 (GO, TS, TFD-NP)',
    },
    tags: ['billing', 'subscription', 'prepaid'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const s of billingScopes(ctx.value)) {
      if (doc.get(s.chargeType) !== 'PrePaid') continue;
      const missing = [s.period, s.periodUnit].filter((p) => !isGiven(doc.get(p)));
      if (missing.length === 0) continue;
      const names = missing.map((p) => formatPath(p));
      const add = missing.map((p) => (p === s.period ? `${formatPath(p)} (e.g. 1)` : `${formatPath(p)} (Month)`)).join(' and ');
      ctx.report({
        message: `${formatPath(s.chargeType)} is PrePaid, but ${names.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set: a subscription of ${s.what} needs its term. Add ${add}, or use PostPaid if no subscription is wanted.`,
        at: { path: s.chargeType },
      });
    }
  },
});
