import { billingScopes, defineRule, formatPath, isGiven } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'billing-fields-without-prepaid',
    defaultSeverity: 'warning',
    category: 'billing',
    description: 'A subscription field (period, period_unit, auto_renew, auto_renew_period) is set where the charge type is not PrePaid, so it has no effect.',
    details:
      'The period, period_unit, auto_renew and auto_renew_period fields of a billing scope describe a subscription and are read only when that scope\'s charge type is PrePaid. With PostPaid (pay-as-you-go, also the default when the charge type is missing) they are ignored, which usually means either the charge type or the leftover fields are a mistake. Checked in every scope: top level, master_*, worker_*, control_plane_config and nodepools[].scaling_group. auto_renew: false is not reported, since it asks for what PostPaid does anyway.',
    fact: {
      text: 'The period fields take effect only when the charge type is PrePaid; the default charge type is PostPaid.',
      source: 'CreateCluster API reference, "charge_type" and "period"; ack-facts.md §3.9 (GO, TS)',
    },
    tags: ['billing', 'subscription', 'postpaid'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const s of billingScopes(ctx.value)) {
      const charge = doc.get(s.chargeType);
      if (charge !== undefined && charge !== null && charge !== 'PostPaid') continue; // PrePaid, or a bad value (schema)
      const chargeText = charge === 'PostPaid' ? `${formatPath(s.chargeType)} is PostPaid` : `${formatPath(s.chargeType)} is not set, so it is PostPaid`;
      for (const p of [s.period, s.periodUnit, s.autoRenew, s.autoRenewPeriod]) {
        const v = doc.get(p);
        if (!isGiven(v) || (p === s.autoRenew && v === false)) continue;
        ctx.report({
          message: `${formatPath(p)} has no effect: ${chargeText} (pay-as-you-go), and subscription fields are read only with PrePaid. Remove ${formatPath(p)}, or set ${formatPath(s.chargeType)} to PrePaid if a subscription of ${s.what} was meant.`,
          at: { path: p, on: 'key' },
          ...(charge === 'PostPaid' ? { related: [{ path: s.chargeType, message: `${formatPath(s.chargeType)} is PostPaid here` }] } : {}),
        });
      }
    }
  },
});
