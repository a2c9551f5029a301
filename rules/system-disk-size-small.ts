import { defineRule, diskSlots, formatPath, numberValue } from '@acklint/core';

const RECOMMENDED = 40;

export default defineRule({
  meta: {
    id: 'system-disk-size-small',
    defaultSeverity: 'warning',
    category: 'disks',
    description: "A node pool's system disk is under 40 GiB: accepted by the node-pool API, but below what ACK documents elsewhere.",
    details:
      "The CreateClusterNodePool API accepts node-pool system disks from 20 GiB, but the CreateCluster node-pool model, the deprecated worker fields and the control plane all document 40 GiB as the smallest system disk, and a node needs room for its image, container images and logs. A smaller disk fills up quickly and then evicts pods. Use at least 40 GiB (the default is 120 GiB in most places). Sizes below 20 GiB are errors, reported by system-disk-size.",
    fact: {
      text: 'Node pool system_disk_size: 40..500 GiB in the CreateCluster Nodepool model, 20..2048 GiB in CreateClusterNodePool; error below 20, warning below 40.',
      source: 'ack-facts.md §2.7, §3.24 and §7 (GO, GONP)',
    },
    tags: ['disks', 'system-disk', 'nodepools'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const slot of diskSlots(ctx.value)) {
      if (slot.kind !== 'system' || slot.scope !== 'nodepool') continue;
      const size = numberValue(doc.get(slot.size));
      if (size === undefined || size >= RECOMMENDED || size < (slot.documentedMinSize ?? 0)) continue;
      ctx.report({
        message: `${formatPath(slot.size)} is ${size} GiB: the node-pool API accepts it, but ACK documents ${RECOMMENDED} GiB as the smallest system disk elsewhere, and a small disk soon fills with images and logs. Use at least ${RECOMMENDED} GiB.`,
        at: { path: slot.size },
      });
    }
  },
});
