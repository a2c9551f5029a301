import { clusterKind, defineRule, isGiven, isObject, type JsonValue } from '@acklint/core';

function listGiven(v: JsonValue | undefined): boolean {
  return isGiven(v) && !(Array.isArray(v) && v.length === 0);
}

export default defineRule({
  meta: {
    id: 'zone-ids-required',
    defaultSeverity: 'error',
    category: 'network',
    description: 'A managed cluster sets neither vpcid nor vswitch_ids nor zone_ids, so the request says nowhere where the cluster goes.',
    details:
      'An ACK managed cluster is placed either in an existing network, given by vpcid and vswitch_ids, or in a new VPC that ACK creates, in which case zone_ids must name the zones for its vSwitches. When all three are missing, the request does not say where to create the cluster. Add vpcid and vswitch_ids for an existing VPC, or zone_ids to let ACK create one.',
    fact: {
      text: 'For a managed cluster, if vpcid and vswitch_ids are both omitted, zone_ids must be set and ACK creates the VPC.',
      source: 'ack-facts.md §3.35 and §2.1 "vpcid", "zone_ids" (GO, TFM)',
    },
    tags: ['network', 'vpc', 'zones'],
    kindDependent: true,
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    if ((kind !== 'managed' && kind !== 'serverless') || !isObject(root) || root['cluster_type'] === 'Ask') return;
    if (listGiven(root['vpcid']) || listGiven(root['vswitch_ids']) || listGiven(root['zone_ids'])) return;
    const vpcTypo = listGiven(root['vpc_id']);
    ctx.report({
      message: `Neither vpcid and vswitch_ids nor zone_ids is set, so the request does not say where to create the cluster.${vpcTypo ? ' (vpc_id is not a CreateCluster field: the API spells it vpcid.)' : ''} Add vpcid and vswitch_ids to use an existing VPC, or zone_ids (e.g. ["cn-hangzhou-i"]) to let ACK create one.`,
      at: { path: ['cluster_type'], on: 'key' },
      ...(vpcTypo ? { related: [{ path: ['vpc_id'], on: 'key' as const, message: 'vpc_id is written here; the field is vpcid' }] } : {}),
    });
  },
});
