import { defineRule, networkPlanOf, usesTerway, type VSwitchRef } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'pod-vswitch-zone',
    defaultSeverity: 'error',
    category: 'network',
    description: 'A node vSwitch is in a zone that has no Terway pod vSwitch (needs --inventory).',
    details:
      'Terway gives a pod an address from a pod vSwitch in the zone of the pod\'s node. For every zone that has a node vSwitch (vswitch_ids, worker_vswitch_ids, node-pool vswitch_ids) there must be a pod vSwitch in the same zone; otherwise pods on nodes in that zone get no address. With --inventory (saved DescribeVSwitches output) acklint reads the zone of every vSwitch. The check is skipped when the zone of a pod vSwitch is unknown (inventory-unknown-id reports unknown IDs).',
    fact: {
      text: 'Each pod vSwitch corresponds to a node vSwitch; both must be in the same zone.',
      source: 'CreateCluster API reference, "pod_vswitch_ids"; ack-facts.md §3.5, §5 (GO, ROSCDK, PLAN21)',
    },
    tags: ['network', 'terway', 'vswitch', 'zone', 'inventory'],
  },
  check(ctx) {
    const inv = ctx.inventory;
    if (!inv) return;
    const plan = networkPlanOf(ctx.document);
    if (!usesTerway(plan) || !plan.podVSwitches.length) return;
    const podZones = new Set<string>();
    for (const ref of plan.podVSwitches) {
      const zone = inv.vswitches.get(ref.id)?.zoneId;
      if (!zone) return; // an unknown pod vSwitch may cover any zone
      podZones.add(zone);
    }
    const firstInZone = new Map<string, VSwitchRef>();
    for (const ref of plan.nodeVSwitches) {
      const zone = inv.vswitches.get(ref.id)?.zoneId;
      if (zone && !firstInZone.has(zone)) firstInZone.set(zone, ref);
    }
    const have = [...podZones].sort().join(', ');
    for (const [zone, ref] of firstInZone) {
      if (podZones.has(zone)) continue;
      const sw = inv.vswitches.get(ref.id)!;
      ctx.report({
        message: `Node vSwitch ${ref.id} is in zone ${zone}, but no pod vSwitch is (pod vSwitches are in ${have}): Terway pods on nodes in ${zone} would get no address. Add a pod vSwitch in ${zone} to pod_vswitch_ids.`,
        at: { path: ref.path },
        related: [
          { external: sw.at, message: `vSwitch ${ref.id} is in ${zone}` },
          { path: ['pod_vswitch_ids'], message: `Pod vSwitches: ${have}` },
        ],
      });
    }
  },
});
