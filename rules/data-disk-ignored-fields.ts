import { defineRule, diskSlots, formatPath } from '@acklint/core';

export default defineRule({
  meta: {
    id: 'data-disk-ignored-fields',
    defaultSeverity: 'warning',
    category: 'disks',
    description: 'A node pool data disk sets size together with snapshot_id, or file_system without auto_format: the first field is ignored.',
    details:
      "A data disk created from a snapshot (nodepools[].scaling_group.data_disks[].snapshot_id) takes its size from the snapshot, so a size given alongside is ignored. The deprecated file_system (ext4 or xfs) says how to format the disk when auto_format is true, and does nothing otherwise. Remove the ignored field, or (for file_system) set auto_format to true; the newer disk_init[] settings are the current way to format and mount disks.",
    fact: {
      text: 'data_disks[].snapshot_id overrides size; file_system only takes effect when auto_format is true.',
      source: 'ack-facts.md §2.7 (data_disks) and §3.25 (GO)',
    },
    tags: ['disks', 'no-effect', 'snapshot'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const slot of diskSlots(ctx.value)) {
      if (slot.kind !== 'data') continue;
      if (slot.snapshotId) {
        const snap = doc.get(slot.snapshotId);
        const size = doc.get(slot.size);
        if (typeof snap === 'string' && snap !== '' && size !== undefined && size !== null) {
          ctx.report({
            message: `${formatPath(slot.size)} is ignored: ${slot.label} is created from snapshot ${snap} and takes its size from the snapshot. Remove size.`,
            at: { path: slot.size, on: 'key' },
            related: [{ path: slot.snapshotId, message: 'created from this snapshot' }],
          });
        }
      }
      if (slot.fileSystem && slot.autoFormat) {
        const fs = doc.get(slot.fileSystem);
        if (typeof fs === 'string' && fs !== '' && doc.get(slot.autoFormat) !== true) {
          const autoFormatGiven = doc.has(slot.autoFormat);
          ctx.report({
            message: `${formatPath(slot.fileSystem)} is ${JSON.stringify(fs)}, but auto_format is ${autoFormatGiven ? 'not true' : 'not set'}, so ${slot.label} is not formatted and the file system has no effect. Set auto_format to true, or remove file_system.`,
            at: { path: slot.fileSystem, on: 'key' },
            ...(autoFormatGiven ? { related: [{ path: slot.autoFormat, message: 'auto_format is not true' }] } : {}),
          });
        }
      }
    }
  },
});
