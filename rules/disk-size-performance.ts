import { defineRule, diskSlots, formatPath, numberValue, type DiskSlot, type RuleContext } from '@acklint/core';

/** Smallest ESSD (GiB) for each performance level; PL0 has no minimum of its own here. */
const PL_MIN: Record<string, number> = { PL1: 20, PL2: 461, PL3: 1261 };
const MAX_IOPS = 50000;

/** ESSD AutoPL: baseline IOPS = min{1800 + 50 × size, 50000}; provisioned IOPS ≤ min{1000 × size − baseline, 50000}. */
export function maxProvisionedIops(size: number): number {
  const baseline = Math.min(1800 + 50 * size, MAX_IOPS);
  return Math.max(0, Math.min(1000 * size - baseline, MAX_IOPS));
}

function sizeOf(ctx: RuleContext, slot: DiskSlot): number | undefined {
  if (slot.snapshotId) {
    const snap = ctx.document.get(slot.snapshotId);
    if (typeof snap === 'string' && snap !== '') return undefined; // the snapshot decides the size
  }
  return numberValue(ctx.document.get(slot.size));
}

export default defineRule({
  meta: {
    id: 'disk-size-performance',
    defaultSeverity: 'error',
    category: 'disks',
    description: 'A disk is too small for what it asks: an ESSD performance level above its size, or more provisioned IOPS than an AutoPL disk of its size allows.',
    details:
      "An ESSD's performance level needs a minimum capacity: PL1 at least 20 GiB, PL2 at least 461 GiB, PL3 at least 1,261 GiB. For an ESSD AutoPL disk (cloud_auto) the IOPS that can be provisioned on top of the baseline depend on the size: baseline = min{1,800 + 50 × size, 50,000} and provisioned IOPS ≤ min{1,000 × size − baseline, 50,000}; disks of 3 GiB or less cannot provision any. A request beyond these limits is refused. Enlarge the disk, or lower the performance level or provisioned IOPS. Only disks whose size is given are checked (a data disk created from snapshot_id takes the snapshot's size, so it is skipped); the category is checked by disk-category-options.",
    fact: {
      text: 'ESSD PL1 ≥ 20 GiB, PL2 ≥ 461 GiB, PL3 ≥ 1261 GiB. AutoPL: provisioned IOPS ≤ min{50000, 1000 × size − min{1800 + 50 × size, 50000}}; none for size ≤ 3 GiB.',
      source: 'ESSD and ESSD AutoPL documentation; ack-facts.md §3.23 and §4 (ESSD, AUTOPL)',
    },
    tags: ['disks', 'essd', 'autopl', 'iops'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const slot of diskSlots(ctx.value)) {
      const category = doc.get(slot.category);
      const size = sizeOf(ctx, slot);
      if (size === undefined) continue;
      const sizeRel = [{ path: slot.size, message: `size ${size} GiB` }];

      const pl = doc.get(slot.performanceLevel);
      if (category === 'cloud_essd' && typeof pl === 'string' && Object.hasOwn(PL_MIN, pl) && size < PL_MIN[pl]!) {
        ctx.report({
          message: `${formatPath(slot.performanceLevel)} is ${pl}, which needs an ESSD of at least ${PL_MIN[pl]} GiB, but ${slot.label} is ${size} GiB. Make the disk at least ${PL_MIN[pl]} GiB, or choose a lower performance level.`,
          at: { path: slot.performanceLevel },
          related: sizeRel,
        });
      }

      if (!slot.provisionedIops || category !== 'cloud_auto') continue;
      const iops = numberValue(doc.get(slot.provisionedIops));
      if (iops === undefined || iops <= 0) continue;
      const max = maxProvisionedIops(size);
      if (iops <= max) continue;
      const limit =
        size <= 3
          ? `an AutoPL disk of ${size} GiB cannot provision IOPS at all`
          : `an AutoPL disk of ${size} GiB can provision at most ${max} IOPS (min{1000 × size − baseline ${Math.min(1800 + 50 * size, MAX_IOPS)}, 50000})`;
      ctx.report({
        message: `${formatPath(slot.provisionedIops)} is ${iops}, but ${limit}. Lower provisioned_iops, or enlarge ${slot.label}.`,
        at: { path: slot.provisionedIops },
        related: sizeRel,
      });
    }
  },
});
