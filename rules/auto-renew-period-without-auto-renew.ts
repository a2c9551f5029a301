import { billingScopes, defineRule, formatPath, isGiven } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'auto-renew-period-without-auto-renew',
    defaultSeverity: 'warning',
    category: 'billing',
    description: 'auto_renew_period is set on a PrePaid scope whose auto_renew is off, so it has no effect.',
    details:
      'auto_renew_period says for how long a subscription renews itself when it expires, and is read only when auto_renew is true. With auto_renew false (or missing at the top level, where it defaults to false) the subscription simply ends and the period is ignored. Set auto_renew to true if renewal was meant, or remove auto_renew_period. A missing auto_renew is reported only at the top level: master_ and worker_ auto-renewal and control_plane_config.auto_renew default to true, and the sources disagree on the node-pool default.',
    fact: {
      text: 'auto_renew_period only takes effect when the charge type is PrePaid and auto_renew is true.',
      source: 'ack-facts.md §3.9 and §2.2 "auto_renew_period" (GO); defaults per §2.2, §2.3, §7',
    },
    tags: ['billing', 'subscription', 'auto-renew'],
    fixable: true,
  },
  check(ctx) {
    const doc = ctx.document;
    for (const s of billingScopes(ctx.value)) {
      if (doc.get(s.chargeType) !== 'PrePaid' || !isGiven(doc.get(s.autoRenewPeriod))) continue;
      const renew = doc.get(s.autoRenew);
      const off = renew === false || (renew === undefined && s.autoRenewDefault === false);
      if (!off) continue;
      const canFix = renew === false && doc.node(s.autoRenew)?.kind === 'boolean' && !doc.isShared(s.autoRenew);
      ctx.report({
        ...(canFix ? { fix: { title: `Set ${formatPath(s.autoRenew)} to true`, safe: false, edits: [{ target: { path: s.autoRenew }, newText: 'true' }] } } : {}),
        message: `${formatPath(s.autoRenewPeriod)} has no effect: ${renew === false ? `${formatPath(s.autoRenew)} is false` : `${formatPath(s.autoRenew)} is not set and defaults to false`}, so ${s.what} will not renew. Set ${formatPath(s.autoRenew)} to true if the subscription should renew, or remove ${formatPath(s.autoRenewPeriod)}.`,
        at: { path: s.autoRenewPeriod, on: 'key' },
        ...(renew === false ? { related: [{ path: s.autoRenew, message: 'auto-renewal is off here' }] } : {}),
      });
    }
  },
});
