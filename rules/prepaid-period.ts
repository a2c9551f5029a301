import { INVALID, billingScopes, defineRule, showValue, formatPath, type BillingScope, type JsonPath, type RuleContext } from '@acklint/core';

const CLUSTER_MONTHS = [1, 2, 3, 6, 12, 24, 36, 48, 60];
/** CreateClusterNodePool (GONP): the widest documented set, used as the error boundary (ack-facts.md §7). */
const NODEPOOL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60];
const NODEPOOL_WEEKS = [1, 2, 3, 4];

/** Auto-renewal terms: CreateCluster's own fields (GO) and CreateClusterNodePool (GONP, the widest set, §7). */
const CLUSTER_RENEW_MONTHS = [1, 2, 3, 6, 12];
const NODEPOOL_RENEW_MONTHS = [1, 2, 3, 6, 12, 24, 36, 48, 60];
const NODEPOOL_RENEW_WEEKS = [1, 2, 3];

/** The terms ACK offers in a kind of billing scope. */
interface Terms {
  /** Allowed periods per allowed unit; the first unit is the default when none is given. */
  units: Record<string, number[]>;
  /** Allowed auto-renewal periods per unit. */
  renewUnits: Record<string, number[]>;
}

const NODEPOOL_TERMS: Terms = { units: { Month: NODEPOOL_MONTHS, Week: NODEPOOL_WEEKS }, renewUnits: { Month: NODEPOOL_RENEW_MONTHS, Week: NODEPOOL_RENEW_WEEKS } };
const CLUSTER_TERMS: Terms = { units: { Month: CLUSTER_MONTHS }, renewUnits: { Month: CLUSTER_RENEW_MONTHS } };

const show = showValue;

function list(values: readonly (string | number)[]): string {
  return values.join(', ');
}

function checkScope(ctx: RuleContext, s: BillingScope, terms: Terms): void {
  const doc = ctx.document;
  if (doc.get(s.chargeType) !== 'PrePaid') return;
  // Message parts are worked out when there is something to report (most PrePaid scopes are fine).
  const related = () => [{ path: s.chargeType, message: `${formatPath(s.chargeType)} is PrePaid here` }];
  const unitNames = Object.keys(terms.units);
  const defaultUnit = unitNames[0]!;

  // The unit: an unreadable value was already reported as a syntax error; a missing one is another rule's concern.
  let unit = defaultUnit;
  let unitGiven = false;
  const unitValue = doc.get(s.periodUnit);
  if (unitValue !== undefined && unitValue !== INVALID && unitValue !== null) {
    if (typeof unitValue === 'string' && Object.hasOwn(terms.units, unitValue)) {
      unit = unitValue;
      unitGiven = true;
    } else {
      const allowed = unitNames.length === 1 ? `the only allowed unit is ${defaultUnit}` : `allowed units: ${list(unitNames)}`;
      ctx.report({
        message: `PrePaid subscription of ${s.what}: ${formatPath(s.periodUnit)} ${show(unitValue)} is not a billing unit ACK accepts here; ${allowed}.`,
        at: { path: s.periodUnit },
        related: related(),
      });
    }
  }

  const unitText = () => (unitGiven ? `with ${formatPath(s.periodUnit)} ${unit}` : `billed by ${unit}`);
  checkTerm(ctx, s.what, s.period, terms.units[unit]!, unitText, related);

  // The auto-renewal term, when auto-renewal is not explicitly off (auto-renew-period-without-auto-renew covers that).
  if (doc.get(s.autoRenew) === false) return;
  checkTerm(ctx, s.what, s.autoRenewPeriod, terms.renewUnits[unit]!, unitText, related, 'auto-renewal term');
}

function checkTerm(ctx: RuleContext, what: string, path: JsonPath, allowed: number[], unitText: () => string, related: () => Array<{ path: JsonPath; message: string }>, term = 'offered term'): void {
  const value = ctx.document.get(path);
  if (value === undefined || value === INVALID || value === null) return;
  if (typeof value === 'number' && allowed.includes(value)) return;
  const name = formatPath(path);
  let problem: string;
  if (typeof value === 'number') {
    problem = Number.isInteger(value) ? `${name} ${value} is not an ${term}` : `${name} ${value} is not a whole number`;
  } else if (typeof value === 'string') {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    problem = `${name} ${show(value)} is a string, not an integer${allowed.includes(n) ? ` (write ${n} without quotes)` : ''}`;
  } else {
    problem = `${name} ${show(value)} is not an integer`;
  }
  ctx.report({
    message: `PrePaid subscription of ${what}: ${problem}; ${unitText()} the allowed values are ${list(allowed)}.`,
    at: { path },
    related: related(),
  });
}

export default defineRule({
  meta: {
    id: 'prepaid-period',
    defaultSeverity: 'error',
    category: 'billing',
    description: 'A PrePaid (subscription) charge type has a period, period unit or auto-renewal period that ACK does not accept.',
    details:
      'When a charge type is PrePaid, the resources are bought for a fixed subscription term, given by the matching period and period_unit fields, and only a few terms are on offer. For the cluster itself, master and worker nodes and control_plane_config the unit is Month and the period must be 1, 2, 3, 6, 12, 24, 36, 48 or 60; their auto_renew_period must be 1, 2, 3, 6 or 12. For a node pool (nodepools[].scaling_group) the node-pool API also allows Month periods 4, 5, 7, 8 and 9 and the unit Week with periods 1 to 4, and auto-renewal for up to 60 months or 1 to 3 weeks (terms that not every source confirms are flagged by nodepool-period-unconfirmed). A period must be a JSON integer, not a string or a fraction. Pick one of the listed terms, or switch the charge type to PostPaid (pay-as-you-go) if no subscription is wanted.',
    fact: {
      text: 'PrePaid period: 1, 2, 3, 6, 12, 24, 36, 48 or 60 with period_unit Month (cluster, master, worker, control plane); auto_renew_period 1, 2, 3, 6 or 12. Node pools: Month → 1–9, 12, 24, 36, 48, 60; Week → 1–4; auto_renew_period Month → 1, 2, 3, 6, 12, 24, 36, 48, 60; Week → 1–3.',
      source: 'CreateCluster API reference, "period" and "period_unit"; ack-facts.md §2.2, §2.3, §2.7, §3.10 and §7 (GO, GONP)',
    },
    tags: ['billing', 'subscription', 'prepaid'],
  },
  check(ctx) {
    for (const s of billingScopes(ctx.value)) checkScope(ctx, s, s.kind === 'nodepool' ? NODEPOOL_TERMS : CLUSTER_TERMS);
  },
});
