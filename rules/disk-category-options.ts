import { defineRule, diskSlots, formatPath, type JsonPath } from '@acklint/core';

interface Option {
  path: JsonPath;
  /** The category the option belongs to. */
  needs: string;
  what: string;
}

export default defineRule({
  meta: {
    id: 'disk-category-options',
    defaultSeverity: 'warning',
    category: 'disks',
    description: 'A disk sets performance_level without category cloud_essd, or provisioned_iops / bursting_enabled without cloud_auto.',
    details:
      "Some disk settings belong to one disk category: a performance level (PL0 to PL3) exists only for ESSDs (cloud_essd), and provisioned IOPS and performance bursting only for ESSD AutoPL disks (cloud_auto). On any other category they describe nothing the disk can have, so they are ignored (or the request is refused), and the disk does not perform as the spec suggests. Change the category, or remove the setting. The rule looks at every disk: nodepools[].scaling_group system_disk_* and data_disks[], the deprecated worker_system_disk_*, master_system_disk_* and worker_data_disks[], and control_plane_config.system_disk_*. A disk whose category is not given is not checked, because the default category differs between these places (and by zone). bursting_enabled false is not reported.",
    fact: {
      text: 'performance_level only with cloud_essd; provisioned_iops and bursting_enabled only with cloud_auto.',
      source: 'ack-facts.md §2.3, §2.7 (data_disks) and §3.23 (GO, ESSD, AUTOPL)',
    },
    tags: ['disks', 'essd', 'autopl'],
  },
  check(ctx) {
    const doc = ctx.document;
    for (const slot of diskSlots(ctx.value)) {
      const category = doc.get(slot.category);
      if (typeof category !== 'string' || category === '') continue;
      const options: Option[] = [{ path: slot.performanceLevel, needs: 'cloud_essd', what: 'a performance level exists only for ESSDs' }];
      if (slot.provisionedIops) options.push({ path: slot.provisionedIops, needs: 'cloud_auto', what: 'provisioned IOPS exist only for ESSD AutoPL disks' });
      if (slot.burstingEnabled) options.push({ path: slot.burstingEnabled, needs: 'cloud_auto', what: 'performance bursting exists only for ESSD AutoPL disks' });
      for (const o of options) {
        if (category === o.needs) continue;
        const v = doc.get(o.path);
        if (v === undefined || v === null || v === '' || v === false) continue;
        ctx.report({
          message: `${formatPath(o.path)} is set, but ${slot.label} has category ${JSON.stringify(category)}: ${o.what} (category ${o.needs}), so the setting has no effect. Use category ${o.needs}, or remove ${formatPath(o.path.slice(-1))}.`,
          at: { path: o.path, on: 'key' },
          related: [{ path: slot.category, message: `disk category ${category}` }],
        });
      }
    }
  },
});
