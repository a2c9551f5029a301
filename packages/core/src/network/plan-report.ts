/**
 * The `acklint plan` report: for each CreateCluster body of a file, its address plan and the findings of the network
 * rules, as data and as the table a person reads. The CLI prints it; the language server answers `acklint/plan` with it.
 */
import type { Diagnostic } from '../diagnostic.js';
import { lintParsed, type LintOptions } from '../engine.js';
import { isSuppressed } from '../suppress.js';
import { formatCount } from '../values.js';
import { secretsOf } from '../redact.js';
import type { ParsedFile } from '../parse/index.js';
import type { Rule } from '../rule.js';
import { buildAddressPlan, type AddressPlan } from './address-plan.js';
import type { Inventory } from './inventory.js';

export interface PlanEntry {
  file: string;
  document: number;
  plan: AddressPlan;
  conflicts: Array<{ ruleId: string; severity: string; message: string; line: number; column: number }>;
}

/** Keys that make a document without `cluster_type` still count as a CreateCluster body for the plan. */
const NETWORK_KEYS = ['container_cidr', 'service_cidr', 'vpcid', 'vswitch_ids', 'pod_vswitch_ids', 'addons'];

/**
 * The plan entries of a parsed file (`file` is how the report names it): one per CreateCluster body, with the
 * findings of the network and input rules among `rules` that no suppression silences. Empty when the file has no
 * CreateCluster body.
 */
export function planEntries(
  parsed: ParsedFile,
  file: string,
  options: { rules: readonly Rule[]; inventory?: Inventory } & Pick<LintOptions, 'severities' | 'suppressions' | 'pointerOverrides' | 'fileName'>,
): PlanEntry[] {
  const clusters = parsed.documents.filter((d) => d.kind === 'cluster' && (d.hasClusterType || NETWORK_KEYS.some((k) => d.has([k]))));
  if (!clusters.length) return [];
  const rules = options.rules.filter((r) => r.meta.category === 'network' || r.meta.category === 'input');
  const { inventory } = options;
  const result = lintParsed(parsed, { ...options, rules, ...(inventory ? { inventory } : {}) });
  return clusters.map((doc) =>
    redactEntry(parsed, {
      file,
      document: doc.index,
      plan: buildAddressPlan(doc, inventory),
      conflicts: result.diagnostics
        .filter((d: Diagnostic) => d.documentIndex === doc.index && !isSuppressed(d))
        .map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1 })),
    }),
  );
}

/**
 * The plan quotes names from the spec (node pools, vSwitches): a password shared through a YAML alias must not show
 * there either, so every string of the entry leaves through the same redaction as diagnostics.
 */
function redactEntry(parsed: ParsedFile, entry: PlanEntry): PlanEntry {
  const secrets = secretsOf(parsed);
  if (secrets.size === 0) return entry;
  return JSON.parse(JSON.stringify(entry), (_k, v: unknown) => (typeof v === 'string' ? secrets.scrub(v) : v)) as PlanEntry;
}

/** The plan entries as the tables `acklint plan` prints (one block per entry). */
export function renderPlanReport(entries: readonly PlanEntry[]): string {
  const multi = entries.length > 1;
  return entries.map((e) => renderTable(e, multi)).join('\n');
}

