import { clusterKind, defineRule, isGiven, isObject, type JsonValue } from '@acklint/core';

function listGiven(v: JsonValue | undefined): boolean {
  return isGiven(v) && !(Array.isArray(v) && v.length === 0);
}

export default defineRule({
  meta: {
    id: 'zone-ids-ignored',
    defaultSeverity: 'warning',
    category: 'network',
    description: 'zone_ids is set together with vpcid and vswitch_ids, which take precedence, so zone_ids has no effect.',
    details:
      'zone_ids is how a managed cluster asks ACK to create its VPC and vSwitches in the given zones. When the request also names an existing VPC (vpcid) and vSwitches (vswitch_ids), ACK uses those and ignores zone_ids, and the zones the cluster ends up in are the vSwitches\' zones, not the listed ones. Remove zone_ids, or remove vpcid and vswitch_ids if a new VPC was meant.',
    fact: {
      text: 'zone_ids is ignored if vpcid and vswitch_ids are given (Terraform: do not combine zone_ids with vswitch_ids).',
      source: 'ack-facts.md §3.35 and §2.1 "zone_ids" (GO, TFM, TFD-M)',
    },
    tags: ['network', 'vpc', 'zones'],
    kindDependent: true,
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if ((kind !== 'managed' && kind !== 'serverless') || !isObject(root)) return;
    if (!listGiven(root['zone_ids']) || !listGiven(root['vpcid']) || !listGiven(root['vswitch_ids'])) return;
    ctx.report({
      message: 'zone_ids has no effect: vpcid and vswitch_ids name an existing network, so ACK creates nothing in the listed zones and the cluster goes where the vSwitches are. Remove zone_ids, or remove vpcid and vswitch_ids if ACK should create a new VPC.',
      at: { path: ['zone_ids'], on: 'key' },
      related: [
        { path: ['vpcid'], on: 'key', message: 'an existing VPC is named here' },
        { path: ['vswitch_ids'], on: 'key', message: 'existing vSwitches are named here' },
      ],
    });
  },
});
