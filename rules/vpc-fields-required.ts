import { clusterKind, defineRule, fieldsAliased, isGiven, isObject, type JsonObject, type JsonValue } from '@acklint/core';

const listGiven = (v: JsonValue | undefined) => isGiven(v) && !(Array.isArray(v) && v.length === 0);

/**
 * The field is set, or written under a name that unknown-field reports as standing for it (vpc_id, the legacy
 * vswitch_id_a/_b/_c…): that finding says to rename it, so this rule does not report the field missing as well.
 */
function given(root: JsonObject, field: string): boolean {
  return listGiven(root[field]) || Object.keys(root).some((k) => k !== field && fieldsAliased(k).includes(field) && listGiven(root[k]));
}

export default defineRule({
  meta: {
    id: 'vpc-fields-required',
    defaultSeverity: 'error',
    category: 'network',
    description: 'A cluster in an existing VPC lacks one of vpcid, vswitch_ids or (managed clusters) service_cidr.',
    details:
      "The API reference marks vpcid, vswitch_ids and service_cidr as required. They go together: a cluster is created either in an existing VPC, named by vpcid with its vSwitches in vswitch_ids, or (managed clusters only) in a VPC that ACK creates in the zones of zone_ids, when vpcid and vswitch_ids are both left out. In that second case ACK also picks the Service CIDR (172.19.0.0/20), so service_cidr is required only with an existing VPC. This rule reports a VPC without vSwitches, vSwitches without their VPC, and an existing VPC without service_cidr; a request that says nothing about the network is reported by zone-ids-required. The deprecated master_vswitch_ids counts as vSwitches here (dedicated-only-field says where they belong on a managed cluster), and so does a field written under a name unknown-field reports as standing for it (vpc_id, the legacy vswitch_id_a/_b/_c), which that finding already asks to rename.",
    fact: {
      text: 'vpcid, vswitch_ids and service_cidr are required (API reference). If vpcid and vswitch_ids are both omitted, zone_ids must be set and ACK creates the VPC; the default Service CIDR of an automatically created VPC is 172.19.0.0/20.',
      source: 'CreateCluster API reference, "vpcid", "vswitch_ids" and "service_cidr" (Required: Yes); ack-facts.md §2.1 and §3.35 (GO zone_ids text, TFM)',
    },
    tags: ['network', 'vpc', 'required'],
    kindDependent: true,
  },
  check(ctx) {
    const root = ctx.value;
    const kind = clusterKind(root);
    // Registered clusters bring their own network; the legacy Ask type has an API of its own (it spelled vpc_id).
    if (kind === 'registered' || kind === 'unknown' || !isObject(root) || root['cluster_type'] === 'Ask') return;
    const vpc = given(root, 'vpcid');
    const vswitches = given(root, 'vswitch_ids') || listGiven(root['master_vswitch_ids']);
    if (vpc && !vswitches) {
      const zones = listGiven(root['zone_ids']);
      ctx.report({
        message: `vpcid is set but vswitch_ids is not: a cluster in an existing VPC needs the IDs of its vSwitches there (one to five).${zones ? ' zone_ids only applies when ACK creates the VPC, that is when vpcid and vswitch_ids are both left out.' : ''} Add vswitch_ids, or remove vpcid${zones ? '' : ' and set zone_ids'} to let ACK create the VPC.`,
        at: { path: ['vpcid'], on: 'key' },
        ...(zones ? { related: [{ path: ['zone_ids'], on: 'key' as const, message: 'zone_ids is set here' }] } : {}),
      });
    }
    if (!vpc && listGiven(root['vswitch_ids'])) {
      ctx.report({
        message: 'vswitch_ids is set but vpcid is not: the API requires the ID of the VPC the vSwitches are in. Add vpcid.',
        at: { path: ['vswitch_ids'], on: 'key' },
      });
    }
    if (vpc && !given(root, 'service_cidr') && (kind === 'managed' || kind === 'serverless')) {
      ctx.report({
        message: 'vpcid is set but service_cidr is not: in an existing VPC the Service CIDR must be chosen, clear of the VPC and pod ranges (only a VPC that ACK creates gets the default 172.19.0.0/20). Add service_cidr, for example "172.21.0.0/20" if it does not overlap your VPC.',
        at: { path: ['vpcid'], on: 'key' },
      });
    }
  },
});
