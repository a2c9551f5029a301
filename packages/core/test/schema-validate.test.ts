import { describe, expect, it } from 'vitest';
import { defineRule, lint, schemaFindings, type SchemaFindingKind } from '@acklint/core';

/** One rule that reports every schema finding, prefixed with its kind. */
const all = defineRule({
  meta: { id: 'schema', defaultSeverity: 'error', category: 'schema', description: 'd', details: 'd', fact: { text: 't', source: 's' }, tags: [] },
  check(ctx) {
    for (const f of schemaFindings(ctx.document)) ctx.report({ ...f.report, message: `${f.kind}: ${f.report.message}` });
  },
});

async function findings(text: string, fileName = 'spec.yaml') {
  const result = await lint(text, { fileName, rules: [all] });
  return result.diagnostics.map((d) => ({ kind: d.message.split(':')[0] as SchemaFindingKind, text: result.source.text.slice(d.span.start, d.span.end), message: d.message, fix: d.fix }));
}

const HEAD = 'name: x\nregion_id: cn-hangzhou\ncluster_type: ManagedKubernetes\n';

describe('schema findings', () => {
  it('accepts null anywhere: the API reads it as "not set"', async () => {
    expect(await findings(`${HEAD}snat_entry: null\nvswitch_ids: ~\nnodepools: null\n`)).toEqual([]);
  });

  it('does not report a value that a syntax error made unreadable', async () => {
    const out = await findings('{"name": "x", "region_id": "cn-hangzhou", "cluster_type": "ManagedKubernetes", "snat_entry": tru }', 'spec.json');
    expect(out).toEqual([]);
  });

  it('points at the alias where a YAML anchor is used, not at the anchor', async () => {
    const out = await findings(`${HEAD}x-defaults: &flag "true"\nsnat_entry: *flag\n`);
    const type = out.filter((f) => f.kind === 'type');
    expect(type.map((f) => f.text)).toEqual(['*flag']);
  });

  it('renames a quoted YAML key in its own quoting style', async () => {
    const out = await findings(`${HEAD}'vswitchIds': [vsw-a]\n`);
    expect(out).toHaveLength(1);
    expect(out[0]!.fix?.edits.map((e) => e.newText)).toEqual(["'vswitch_ids'"]);
  });

  it('leaves keys inside free-form maps alone', async () => {
    const out = await findings(`${HEAD}nodepools:\n  - node_config:\n      kubelet_configuration:\n        featureGates: {AnyGate: true}\n`);
    expect(out.filter((f) => f.kind === 'unknown')).toEqual([]);
  });

  it('never shows a password, whatever is wrong with it', async () => {
    const secret = 'S3cret-Value-123';
    const text = `${HEAD}login_password: [${secret}]\nnodepools:\n  - scaling_group:\n      login_password: {v: ${secret}}\n`;
    const result = await lint(text, { fileName: 'spec.yaml', rules: [all] });
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(d.message).not.toContain(secret);
      for (const e of d.fix?.edits ?? []) expect(e.newText).not.toContain(secret);
    }
  });

  it('reports a missing required field at the opening brace of a JSON request', async () => {
    const out = await findings('{\n  "name": "x",\n  "cluster_type": "ManagedKubernetes"\n}\n', 'spec.json');
    const missing = out.filter((f) => f.kind === 'missing');
    expect(missing.map((f) => f.text)).toEqual(['{']);
    expect(missing[0]!.message).toMatch(/^missing: The request is missing the required field region_id\b/);
  });

  it('computes the findings of a document once, whichever rule asks', async () => {
    const calls: number[] = [];
    const probe = (id: string) =>
      defineRule({
        meta: { ...all.meta, id },
        check(ctx) {
          const a = schemaFindings(ctx.document);
          const b = schemaFindings(ctx.document);
          calls.push(a === b ? 1 : 0);
        },
      });
    await lint(`${HEAD}snat_entry: yes\n`, { fileName: 'spec.yaml', rules: [probe('a'), probe('b')] });
    expect(calls).toEqual([1, 1]);
  });
});
