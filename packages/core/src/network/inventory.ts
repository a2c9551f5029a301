import { readFileSync } from 'node:fs';
import { parseCidr, type Cidr } from '../cidr.js';
import { ConfigError } from '../config.js';
import type { JsonPath, JsonValue } from '../model.js';
import { parseFileSync } from '../parse/index.js';
import { SourceText, type Range, type Span } from '../text.js';
import { cidrBlocks } from './plan.js';

/**
 * What already exists in the cloud, read from the saved JSON output of `aliyun vpc DescribeVpcs`,
 * `aliyun vpc DescribeVSwitches` and `aliyun cs DescribeClustersV1` (recognised by shape), and what ACK offers: the
 * component catalogue of a region and Kubernetes version (`aliyun cs GET /addons`, ListAddons, or the older
 * DescribeAddons). Every entry remembers where its ID is written, so that findings can point into the inventory file.
 */

/** A place in an inventory file (or any other file than the linted one). */
export interface ExternalLocation {
  /** Absolute path of the file. */
  file: string;
  span: Span;
  range: Range;
}

export interface InventoryVpc {
  id: string;
  regionId?: string;
  name?: string;
  /** Primary CIDR block. */
  cidr?: Cidr;
  /** Secondary CIDR blocks, each where it is written. */
  secondary: Array<{ cidr: Cidr; at: ExternalLocation }>;
  /** User CIDRs (ranges the VPC's owner reserved for their own networks). */
  userCidrs: Array<{ cidr: Cidr; at: ExternalLocation }>;
  vswitchIds: string[];
  /** Where `VpcId` is written. */
  at: ExternalLocation;
}

export interface InventoryVSwitch {
  id: string;
  vpcId?: string;
  zoneId?: string;
  name?: string;
  cidr?: Cidr;
  available?: number;
  at: ExternalLocation;
}

export interface InventoryCluster {
  id: string;
  name?: string;
  vpcId?: string;
  clusterType?: string;
  podCidrs: Cidr[];
  serviceCidrs: Cidr[];
  at: ExternalLocation;
}

/** One component of a saved component catalogue. */
export interface InventoryAddon {
  name: string;
  version?: string;
  /** The catalogue file it comes from. */
  at: ExternalLocation;
}

export type InventoryKind = 'DescribeVpcs' | 'DescribeVSwitches' | 'DescribeClustersV1' | 'ListAddons';

export interface InventoryFile {
  path: string;
  kinds: InventoryKind[];
}

/** A bad inventory file: one line naming the file. The CLI exits 2 with it (like a bad config). */
export class InventoryError extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'InventoryError';
  }
}

export class Inventory {
  readonly files: InventoryFile[] = [];
  readonly vpcs = new Map<string, InventoryVpc>();
  readonly vswitches = new Map<string, InventoryVSwitch>();
  readonly clusters: InventoryCluster[] = [];
  /** Component names of the saved component catalogues (ListAddons / DescribeAddons output). */
  readonly addons = new Map<string, InventoryAddon>();
  private byVpc?: Map<string, InventoryVSwitch[]>;

  has(kind: InventoryKind): boolean {
    return this.files.some((f) => f.kinds.includes(kind));
  }

  /** The vSwitches the inventory places in `vpcId` (from DescribeVSwitches, or listed by the VPC itself). */
  vswitchesOf(vpcId: string): InventoryVSwitch[] {
    if (!this.byVpc) {
      this.byVpc = new Map();
      for (const v of this.vswitches.values()) {
        if (!v.vpcId) continue;
        const list = this.byVpc.get(v.vpcId);
        if (list) list.push(v);
        else this.byVpc.set(v.vpcId, [v]);
      }
      for (const vpc of this.vpcs.values()) {
        for (const id of vpc.vswitchIds) {
          const v = this.vswitches.get(id);
          if (v && !v.vpcId) {
            const list = this.byVpc.get(vpc.id) ?? [];
            list.push(v);
            this.byVpc.set(vpc.id, list);
          }
        }
      }
    }
    return this.byVpc.get(vpcId) ?? [];
  }

