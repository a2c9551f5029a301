import { defineRule, formatPath, isObject, nodePools, numberValue, type JsonObject } from '@acklint/core';

/**
 * The deprecated EIP fields that ask for something: is_bond_eip true, eip_bandwidth above 0, eip_internet_charge_type
 * other than its default PayByBandwidth (values left at their defaults are what exported specs often carry).
 */
function eipFields(as: JsonObject): string[] {
  const out: string[] = [];
  if (as['is_bond_eip'] === true) out.push('is_bond_eip');
  if ((numberValue(as['eip_bandwidth']) ?? 0) > 0) out.push('eip_bandwidth');
  const charge = as['eip_internet_charge_type'];
  if (typeof charge === 'string' && charge !== '' && charge !== 'PayByBandwidth') out.push('eip_internet_charge_type');
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `a`, `a and b`, `a, b and c`. */
function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export default defineRule({
  meta: {
    id: 'eip-internet-charge-type',
    defaultSeverity: 'warning',
    category: 'nodepools',
    description: "A node pool sets both the deprecated auto_scaling EIP fields and scaling_group's public IP settings (internet_charge_type, internet_max_bandwidth_out).",
    details:
      "There are two ways to give a node pool's nodes public IP addresses: the deprecated auto_scaling.is_bond_eip, eip_bandwidth and eip_internet_charge_type (an elastic IP per node), and the current scaling_group.internet_charge_type with internet_max_bandwidth_out (a public IP from the instance). They are mutually exclusive (the Terraform provider refuses the combination), and which one ACK follows is not documented. Keep scaling_group.internet_charge_type and internet_max_bandwidth_out, and remove the auto_scaling EIP fields.",
    fact: {
      text: 'auto_scaling.is_bond_eip / eip_bandwidth / eip_internet_charge_type are deprecated in favour of scaling_group.internet_charge_type / internet_max_bandwidth_out, and mutually exclusive with them (Terraform ConflictsWith).',
      source: 'CreateClusterNodePool API reference, "auto_scaling.eip_bandwidth"; ack-facts.md §2.7 and §3.22 (GONP, TFNP)',
    },
    tags: ['nodepools', 'eip', 'internet', 'deprecated'],
  },
  check(ctx) {
    for (const np of nodePools(ctx.value)) {
      const as = np.pool['auto_scaling'];
      const sg = np.pool['scaling_group'];
      if (!isObject(as) || !isObject(sg)) continue;
      const eip = eipFields(as);
      if (!eip.length) continue;
      const current = ['internet_charge_type', 'internet_max_bandwidth_out'].filter((k) => Object.hasOwn(sg, k) && sg[k] !== null && sg[k] !== '');
      if (!current.length) continue;
      const asBase = [...np.path, 'auto_scaling'];
      const sgBase = [...np.path, 'scaling_group'];
      ctx.report({
        message: `${capitalize(np.label)} sets the deprecated ${list(eip.map((k) => `auto_scaling.${k}`))} as well as ${list(current.map((k) => `scaling_group.${k}`))}: the two ways of giving nodes public IPs exclude each other. Keep the scaling_group settings and remove the auto_scaling EIP fields.`,
        at: { path: [...asBase, eip[0]!], on: 'key' },
        related: [
          ...eip.slice(1).map((k) => ({ path: [...asBase, k], on: 'key' as const, message: `${formatPath([...asBase, k])} (deprecated)` })),
          ...current.map((k) => ({ path: [...sgBase, k], on: 'key' as const, message: `${formatPath([...sgBase, k])} is set here` })),
        ],
      });
    }
  },
});