const n = formatCount;
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  // Numeric columns (all cells digits, commas or empty, below the header) are right-aligned.
  const numeric = widths.map((_, i) => rows.slice(1).every((r) => /^[-\d,]*$/.test(r[i] ?? '')) && rows.slice(1).some((r) => r[i]));
  return rows.map((r) => (indent + r.map((c, i) => (numeric[i] && rows.indexOf(r) > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')).trimEnd());
}

function renderTable(e: PlanEntry, multi: boolean): string {
  const p = e.plan;
  const lines: string[] = [];
  const plugin = p.plugin === 'flannel' ? 'Flannel' : p.plugin === 'terway' ? 'Terway' : 'network plugin unknown';
  lines.push(`Address plan: ${e.file}${multi ? ` (document ${e.document + 1})` : ''}${p.name ? `, cluster ${p.name}` : ''}, ${plugin}`);
  lines.push('');

  if (p.vpc) {
    lines.push(`VPC ${p.vpc.id}${p.vpc.regionId ? ` (${p.vpc.regionId})` : ''}${p.vpc.inInventory ? '' : ': not in the inventory'}`);
    const rows = [
      ...(p.vpc.cidr ? [['primary', p.vpc.cidr]] : []),
      ...p.vpc.secondaryCidrs.map((c) => ['secondary', c]),
      ...p.vpc.userCidrs.map((c) => ['user', c]),
    ];
    if (rows.length) lines.push(...table(rows));
  } else {
    lines.push('VPC: not given (vpcid is not set and no vSwitch is in the inventory)');
  }
  lines.push('');

  if (p.vswitches.length) {
    lines.push('vSwitches');
    const rows = [['ID', 'Zone', 'CIDR', 'Addresses', 'Free IPs', 'Used as']];
    for (const v of p.vswitches) {
      rows.push(
        v.inInventory
          ? [v.id, v.zone ?? '', v.cidr ?? '', v.addresses !== undefined ? n(v.addresses) : '', v.freeIps !== undefined ? n(v.freeIps) : '', v.usedAs.join(', ')]
          : [v.id, '(not in the inventory)', '', '', '', v.usedAs.join(', ')],
      );
    }
    lines.push(...table(rows), '');
  }

  if (p.plugin === 'terway') {
    lines.push('Pods (Terway: addresses from the pod vSwitches)');
    const rows: string[][] = [];
    const ids = p.pods.podVSwitches ?? [];
    rows.push(['Pod vSwitches', ids.length ? `${ids.join(', ')}${p.pods.addresses !== undefined ? `: ${plural(p.pods.addresses, 'address', 'addresses')}` : ''}${p.pods.freeIps !== undefined ? `, ${n(p.pods.freeIps)} free` : ''}` : 'none']);
    pushPools(rows, p);
    if (p.pods.reachablePods !== undefined) {
      const defaulted = p.nodePools.some((x) => x.maxPods === undefined);
      rows.push(['Pods at full size', `${n(p.pods.reachablePods)}${defaulted ? ' (110 per node where maxPods is not set)' : ''}`]);
    }
    if (p.headroom) rows.push(['Headroom', `${n(p.headroom.value)} ${p.headroom.unit}`]);
    lines.push(...table(rows), '');
  } else {
    lines.push(p.plugin === 'flannel' ? 'Pods (Flannel: one block of the pod CIDR per node)' : 'Pods');
    const rows: string[][] = [];
    rows.push(['Pod CIDR', p.pods.cidrs.length ? `${p.pods.cidrs.join(', ')}${p.pods.addresses !== undefined ? ` (${plural(p.pods.addresses, 'address', 'addresses')})` : ''}` : 'not set']);
    if (p.pods.nodeCidrMask) {
      rows.push(['Pods per node', `${p.pods.podsPerNode !== undefined ? n(p.pods.podsPerNode) : '?'} (node_cidr_mask ${p.pods.nodeCidrMask.value}${p.pods.nodeCidrMask.source === 'default' ? ', the default' : ''})`]);
    }
    if (p.pods.maxNodes !== undefined) rows.push(['Max nodes', n(p.pods.maxNodes)]);
    pushPools(rows, p);
    if (p.headroom) rows.push(['Headroom', `${n(p.headroom.value)} ${p.headroom.unit}`]);
    lines.push(...table(rows), '');
  }

  lines.push('Services');
  lines.push(...table([['Service CIDR', `${p.services.cidrs.join(', ')}${p.services.serviceIps !== undefined ? ` (${plural(p.services.serviceIps, 'Service IP')})` : ''}${p.services.defaulted ? ', the default (service_cidr is not set)' : ''}`]]), '');

  if (p.otherClusters.length) {
    lines.push(`Other clusters in ${p.vpc?.id ?? 'the VPC'}`);
    lines.push(...table([['ID', 'Name', 'Pod CIDR', 'Service CIDR'], ...p.otherClusters.map((c) => [c.id, c.name ?? '', c.podCidrs.join(', ') || '-', c.serviceCidrs.join(', ') || '-'])]), '');
  }

  lines.push('Conflicts');
  if (!e.conflicts.length) lines.push('  none');
  for (const c of e.conflicts) lines.push(`  ${c.line}:${c.column}  ${c.severity}  ${c.message}  (${c.ruleId})`);
  return lines.join('\n') + '\n';
}

function pushPools(rows: string[][], p: AddressPlan): void {
  if (!p.nodePools.length) {
    rows.push(['Node pools', 'none sized']);
    return;
  }
  const list = p.nodePools.map((x) => `${x.name} up to ${n(x.nodes)}${x.maxPods !== undefined ? ` (maxPods ${x.maxPods})` : ''}`).join(', ');
  rows.push(['Node pools', `${list}: ${plural(p.totalNodes, 'node')}`]);
}