  /** The VPC a vSwitch is in, as far as the inventory knows. */
  vpcOfVSwitch(id: string): string | undefined {
    const v = this.vswitches.get(id);
    if (v?.vpcId) return v.vpcId;
    for (const vpc of this.vpcs.values()) if (vpc.vswitchIds.includes(id)) return vpc.id;
    return undefined;
  }

  /** Add the entries of one parsed inventory file. Later files win for a repeated ID. */
  add(file: InventoryFile, entries: { vpcs: InventoryVpc[]; vswitches: InventoryVSwitch[]; clusters: InventoryCluster[]; addons?: InventoryAddon[] }): void {
    this.files.push(file);
    for (const a of entries.addons ?? []) if (!this.addons.has(a.name)) this.addons.set(a.name, a);
    for (const v of entries.vpcs) this.vpcs.set(v.id, v);
    for (const v of entries.vswitches) this.vswitches.set(v.id, v);
    for (const c of entries.clusters) {
      const i = this.clusters.findIndex((x) => x.id === c.id);
      if (i >= 0) this.clusters[i] = c;
      else this.clusters.push(c);
    }
    this.byVpc = undefined;
  }
}

function obj(v: JsonValue | undefined): Record<string, JsonValue> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, JsonValue>) : undefined;
}

function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** `{ Outer: { Inner: [...] } }` (the aliyun CLI's shape for lists), or a bare array under `Outer`. */
function list(root: Record<string, JsonValue>, outer: string, inner: string): { items: JsonValue[]; path: JsonPath } | undefined {
  const o = root[outer];
  if (Array.isArray(o)) return { items: o, path: [outer] };
  const i = obj(o)?.[inner];
  if (Array.isArray(i)) return { items: i, path: [outer, inner] };
  return undefined;
}

/**
 * Parse one inventory file's text. Throws {@link InventoryError} naming `displayPath` for anything unusable.
 *
 * Inventories are large (a region's vSwitches), and findings point into them rarely, so the values come from the
 * built-in `JSON.parse` and positions from acklint's position-exact parser only when a location is first asked for
 * (once per file). The slow parser also runs when `JSON.parse` fails, to say where (and to accept comments).
 */
export function parseInventory(
  input: string | Uint8Array,
  path: string,
  displayPath = path,
): { file: InventoryFile; vpcs: InventoryVpc[]; vswitches: InventoryVSwitch[]; clusters: InventoryCluster[]; addons: InventoryAddon[] } {
  let parsedFile: ReturnType<typeof parseFileSync> | undefined;
  const exact = () => (parsedFile ??= parseFileSync(input, { fileName: path, format: 'jsonc' }));
  let value: JsonValue | undefined;
  let source: SourceText | undefined;
  try {
    source = new SourceText(typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input));
    value = JSON.parse(source.text) as JsonValue;
  } catch {
    source = undefined;
    const parsed = exact();
    const problem = parsed.problems[0];
    if (problem) {
      const p = parsed.source.positionAt(problem.start);
      throw new InventoryError(`inventory ${displayPath}:${p.line + 1}:${p.character + 1}: not valid JSON: ${problem.message}`);
    }
    value = parsed.documents[0]?.value;
  }
  const root = obj(value);
  const shapes =
    'expected the JSON output of aliyun vpc DescribeVpcs (Vpcs.Vpc), aliyun vpc DescribeVSwitches (VSwitches.VSwitch), aliyun cs DescribeClustersV1 (clusters) or the component catalogue of aliyun cs ListAddons (addons) / DescribeAddons (ComponentGroups)';
  if (!root) throw new InventoryError(`inventory ${displayPath}: not a JSON object; ${shapes}`);

  const spanOf = (p: JsonPath): Span => {
    const parsed = exact();
    return parsed.documents[0]?.spanOf(p) ?? { start: 0, end: 0 };
  };
  /**
   * Where `"key": "value"` is written (the value token), found by a search of the text: a few microseconds instead
   * of parsing the whole file with positions. undefined when the text writes it some other way (escapes…).
   */
  const findPair = (key: string, val: string, from = 0): Span | undefined => {
    if (!source) return undefined;
    const lit = JSON.stringify(val);
    const re = new RegExp(`${escapeRe(JSON.stringify(key))}\\s*:\\s*${escapeRe(lit)}`, 'g');
    re.lastIndex = from;
    const m = re.exec(source.text);
    return m ? { start: m.index + m[0].length - lit.length, end: m.index + m[0].length } : undefined;
  };
  // A location whose span and range are computed on first use (findings point at few entries of a large file).
  const at = (p: JsonPath, fast?: () => Span | undefined): ExternalLocation => {
    let span: Span | undefined;
    let range: Range | undefined;
    return {
      file: path,
      get span() {
        return (span ??= fast?.() ?? spanOf(p));
      },
      get range() {
        return (range ??= (source ?? exact().source).rangeOf(this.span));
      },
    };
  };
  const idAt = (p: JsonPath, key: string, id: string) => at([...p, key], () => findPair(key, id));
  const bad = (p: JsonPath, what: string): never => {
    const pos = exact().source.positionAt(spanOf(p).start);
    throw new InventoryError(`inventory ${displayPath}:${pos.line + 1}:${pos.character + 1}: ${what}`);
  };
  const cidrAt = (v: JsonValue | undefined, p: JsonPath, required: boolean): Cidr | undefined => {
    if (v === undefined || v === null || v === '') {
      if (required) bad(p, 'missing CidrBlock');
      return undefined;
    }
    const c = typeof v === 'string' ? parseCidr(v.trim()) : undefined;
    if (!c) bad(p, `${JSON.stringify(v)} is not a CIDR block`);
    return c;
  };
  const entry = (items: JsonValue[], base: JsonPath, i: number, idKey: string): { e: Record<string, JsonValue>; id: string; p: JsonPath } => {
    const p = [...base, i];
    const e = obj(items[i]);
    if (!e) return bad(p, `entry ${i} is not an object`);
    const id = str(e[idKey]);
    if (!id) return bad(p, `entry ${i} has no ${idKey}`);
    return { e, id, p };
  };

  const kinds: InventoryKind[] = [];
  const vpcs: InventoryVpc[] = [];
  const vswitches: InventoryVSwitch[] = [];
  const clusters: InventoryCluster[] = [];

  const vpcList = list(root, 'Vpcs', 'Vpc');
  if (vpcList) {
    kinds.push('DescribeVpcs');
    for (let i = 0; i < vpcList.items.length; i++) {
      const { e, id, p } = entry(vpcList.items, vpcList.path, i, 'VpcId');
      const vpc: InventoryVpc = { id, secondary: [], userCidrs: [], vswitchIds: [], at: idAt(p, 'VpcId', id) };
      const cidr = cidrAt(e['CidrBlock'], [...p, 'CidrBlock'], false);
      if (cidr) vpc.cidr = cidr;
      if (str(e['RegionId'])) vpc.regionId = str(e['RegionId']);
      if (str(e['VpcName'])) vpc.name = str(e['VpcName']);
      for (const [key, inner, into] of [
        ['SecondaryCidrBlocks', 'SecondaryCidrBlock', vpc.secondary],
        ['UserCidrs', 'UserCidr', vpc.userCidrs],
      ] as const) {
        const l = list(e, key, inner);
        l?.items.forEach((t, k) => {
          const c = cidrAt(t, [...p, ...l.path, k], false);
          if (c) {
            // The CIDR string after the VPC's own ID.
            const fast = () => {
              const after = findPair('VpcId', id);
              const i = after && source ? source.text.indexOf(JSON.stringify(t), after.end) : -1;
              return i >= 0 ? { start: i, end: i + JSON.stringify(t).length } : undefined;
            };
            into.push({ cidr: c, at: at([...p, ...l.path, k], fast) });
          }
        });
      }
      const sw = list(e, 'VSwitchIds', 'VSwitchId');
      for (const s of sw?.items ?? []) if (str(s)) vpc.vswitchIds.push(str(s)!);
      vpcs.push(vpc);
    }
  }

  const swList = list(root, 'VSwitches', 'VSwitch');
  if (swList) {
    kinds.push('DescribeVSwitches');
    for (let i = 0; i < swList.items.length; i++) {
      const { e, id, p } = entry(swList.items, swList.path, i, 'VSwitchId');
      const v: InventoryVSwitch = { id, at: idAt(p, 'VSwitchId', id) };
      const cidr = cidrAt(e['CidrBlock'], [...p, 'CidrBlock'], true);
      if (cidr) v.cidr = cidr;
      if (str(e['VpcId'])) v.vpcId = str(e['VpcId']);
      if (str(e['ZoneId'])) v.zoneId = str(e['ZoneId']);
      if (str(e['VSwitchName'])) v.name = str(e['VSwitchName']);
      const n = e['AvailableIpAddressCount'];
      if (typeof n === 'number' && Number.isFinite(n)) v.available = n;
      vswitches.push(v);
    }
  }

  const clList = Array.isArray(root['clusters']) ? { items: root['clusters'], path: ['clusters'] } : undefined;
  if (clList) {
    kinds.push('DescribeClustersV1');
    for (let i = 0; i < clList.items.length; i++) {
      const { e, id, p } = entry(clList.items, clList.path, i, 'cluster_id');
      const c: InventoryCluster = { id, podCidrs: cidrBlocks(e['container_cidr']), serviceCidrs: cidrBlocks(e['service_cidr']), at: idAt(p, 'cluster_id', id) };
      if (str(e['name'])) c.name = str(e['name']);
      const vpc = str(e['vpc_id']) ?? str(e['vpcid']);
      if (vpc) c.vpcId = vpc;
      if (str(e['cluster_type'])) c.clusterType = str(e['cluster_type']);
      clusters.push(c);
    }
  }

  // The component catalogue: ListAddons (`addons[]` of {name, version, category…}; a CreateCluster body, which also has
  // addons, is told apart by its cluster_type) or DescribeAddons (`ComponentGroups[].items[]`, `StandardComponents`).
  const addons: InventoryAddon[] = [];
  const addAddon = (name: JsonValue | undefined, p: JsonPath, version?: JsonValue) => {
    const n = str(name);
    if (!n) return;
    const a: InventoryAddon = { name: n, at: at(p, () => findPair('name', n)) };
    if (str(version)) a.version = str(version);
    addons.push(a);
  };
  if (Array.isArray(root['addons']) && !('cluster_type' in root)) {
    root['addons'].forEach((e, i) => addAddon(obj(e)?.['name'], ['addons', i, 'name'], obj(e)?.['version']));
    kinds.push('ListAddons');
  } else if (Array.isArray(root['ComponentGroups']) || obj(root['StandardComponents'])) {
    const groups = root['ComponentGroups'];
    if (Array.isArray(groups)) {
      groups.forEach((g, gi) => {
        const items = obj(g)?.['items'];
        if (Array.isArray(items)) items.forEach((e, i) => addAddon(obj(e)?.['name'], ['ComponentGroups', gi, 'items', i, 'name'], obj(e)?.['version']));
      });
    }
    for (const [key, e] of Object.entries(obj(root['StandardComponents']) ?? {})) addAddon(str(obj(e)?.['name']) ?? key, ['StandardComponents', key], obj(e)?.['version']);
    kinds.push('ListAddons');
  }

  if (!kinds.length) throw new InventoryError(`inventory ${displayPath}: unrecognised content; ${shapes}`);
  return { file: { path, kinds }, vpcs, vswitches, clusters, addons };
}

/**
 * Read inventory files into one {@link Inventory}. `display` turns a path into what error messages show. Throws
 * {@link InventoryError} for a file that cannot be read, is not JSON, or has none of the known shapes.
 */
export function loadInventory(paths: readonly string[], display: (path: string) => string = (p) => p): Inventory {
  const inv = new Inventory();
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      throw new InventoryError(`cannot read inventory ${display(path)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const r = parseInventory(bytes, path, display(path));
    inv.add(r.file, r);
  }
  return inv;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
