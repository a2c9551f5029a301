import { defineRule, isObject, type JsonPath, type JsonValue, type Target } from '@acklint/core';

/** true / false for the API's boolean-or-"true"/"false" encryption flags; undefined when missing; null when unreadable. */
function flag(v: JsonValue | undefined): boolean | undefined | null {
  if (v === undefined) return undefined;
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return null;
}

interface Finding {
  disks: string[];
  /** The first explicit `false`, where the finding goes when there is one. */
  explicit?: JsonPath;
}

function dataDisks(doc: { get(p: JsonPath): JsonValue | undefined }, listPath: JsonPath, f: Finding): boolean {
  const list = doc.get(listPath);
  if (list === undefined) return true;
  if (!Array.isArray(list)) return false;
  for (let j = 0; j < list.length; j++) {
    const d = list[j];
    if (!isObject(d)) return false;
    const e = flag(d['encrypted']);
    if (e === null) return false;
    if (e === true) continue;
    f.disks.push(`data disk ${j + 1}`);
    if (e === false) f.explicit ??= [...listPath, j, 'encrypted'];
  }
  return true;
}

export default defineRule({
  meta: {
    id: 'disk-encryption-disabled',
    defaultSeverity: 'info',
    category: 'security',
    description: 'Node system or data disks are not encrypted (system_disk_encrypted / data_disks[].encrypted false or not set).',
    details:
      'Cloud disk encryption protects the data on node disks (container images, emptyDir volumes, logs, anything pods write locally) and their snapshots with a KMS key, at no change to how the node works. Disks are not encrypted unless the request says so. Set system_disk_encrypted: true in each node pool\'s scaling_group and encrypted: "true" on each data disk (optionally with a kms_key_id; the service key is used otherwise); for the legacy worker_data_disks, encrypted: "true". The rule reports one finding per node pool (and one for worker_data_disks), listing the unencrypted disks.',
    fact: {
      text: 'nodepools[].scaling_group.system_disk_encrypted (boolean) and data_disks[].encrypted / worker_data_disks[].encrypted (the strings "true"/"false") encrypt node disks; the default is not encrypted.',
      source: 'CreateCluster API reference, "worker_data_disks" and "nodepools.scaling_group.data_disks"; peer-rules.md (candidates: disk encryption); ack-facts.md §2.2, §2.7 (GO)',
    },
    tags: ['security', 'best-practice', 'encryption', 'kms', 'disks'],
  },
  check(ctx) {
    const doc = ctx.document;
    const pools = doc.get(['nodepools']);
    if (Array.isArray(pools)) {
      pools.forEach((pool, i) => {
        if (!isObject(pool)) return;
        const poolInfo = pool['nodepool_info'];
        const type = isObject(poolInfo) ? poolInfo['type'] : undefined;
        if (type === 'edge' || type === 'lingjun') return; // not ECS nodes with cloud disks
        const sg: JsonPath = ['nodepools', i, 'scaling_group'];
        if (!isObject(doc.get(sg))) return;
        const f: Finding = { disks: [] };
        const sys = flag(doc.get([...sg, 'system_disk_encrypted']));
        if (sys === null) return;
        if (sys !== true) {
          f.disks.push('the system disk');
          if (sys === false) f.explicit = [...sg, 'system_disk_encrypted'];
        }
        if (!dataDisks(doc, [...sg, 'data_disks'], f)) return;
        if (!f.disks.length) return;
        const info = pool['nodepool_info'];
        const name = isObject(info) && typeof info['name'] === 'string' && info['name'] !== '' ? `Node pool ${JSON.stringify(info['name'])}` : `nodepools[${i}]`;
        const at: Target = f.explicit ? { path: f.explicit } : { path: sg, on: 'key' };
        ctx.report({
          message: `${name} does not encrypt ${list(f.disks)}: data that pods and images leave on the node disks, and their snapshots, are stored unencrypted. ${advice(f.disks)}`,
          at,
        });
      });
    }
    const f: Finding = { disks: [] };
    if (!dataDisks(doc, ['worker_data_disks'], f) || !f.disks.length) return;
    ctx.report({
      message: `worker_data_disks does not encrypt ${list(f.disks)}: data that pods and images leave on the worker disks, and their snapshots, are stored unencrypted. Set encrypted: "true" on each data disk.`,
      at: f.explicit ? { path: f.explicit } : { path: ['worker_data_disks'], on: 'key' },
    });
  },
});

function list(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function advice(disks: string[]): string {
  const sys = disks.includes('the system disk');
  const data = disks.some((d) => d.startsWith('data disk'));
  if (sys && data) return 'Set system_disk_encrypted: true, and encrypted: "true" on each data disk.';
  return sys ? 'Set system_disk_encrypted: true.' : 'Set encrypted: "true" on each data disk.';
}
