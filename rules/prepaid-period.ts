import { INVALID, defineRule, formatPath, isObject, type JsonPath, type JsonValue, type RuleContext } from '@acklint/core';

const CLUSTER_MONTHS = [1, 2, 3, 6, 12, 24, 36, 48, 60];
/** CreateClusterNodePool (GONP): the widest documented set, used as the error boundary (ack-facts.md §7). */
const NODEPOOL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60];
const NODEPOOL_WEEKS = [1, 2, 3, 4];

interface Scope {
  /** How the scope reads in messages. */
  what: string;
  chargeType: JsonPath;
  period: JsonPath;
  periodUnit: JsonPath;
  /** Allowed periods per allowed unit; the first unit is the default when none is given. */
  units: Record<string, number[]>;
}

function scopes(value: JsonValue | undefined): Scope[] {
  const out: Scope[] = [
    { what: 'the cluster (API server load balancer)', chargeType: ['charge_type'], period: ['period'], periodUnit: ['period_unit'], units: { Month: CLUSTER_MONTHS } },
    { what: 'the master nodes', chargeType: ['master_instance_charge_type'], period: ['master_period'], periodUnit: ['master_period_unit'], units: { Month: CLUSTER_MONTHS } },
    { what: 'the worker nodes', chargeType: ['worker_instance_charge_type'], period: ['worker_period'], periodUnit: ['worker_period_unit'], units: { Month: CLUSTER_MONTHS } },
    {
      what: 'the control plane',
      chargeType: ['control_plane_config', 'charge_type'],
      period: ['control_plane_config', 'period'],
      periodUnit: ['control_plane_config', 'period_unit'],
      units: { Month: CLUSTER_MONTHS },
    },
  ];
  const pools = isObject(value) ? value['nodepools'] : undefined;
  if (Array.isArray(pools)) {
    pools.forEach((pool, i) => {
      const sg: JsonPath = ['nodepools', i, 'scaling_group'];
      const info = isObject(pool) ? pool['nodepool_info'] : undefined;
      const name = isObject(info) ? info['name'] : undefined;
      out.push({
        what: typeof name === 'string' && name !== '' ? `node pool ${JSON.stringify(name)}` : `node pool ${formatPath(['nodepools', i])}`,
        chargeType: [...sg, 'instance_charge_type'],
        period: [...sg, 'period'],
        periodUnit: [...sg, 'period_unit'],
        units: { Month: NODEPOOL_MONTHS, Week: NODEPOOL_WEEKS },
      });
    });
  }
  return out;
}

/** How a value reads in a message: strings quoted, numbers as written. */
function show(v: JsonValue): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === INVALID) return '(unreadable)';
  if (Array.isArray(v)) return 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  return String(v);
}

function list(values: readonly (string | number)[]): string {
  return values.join(', ');
}

function checkScope(ctx: RuleContext, s: Scope): void {
  const doc = ctx.document;
  if (doc.get(s.chargeType) !== 'PrePaid') return;
  const chargeName = formatPath(s.chargeType);
  const related = [{ path: s.chargeType, message: `${chargeName} is PrePaid here` }];
  const unitNames = Object.keys(s.units);
  const defaultUnit = unitNames[0]!;

  // The unit: an unreadable value was already reported as a syntax error; a missing one is another rule's concern.
  let unit = defaultUnit;
  let unitGiven = false;
  const unitValue = doc.get(s.periodUnit);
  const unitName = formatPath(s.periodUnit);
  if (unitValue !== undefined && unitValue !== INVALID && unitValue !== null) {
    if (typeof unitValue === 'string' && Object.hasOwn(s.units, unitValue)) {
      unit = unitValue;
      unitGiven = true;
    } else {
      const allowed = unitNames.length === 1 ? `the only allowed unit is ${defaultUnit}` : `allowed units: ${list(unitNames)}`;
      ctx.report({
        message: `PrePaid subscription of ${s.what}: ${unitName} ${show(unitValue)} is not a billing unit ACK accepts here; ${allowed}.`,
        at: { path: s.periodUnit },
        related,
      });
    }
  }

  const periodValue = doc.get(s.period);
  if (periodValue === undefined || periodValue === INVALID || periodValue === null) return;
  const allowed = s.units[unit]!;
  if (typeof periodValue === 'number' && allowed.includes(periodValue)) return;
  const periodName = formatPath(s.period);
  let problem: string;
  if (typeof periodValue === 'number') {
    problem = Number.isInteger(periodValue) ? `${periodName} ${periodValue} is not an offered term` : `${periodName} ${periodValue} is not a whole number`;
  } else if (typeof periodValue === 'string') {
    const n = /^\s*\d+\s*$/.test(periodValue) ? Number(periodValue) : NaN;
    problem = `${periodName} ${show(periodValue)} is a string, not an integer${allowed.includes(n) ? ` (write ${n} without quotes)` : ''}`;
  } else {
    problem = `${periodName} ${show(periodValue)} is not an integer`;
  }
  ctx.report({
    message: `PrePaid subscription of ${s.what}: ${problem}; ${unitGiven ? `with ${unitName} ${unit}` : `billed by ${unit}`} the allowed values are ${list(allowed)}.`,
    at: { path: s.period },
    related,
  });
}

export default defineRule({
  meta: {
    id: 'prepaid-period',
    defaultSeverity: 'error',
    category: 'billing',
    description: 'A PrePaid (subscription) charge type has a period or period unit that ACK does not accept.',
    details:
      'When a charge type is PrePaid, the resources are bought for a fixed subscription term, given by the matching period and period_unit fields, and only a few terms are on offer. For the cluster itself, master and worker nodes and control_plane_config the unit is Month and the period must be 1, 2, 3, 6, 12, 24, 36, 48 or 60. For a node pool (nodepools[].scaling_group) the node-pool API also allows Month periods 4, 5, 7, 8 and 9, and the unit Week with periods 1 to 4. A period must be a JSON integer, not a string or a fraction. Pick one of the listed terms, or switch the charge type to PostPaid (pay-as-you-go) if no subscription is wanted.',
    fact: {
      text: 'PrePaid period: 1, 2, 3, 6, 12, 24, 36, 48 or 60 with period_unit Month (cluster, master, worker, control plane). Node pools: Month → 1–9, 12, 24, 36, 48, 60; Week → 1–4.',
      source: 'CreateCluster API reference, "period" and "period_unit"; ack-facts.md §2.2, §2.3, §2.7 and §7 (GO, GONP)',
    },
    tags: ['billing', 'subscription', 'prepaid'],
  },
  check(ctx) {
    for (const s of scopes(ctx.value)) checkScope(ctx, s);
  },
});
