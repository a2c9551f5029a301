import { billingScopes, defineRule, formatPath, type JsonPath } from '@acklint/core';

/** Terms every source agrees on for node pools (ack-facts.md §3.10, §7). */
const SAFE_MONTHS = [1, 2, 3, 6, 12];
/** The widest documented sets (CreateClusterNodePool); outside them prepaid-period reports an error. */
const WIDE = {
  period: { Month: [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60], Week: [1, 2, 3, 4] },
  renew: { Month: [1, 2, 3, 6, 12, 24, 36, 48, 60], Week: [1, 2, 3] },
} as const;

export default defineRule({
  meta: {
    id: 'nodepool-period-unconfirmed',
    defaultSeverity: 'warning',
    category: 'billing',
    description: 'A PrePaid node pool uses a term (Week, or a month count other than 1, 2, 3, 6, 12) that not every official source accepts.',
    details:
      'The sources disagree on the subscription terms of a node pool created inside CreateCluster. The CreateClusterNodePool documentation allows Month periods 1 to 9, 12, 24, 36, 48 and 60 and Week periods 1 to 4 (auto-renewal: Month up to 60, Week 1 to 3), and prepaid-period accepts all of those. But the node-pool model nested in CreateCluster, and Terraform, list only Month with 1, 2, 3, 6 or 12. A term outside that common set may therefore be refused when the pool is created with the cluster. Use Month with 1, 2, 3, 6 or 12, or create the pool afterwards with CreateClusterNodePool if you need the other terms.',
    fact: {
      text: 'Node-pool period: Nodepool model Month 1, 2, 3, 6, 12; CreateClusterNodePool Month 1–9, 12, 24, 36, 48, 60 and Week 1–4. auto_renew_period: Month 1, 2, 3, 6, 12 vs Month up to 60 and Week 1–3. Error outside the widest set, warn outside the common one.',
      source: 'ack-facts.md §3.10 and §7 (GO, GONP, TFNP, ROSCDK)',
    },
    tags: ['billing', 'subscription', 'nodepools'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const s of billingScopes(ctx.value)) {
      if (s.kind !== 'nodepool' || doc.get(s.chargeType) !== 'PrePaid') continue;
      const unitValue = doc.get(s.periodUnit);
      const unit = unitValue === undefined || unitValue === null ? 'Month' : unitValue;
      if (unit !== 'Month' && unit !== 'Week') continue; // prepaid-period reports it
      const check = (path: JsonPath, wide: readonly number[], what: string) => {
        const v = doc.get(path);
        if (typeof v !== 'number' || !wide.includes(v)) return;
        if (unit === 'Month' && SAFE_MONTHS.includes(v)) return;
        const why = unit === 'Week' ? `weekly terms are documented only for CreateClusterNodePool` : `${v} months is documented only for CreateClusterNodePool`;
        ctx.report({
          message: `${s.what}: ${formatPath(path)} ${v} ${unit === 'Week' ? 'with period_unit Week ' : ''}may be refused: ${why}, while the node-pool model of CreateCluster lists Month with 1, 2, 3, 6 or 12 only. Use one of those for the ${what}, or add the pool later with CreateClusterNodePool.`,
          at: { path },
          related: unit === 'Week' ? [{ path: s.periodUnit, message: 'Week chosen here' }] : [{ path: s.chargeType, message: 'PrePaid here' }],
        });
      };
      check(s.period, WIDE.period[unit], 'subscription term');
      if (doc.get(s.autoRenew) !== false) check(s.autoRenewPeriod, WIDE.renew[unit], 'auto-renewal term');
    }
  },
});
