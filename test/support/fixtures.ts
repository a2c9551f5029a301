import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lint, loadInventory, type Diagnostic, type Inventory, type Rule } from '@acklint/core';

/** The date rules see in fixture tests, so date-dependent rules are deterministic. */
export const FIXTURE_NOW = new Date('2026-11-27T00:00:00Z');

export const SPEC_EXT = /\.(json|jsonc|ya?ml)$/;

/**
 * One line per diagnostic, 1-based `line:col-line:col severity message`, followed by indented `related` and `fix`
 * lines. This is the format of `rules/fixtures/<id>/invalid/<file>.expected`.
 */
export function renderDiagnostics(diags: Diagnostic[], text: string): string {
  const pos = (r: Diagnostic['range']) => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
  const lines: string[] = [];
  for (const d of diags) {
    lines.push(`${pos(d.range)} ${d.severity} ${d.message}`);
    // A location in another file (an inventory) is shown with that file's name.
    for (const r of d.related) lines.push(`  related ${r.file ? `${basename(r.file)}:` : ''}${pos(r.range)} ${r.message}`);
    if (d.fix) {
      for (const e of d.fix.edits) {
        lines.push(`  fix${d.fix.safe ? '' : '?'} ${JSON.stringify(d.fix.title)} ${JSON.stringify(text.slice(e.start, e.end))} => ${JSON.stringify(e.newText)}`);
      }
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/**
 * Inventory files of a fixture: for `<dir>/<name>.<ext>`, every `<dir>/<name>.inventory.json` and
 * `<dir>/<name>.inventory.<part>.json` (saved DescribeVpcs / DescribeVSwitches / DescribeClustersV1 output).
 */
export function fixtureInventory(file: string): Inventory | undefined {
  const dir = dirname(file);
  const name = basename(file).replace(SPEC_EXT, '');
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}.inventory.`) && f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
  return files.length ? loadInventory(files) : undefined;
}

/** Lint `file` with only `rule` enabled (and the fixture's inventory files, if any). */
export async function lintWithRule(rule: Rule, file: string) {
  const bytes = readFileSync(file);
  const inventory = fixtureInventory(file);
  const result = await lint(bytes, { fileName: file, rules: [rule], now: FIXTURE_NOW, ...(inventory ? { inventory } : {}) });
  return result;
}

export function listFixtures(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => SPEC_EXT.test(f) && !/\.inventory(\.[^.]+)?\.json$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}
