/**
 * Where a CreateCluster body describes nodes and their disks: every node pool, and every system or data disk with the
 * JSON paths of the fields that scope has (`createcluster-field-paths.tsv`). Rules walk these instead of repeating
 * the field names of each scope.
 */
import type { JsonObject, JsonPath, JsonValue } from './model.js';
import { formatPath } from './path.js';
import { isObject, oncePerValue } from './values.js';

export interface NodePoolScope {
  index: number;
  /** `['nodepools', i]`. */
  path: JsonPath;
  pool: JsonObject;
  /** How the pool reads in messages: `node pool "default"`, or `node pool nodepools[1]` when it has no name. */
  label: string;
}

/** The node pools of a body that are objects (others are the schema's concern). Computed once per document value
 * ({@link oncePerValue}); callers must not modify the result.
 */
export const nodePools: (root: JsonValue | undefined) => NodePoolScope[] = oncePerValue(nodePoolsUncached);

function nodePoolsUncached(root: JsonValue | undefined): NodePoolScope[] {
  const pools = isObject(root) ? root['nodepools'] : undefined;
  if (!Array.isArray(pools)) return [];
  const out: NodePoolScope[] = [];
  pools.forEach((pool, index) => {
    if (!isObject(pool)) return;
    const info = pool['nodepool_info'];
    const name = isObject(info) ? info['name'] : undefined;
    const path = ['nodepools', index];
    out.push({ index, path, pool, label: typeof name === 'string' && name !== '' ? `node pool ${JSON.stringify(name)}` : `node pool ${formatPath(path)}` });
  });
  return out;
}

/**
 * A number, or a string that holds a decimal number (the API types `worker_data_disks[].size` and some other numbers
 * as strings). Undefined for anything else.
 */
export function numberValue(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

export interface DiskSlot {
  kind: 'system' | 'data';
  scope: 'nodepool' | 'worker' | 'master' | 'control-plane';
  /** How the disk reads in messages: `the system disk of node pool "default"`, `data disk data_disks[0] of node pool "default"`… */
  label: string;
  /** The disk's object (data disks), or the object holding the `system_disk_*` fields. */
  owner: JsonPath;
  category: JsonPath;
  size: JsonPath;
  performanceLevel: JsonPath;
  /** Only where the API has the field. */
  provisionedIops?: JsonPath;
  burstingEnabled?: JsonPath;
  snapshotId?: JsonPath;
  autoFormat?: JsonPath;
  fileSystem?: JsonPath;
  /** The image the system disk boots from, where the scope names one. */
  imageId?: JsonPath;
  /** The smallest system disk the API documents for this scope (GiB). */
  documentedMinSize?: number;
}

/** The system disk of an object that has the `system_disk_*` fields and `image_id` (a scaling group, the control plane). */
function systemDiskOf(owner: JsonPath, scope: DiskSlot['scope'], label: string, documentedMinSize: number): DiskSlot {
  return {
    kind: 'system',
    scope,
    label,
    owner,
    category: [...owner, 'system_disk_category'],
    size: [...owner, 'system_disk_size'],
    performanceLevel: [...owner, 'system_disk_performance_level'],
    provisionedIops: [...owner, 'system_disk_provisioned_iops'],
    burstingEnabled: [...owner, 'system_disk_bursting_enabled'],
    imageId: [...owner, 'image_id'],
    documentedMinSize,
  };
}

function dataDisk(list: JsonPath, i: number, label: string, scope: DiskSlot['scope'], full: boolean): DiskSlot {
  const p = [...list, i];
  const slot: DiskSlot = { kind: 'data', scope, label, owner: p, category: [...p, 'category'], size: [...p, 'size'], performanceLevel: [...p, 'performance_level'] };
  if (full) {
    slot.provisionedIops = [...p, 'provisioned_iops'];
    slot.burstingEnabled = [...p, 'bursting_enabled'];
    slot.snapshotId = [...p, 'snapshot_id'];
    slot.autoFormat = [...p, 'auto_format'];
    slot.fileSystem = [...p, 'file_system'];
  }
  return slot;
}

/**
 * Every disk a body describes: the system and data disks of each node pool's scaling_group, the deprecated top-level
 * worker_* and master_* system disks and worker_data_disks[], and control_plane_config's system disk. A system disk
 * is listed when its scope object exists; rules look at the fields themselves. Computed once per document value
 * ({@link oncePerValue}); callers must not modify the result.
 */
export const diskSlots: (root: JsonValue | undefined) => DiskSlot[] = oncePerValue(diskSlotsUncached);

function diskSlotsUncached(root: JsonValue | undefined): DiskSlot[] {
  if (!isObject(root)) return [];
  const out: DiskSlot[] = [];
  for (const np of nodePools(root)) {
    const sg = np.pool['scaling_group'];
    if (!isObject(sg)) continue;
    const p = [...np.path, 'scaling_group'];
    out.push(systemDiskOf(p, 'nodepool', `the system disk of ${np.label}`, 20));
    const disks = sg['data_disks'];
    if (Array.isArray(disks)) {
      disks.forEach((d, i) => {
        if (isObject(d)) out.push(dataDisk([...p, 'data_disks'], i, `data disk data_disks[${i}] of ${np.label}`, 'nodepool', true));
      });
    }
  }
  out.push({
    kind: 'system',
    scope: 'worker',
    label: 'the worker system disk (worker_system_disk_*)',
    owner: [],
    category: ['worker_system_disk_category'],
    size: ['worker_system_disk_size'],
    performanceLevel: ['worker_system_disk_performance_level'],
    imageId: ['image_id'],
    documentedMinSize: 40,
  });
  const workerDisks = root['worker_data_disks'];
  if (Array.isArray(workerDisks)) {
    workerDisks.forEach((d, i) => {
      if (isObject(d)) out.push(dataDisk(['worker_data_disks'], i, `worker data disk ${formatPath(['worker_data_disks', i])}`, 'worker', false));
    });
  }
  out.push({
    kind: 'system',
    scope: 'master',
    label: 'the master system disk (master_system_disk_*)',
    owner: [],
    category: ['master_system_disk_category'],
    size: ['master_system_disk_size'],
    performanceLevel: ['master_system_disk_performance_level'],
    documentedMinSize: 40,
  });
  if (isObject(root['control_plane_config'])) {
    out.push(systemDiskOf(['control_plane_config'], 'control-plane', 'the system disk of control_plane_config', 40));
  }
  return out;
}
