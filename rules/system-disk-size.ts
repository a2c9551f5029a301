import { defineRule, diskSlots, formatPath, numberValue } from '@acklint/core';

/** The image size in a public image ID such as `aliyun_3_x64_20G_alibase_20240819.vhd`. */
export function imageSizeFromId(id: string): number | undefined {
  const m = /_(\d{1,4})G_/i.exec(id);
  return m ? Number(m[1]) : undefined;
}

export default defineRule({
  meta: {
    id: 'system-disk-size',
    defaultSeverity: 'error',
    category: 'disks',
    description: 'A system disk is smaller than the image it boots from.',
    details:
      "A system disk holds the node's operating system image, so it cannot be smaller than that image. The image size is read from public image IDs that carry it (aliyun_3_x64_20G_… is 20 GiB); custom images (m-…) cannot be checked offline. The documented minimum of each place (40 GiB for worker, master and control-plane system disks, 20 GiB for node pools) is a range of the field itself, reported by invalid-value; system-disk-size-small recommends 40 GiB for node pools. Enlarge the disk.",
    fact: {
      text: 'System disk ≥ image size; worker_system_disk_size, master_system_disk_size and control_plane_config.system_disk_size ≥ 40 GiB; node pool system_disk_size 20..2048 GiB (CreateClusterNodePool).',
      source: 'ack-facts.md §2.2, §2.3, §2.7, §3.24 and §7 (GO, GONP)',
    },
    tags: ['disks', 'system-disk'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const slot of diskSlots(ctx.value)) {
      if (slot.kind !== 'system') continue;
      const size = numberValue(doc.get(slot.size));
      if (size === undefined) continue;
      const name = formatPath(slot.size);
      // Below the documented minimum of the place: a single-field range, reported by the schema (invalid-value).
      if (slot.documentedMinSize !== undefined && size < slot.documentedMinSize) continue;
      const image = slot.imageId ? doc.get(slot.imageId) : undefined;
      const imageSize = typeof image === 'string' ? imageSizeFromId(image) : undefined;
      if (imageSize !== undefined && size < imageSize) {
        ctx.report({
          message: `${name} is ${size} GiB, smaller than the ${imageSize} GiB image ${JSON.stringify(image)} it boots from. Make the system disk at least ${imageSize} GiB.`,
          at: { path: slot.size },
          related: [{ path: slot.imageId!, message: `image of ${imageSize} GiB` }],
        });
      }
    }
  },
});
