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
  InventoryLoader,
  settingsForFile,
  formatFromName,
  parseFile,
  planEntries,
  renderPlanReport,
  suggest,
  type PlanEntry,
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
    const inventories = new InventoryLoader((values.inventory ?? []).map((p) => resolve(p)), display);
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
      const inventory = inventories.forConfig(config);
      const settings = settingsForFile(config, abs);
      const parsed = await parseFile(bytes, { fileName: abs, format: formatFromName(abs), limits: { maxFileSize: config.maxFileSize } });
      // Suppressed findings (acklint-disable comments, overrides at a JSON pointer) are left out of the plan, as out of a lint.
      const found = planEntries(parsed, display(abs), {
        rules: builtinRules,
        severities: settings.severities,
        suppressions: settings.suppressions,
        pointerOverrides: settings.pointerOverrides,
        fileName: abs,
        ...(inventory ? { inventory } : {}),
      });
      if (!found.length) throw new PlanError(`plan: ${display(abs)} has no CreateCluster body`);
      entries.push(...found);
    }

    process.stdout.write(format === 'json' ? JSON.stringify(entries, null, 2) + '\n' : renderPlanReport(entries));
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
