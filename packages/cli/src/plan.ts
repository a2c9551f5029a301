/**
 * `acklint plan FILE… [--inventory FILE…] [--format table|json]`: the address plan of a CreateCluster spec, the
 * view a person wants before creating the cluster. Bundled on its own (dist/plan.cjs) and loaded only for this
 * subcommand, so a plain lint never pays for it.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ConfigError,
  ConfigResolver,
  buildAddressPlan,
  isSuppressed,
  settingsForFile,
  formatFromName,
  lintParsed,
  loadInventory,
  parseFile,
  suggest,
  type AcklintConfig,
  type AddressPlan,
  type Diagnostic,
  type Inventory,
  type SeveritySetting,
} from '@acklint/core';
import { builtinRules } from '@acklint/rules';

export const PLAN_HELP = `acklint plan: print the address plan of ACK CreateCluster specs

Usage
  acklint plan [options] <file>...

For each cluster spec: the VPC and its secondary CIDRs, the vSwitches with zone and free IPs, the pod and
Service CIDRs, pods per node, max nodes, Service IPs, headroom against the node pools, and every finding of
the network rules. VPC, vSwitch and cluster details come from inventory files.

Options
  -f, --format <name>       table (default) or json
      --inventory <file>    saved JSON output of aliyun vpc DescribeVpcs, aliyun vpc DescribeVSwitches or
                            aliyun cs DescribeClustersV1 (repeatable; added to the config's inventory list)
  -c, --config <file>       use this config instead of the nearest .acklint.yaml/.acklint.yml/.acklint.json
  -h, --help                print this help

Exit codes
  0  no network errors
  1  a network rule reports an error
  2  usage, configuration, inventory or I/O failure
`;

interface PlanEntry {
  file: string;
  document: number;
  plan: AddressPlan;
  conflicts: Array<{ ruleId: string; severity: string; message: string; line: number; column: number }>;
}

class PlanError extends Error {}

export async function plan(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'table' },
        inventory: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      process.stdout.write(PLAN_HELP);
      return 0;
    }
    const format = values.format!;
    if (format !== 'table' && format !== 'json') throw new PlanError(`plan: unknown format "${format}"${suggest(format, ['table', 'json'])}; use table or json`);
    if (!positionals.length) throw new PlanError('plan: no files given; try `acklint plan cluster.yaml --inventory vswitches.json`');

    const cwd = process.cwd();
    const display = (abs: string) => {
      const rel = relative(cwd, abs);
      return rel && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
    };
    const resolver = new ConfigResolver(builtinRules.map((r) => r.meta));
    const explicit = values.config ? await resolver.load(resolve(values.config)) : undefined;
    const cliInventory = (values.inventory ?? []).map((p) => resolve(p));
    const inventories = new Map<string, Inventory>();
    const inventoryFor = (config: AcklintConfig): Inventory | undefined => {
      const paths = [...new Set([...config.inventory, ...cliInventory])];
      if (!paths.length) return undefined;
      const key = paths.join('\0');
      let inv = inventories.get(key);
      if (!inv) inventories.set(key, (inv = loadInventory(paths, display)));
      return inv;
    };
    const networkRules = builtinRules.filter((r) => r.meta.category === 'network' || r.meta.category === 'input');

    const entries: PlanEntry[] = [];
    for (const arg of positionals) {
      if (arg === '-') throw new PlanError('plan: reads spec files, not standard input; name the file (acklint plan cluster.yaml)');
      const abs = resolve(arg);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(abs);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EISDIR') throw new PlanError(`plan: ${arg} is a directory; name the spec files in it (acklint plan ${arg.replace(/[\\/]+$/, '')}/*.yaml)`);
        if (code === 'ENOENT') throw new PlanError(`plan: no such file: ${arg}`);
        throw new PlanError(`plan: cannot read ${arg}: ${code ?? (err as Error).message}`);
      }
      const config = explicit ?? (await resolver.forFile(abs));
      const inventory = inventoryFor(config);
      const settings = settingsForFile(config, abs);
      const severities: Record<string, SeveritySetting> = settings.severities;
      const parsed = await parseFile(bytes, { fileName: abs, format: formatFromName(abs), limits: { maxFileSize: config.maxFileSize } });
      // Suppressed findings (acklint-disable comments, overrides at a JSON pointer) are left out of the plan, as out of a lint.
      const result = lintParsed(parsed, { fileName: abs, rules: networkRules, severities, suppressions: settings.suppressions, pointerOverrides: settings.pointerOverrides, ...(inventory ? { inventory } : {}) });
      // Documents that are CreateCluster bodies: with cluster_type, or at least one network field.
      const clusters = parsed.documents.filter(
        (d) => d.kind === 'cluster' && (d.hasClusterType || ['container_cidr', 'service_cidr', 'vpcid', 'vswitch_ids', 'pod_vswitch_ids', 'addons'].some((k) => d.has([k]))),
      );
      if (!clusters.length) throw new PlanError(`plan: ${display(abs)} has no CreateCluster body`);
      for (const doc of clusters) {
        const conflicts = result.diagnostics
          .filter((d: Diagnostic) => d.documentIndex === doc.index && !isSuppressed(d))
          .map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, line: d.range.start.line + 1, column: d.range.start.character + 1 }));
        entries.push({ file: display(abs), document: doc.index, plan: buildAddressPlan(doc, inventory), conflicts });
      }
    }

    const multi = entries.length > 1;
    process.stdout.write(format === 'json' ? JSON.stringify(entries, null, 2) + '\n' : entries.map((e) => renderTable(e, multi)).join('\n'));
    return entries.some((e) => e.conflicts.some((c) => c.severity === 'error')) ? 1 : 0;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (err instanceof PlanError || err instanceof ConfigError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`acklint: ${(err as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`acklint: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    return 2;
  }
}

const n = (x: number) => x.toLocaleString('en-US');
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
