import { defineRule, isObject, type JsonPath, type JsonValue } from '@acklint/core';

/** The strings of a list, or undefined when the value is not a list of strings (a template placeholder, a typo…). */
function ids(v: JsonValue | undefined): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const x of v) {
    if (typeof x !== 'string' || x.trim() === '') return undefined;
    out.push(x);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'node-zones-fewer-than-3',
    defaultSeverity: 'info',
    category: 'security',
    description: 'The node vSwitches put the nodes in fewer than three zones, so a zone outage can take most of the cluster down.',
    details:
      'A vSwitch lives in one zone, so nodes spread over N distinct vSwitches are in at most N zones. With fewer than three zones, the loss of one zone removes half or all of the nodes, and workloads spread with topology constraints cannot keep a majority. ACK and Alibaba Cloud\'s policy rules recommend node vSwitches in at least three zones. Without an inventory acklint cannot see which zone a vSwitch is in, so it counts distinct vSwitch IDs: fewer than three is certainly fewer than three zones and is reported; three or more may still share a zone and are not judged. With a vSwitch inventory (--inventory with saved DescribeVSwitches output) that knows the zone of every node vSwitch, it counts zones exactly. The vSwitches counted are those of every node pool (nodepools[].scaling_group.vswitch_ids) and the legacy worker_vswitch_ids; when neither is given, the top-level vswitch_ids if the request creates legacy worker nodes (num_of_nodes, worker_instance_types), or else zone_ids (the zones of a VPC that ACK creates). A cluster with none of these is not judged.',
    fact: {
      text: 'Nodes should be spread over vSwitches in at least three zones; InfraGuard ack-cluster-node-multi-zone (high) requires three or more vSwitch IDs.',
      source: 'peer-rules.md (infraguard ack-cluster-node-multi-zone); ack-facts.md §2.7 ("multi-zone recommended") and §3.35',
    },
    tags: ['security', 'best-practice', 'infraguard:ack-cluster-node-multi-zone', 'availability', 'zones'],
  },
  check(ctx) {
    const doc = ctx.document;
    const type = doc.get(['cluster_type']);
    const profile = doc.get(['profile']);
    if (type !== 'ManagedKubernetes' && type !== 'Kubernetes') return;
    if (profile === 'Serverless' || profile === 'Edge' || profile === 'Acs') return; // no ECS node pools to spread

    const lists: Array<{ path: JsonPath; ids: string[] }> = [];
    const pools = doc.get(['nodepools']);
    if (Array.isArray(pools)) {
      for (let i = 0; i < pools.length; i++) {
        const pool = pools[i];
        const type = isObject(pool) && isObject(pool['nodepool_info']) ? pool['nodepool_info']['type'] : undefined;
        if (type === 'edge' || type === 'lingjun') continue;
        const path = ['nodepools', i, 'scaling_group', 'vswitch_ids'];
        const got = ids(doc.get(path));
        if (!got) return; // a pool whose vSwitches cannot be read: cannot judge
        lists.push({ path, ids: got });
      }
    }
    const workers = doc.get(['worker_vswitch_ids']);
    if (workers !== undefined) {
      const got = ids(workers);
      if (!got) return;
      lists.push({ path: ['worker_vswitch_ids'], ids: got });
    }
    let unit: 'vSwitch' | 'zone' = 'vSwitch';
    if (!lists.length) {
      // Legacy worker nodes (num_of_nodes, worker_instance_types) go in the top-level vswitch_ids; without them those
      // are only the control plane's. zone_ids lists the zones of a VPC that ACK creates.
      const legacyWorkers = doc.has(['num_of_nodes']) || doc.has(['worker_instance_types']);
      for (const [key, what] of [['vswitch_ids', 'vSwitch'], ['zone_ids', 'zone']] as const) {
        if (key === 'vswitch_ids' && !legacyWorkers) continue;
        const v = doc.get([key]);
        if (v === undefined) continue;
        const got = ids(v);
        if (!got) return;
        lists.push({ path: [key], ids: got });
        unit = what;
        break;
      }
    }
    if (!lists.length) return;
    const distinct = [...new Set(lists.flatMap((l) => l.ids))];
    if (distinct.length === 0) return;
    const [first, ...rest] = lists;

    // With a vSwitch inventory (--inventory, DescribeVSwitches) that knows every vSwitch's zone, count zones exactly.
    const inv = ctx.inventory;
    if (unit === 'vSwitch' && inv) {
      const known = distinct.map((id) => inv.vswitches.get(id));
      if (known.every((v) => v?.zoneId)) {
        const zones = [...new Set(known.map((v) => v!.zoneId!))];
        if (zones.length >= 3) return;
        const n = zones.length;
        const loss = n === 1 ? 'an outage of that zone stops every node' : 'an outage of one zone stops half of the nodes or more';
        ctx.report({
          message: `The node vSwitches (${distinct.map((d) => JSON.stringify(d)).join(', ')}) are in ${n === 1 ? 'a single zone' : `only ${n} zones`} (${zones.join(', ')}), according to the vSwitch inventory: ${loss}. Give the nodes vSwitches in at least three zones.`,
          at: { path: first!.path },
          related: [
            ...rest.map((l) => ({ path: l.path, message: 'More node vSwitches, counted with the others' })),
            ...known.map((v) => ({ external: v!.at, message: `${v!.id} is in zone ${v!.zoneId}` })),
          ],
        });
        return;
      }
    }
    if (distinct.length >= 3) return;
    const n = distinct.length;
    const shown = distinct.map((d) => JSON.stringify(d)).join(', ');
    const loss = n === 1 ? 'an outage of that zone stops every node' : 'an outage of one zone stops half of the nodes or more';
    const message =
      unit === 'zone'
        ? `zone_ids names ${n === 1 ? 'a single zone' : `only ${n} distinct zones`} (${shown}), so the nodes are in fewer than three zones: ${loss}. List at least three zones.`
        : `The nodes use ${n === 1 ? 'a single vSwitch' : `only ${n} distinct vSwitches`} (${shown}), so they are in at most ${n} zone${n > 1 ? 's' : ''}: ${loss}. Give the nodes vSwitches in at least three zones.`;
    ctx.report({
      message,
      at: { path: first!.path },
      related: rest.map((l) => ({ path: l.path, message: 'More node vSwitches, counted with the others' })),
    });
  },
});
