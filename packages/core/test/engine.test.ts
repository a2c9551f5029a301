import { describe, expect, it } from 'vitest';
import { SecretIndex } from '../src/engine.js';
import { defineRule, lint, lintParsed, parseFile, type JsonPath, type Rule, type RuleMeta } from '@acklint/core';

const meta = (id: string, extra: Partial<RuleMeta> = {}): RuleMeta => ({
  id,
  defaultSeverity: 'warning',
  category: 'naming',
  description: id,
  details: id,
  fact: { text: 'test', source: 'test' },
  tags: [],
  ...extra,
});

/** A rule that reports `message` at each path, in the order given. */
const reporter = (id: string, paths: JsonPath[], message = 'found'): Rule =>
  defineRule({ meta: meta(id), check: (ctx) => paths.forEach((path) => ctx.report({ message, at: { path } })) });

const SPEC = '{\n  "cluster_type": "ManagedKubernetes",\n  "name": "x",\n  "region_id": "cn-hangzhou"\n}\n';

describe('lint', () => {
  it('turns a throwing rule into one internal-error diagnostic and keeps running the others', async () => {
    const boom = defineRule({
      meta: meta('boom'),
      check: () => {
        throw new Error('kaput');
      },
    });
    const result = await lint(SPEC, { fileName: 'x.json', rules: [boom, reporter('fine', [['name']])] });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.message, d.span])).toEqual([
      ['internal-error', 'error', 'Rule "boom" failed on this document and was skipped (kaput). Please report this.', { start: 0, end: 0 }],
      ['fine', 'warning', 'found', { start: 51, end: 54 }],
    ]);
    expect(result.diagnostics[0]!.docsUrl).toMatch(/\/docs\/internal-error\.md$/);
  });

  it('never runs a rule that is set to off', async () => {
    const calls: string[] = [];
    const recorder = defineRule({ meta: meta('recorder'), check: (ctx) => void calls.push(ctx.document.format) });
    const off = await lint(SPEC, { fileName: 'x.json', rules: [recorder], severities: { recorder: 'off' } });
    expect(off.diagnostics).toEqual([]);
    expect(calls).toEqual([]);
    await lint(SPEC, { fileName: 'x.json', rules: [recorder] });
    expect(calls).toEqual(['json']);
  });

  it('applies a severity override', async () => {
    const rule = reporter('sev', [['name']]);
    const byDefault = await lint(SPEC, { fileName: 'x.json', rules: [rule] });
    expect(byDefault.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    const overridden = await lint(SPEC, { fileName: 'x.json', rules: [rule], severities: { sev: 'error', other: 'info' } });
    expect(overridden.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it('sorts diagnostics by position, whatever order rules report in, and is deterministic', async () => {
    const rules = [reporter('b-rule', [['region_id'], ['cluster_type']]), reporter('a-rule', [['name'], ['region_id']])];
    const first = await lint(SPEC, { fileName: 'x.json', rules });
    expect(first.diagnostics.map((d) => [d.ruleId, d.range.start.line, d.range.start.character])).toEqual([
      ['b-rule', 1, 18],
      ['a-rule', 2, 10],
      ['a-rule', 3, 15],
      ['b-rule', 3, 15],
    ]);
    const second = await lint(SPEC, { fileName: 'x.json', rules: [...rules].reverse() });
    expect(second.diagnostics).toEqual(first.diagnostics);
  });

  it('reports a finding reached through YAML aliases at each alias, pointing back at the anchor', async () => {
    const text = 'cluster_type: ManagedKubernetes\nbase: &b\n  x: bad\nc1: *b\nc2: *b\n';
    const rule = reporter('alias', [['c1', 'x'], ['c2', 'x'], ['base', 'x']], 'x is bad');
    const result = await lint(text, { fileName: 'x.yaml', rules: [rule] });
    const anchor = { start: { line: 2, character: 5 }, end: { line: 2, character: 8 } };
    expect(result.diagnostics.map((d) => [d.range, d.related.map((r) => [r.message, r.range])])).toEqual([
      [anchor, []],
      [{ start: { line: 3, character: 4 }, end: { line: 3, character: 6 } }, [['The value comes from this YAML anchor', anchor]]],
      [{ start: { line: 4, character: 4 }, end: { line: 4, character: 6 } }, [['The value comes from this YAML anchor', anchor]]],
    ]);
  });

  it('reports identical findings once', async () => {
    const rule = reporter('twice', [['name'], ['name']], 'same');
    const result = await lint(SPEC, { fileName: 'x.json', rules: [rule] });
    expect(result.diagnostics).toHaveLength(1);
  });

  it('drops a fix that would edit text shared through a YAML anchor', async () => {
    const text = 'cluster_type: ManagedKubernetes\nbase: &b bad\nname: *b\nother: bad\n';
    const fixer = defineRule({
      meta: meta('fixer'),
      check: (ctx) => {
        for (const key of ['name', 'other']) {
          ctx.report({ message: `${key} is bad`, at: { path: [key] }, fix: { title: 'fix it', safe: true, edits: [{ target: { path: [key] }, newText: 'good' }] } });
        }
      },
    });
    const result = await lint(text, { fileName: 'x.yaml', rules: [fixer] });
    expect(result.diagnostics.map((d) => [d.message, d.fix?.edits])).toEqual([
      ['name is bad', undefined],
      ['other is bad', [{ start: 61, end: 64, newText: 'good' }]],
    ]);
  });

  it('drops document findings that start on a line with a syntax error, and keeps the others', async () => {
    // The unescaped quotes make jsonc-parser recover with junk keys on line 3.
    const text = '{\n  "cluster_type": "ManagedKubernetes",\n  "config": "{"a":"b"}",\n  "name": "x"\n}\n';
    const file = defineRule({ meta: meta('file-rule', { scope: 'file' }), check: (ctx) => ctx.report({ message: 'file', at: { start: 45, end: 48 } }) });
    const result = await lint(text, { fileName: 'x.json', rules: [reporter('doc-rule', [['config'], ['name']]), file] });
    expect(result.diagnostics.map((d) => `${d.ruleId}@${d.range.start.line}`)).toEqual(['file-rule@2', 'doc-rule@3']);
  });

  it('skips files without a cluster_type in onlyClusterSpecs mode', async () => {
    const rule = reporter('any', [[]]);
    const other = await lint('{"name": "x"}', { fileName: 'x.json', rules: [rule], onlyClusterSpecs: true });
    expect(other).toMatchObject({ skipped: true, diagnostics: [] });
    const spec = await lint(SPEC, { fileName: 'x.json', rules: [rule], onlyClusterSpecs: true });
    expect(spec.skipped).toBe(false);
    expect(spec.diagnostics).toHaveLength(1);
    const multi = await lint('name: x\n---\ncluster_type: Kubernetes\n', { fileName: 'x.yaml', rules: [rule], onlyClusterSpecs: true });
    expect(multi.skipped).toBe(false);
  });

  it('redacts login_password values from messages and related messages, and drops fixes that contain them', async () => {
    const text = '{"cluster_type": "ManagedKubernetes", "login_password": "Hunter2secret", "name": "x"}';
    const leaky = defineRule({
      meta: meta('leaky'),
      check: (ctx) => {
        const pw = String(ctx.document.get(['login_password']));
        ctx.report({
          message: `password ${pw} is weak`,
          at: { path: ['login_password'] },
          related: [{ path: ['name'], message: `compare "${pw}"` }],
          fix: { title: `replace ${pw}`, safe: false, edits: [{ target: { path: ['login_password'] }, newText: `"${pw}!"` }] },
        });
        ctx.report({
          message: `name next to ${pw}`,
          at: { path: ['name'] },
          fix: { title: `rename (not ${pw})`, safe: true, edits: [{ target: { path: ['name'] }, newText: '"y"' }] },
        });
      },
    });
    const result = await lint(text, { fileName: 'x.json', rules: [leaky] });
    expect(JSON.stringify(result.diagnostics)).not.toContain('Hunter2secret');
    const [pw, name] = result.diagnostics;
    expect(pw!.message).toBe('password **** is weak');
    expect(pw!.related.map((r) => r.message)).toEqual(['compare ****']);
    expect(pw!.fix).toBeUndefined();
    expect(name!.message).toBe('name next to ****');
    expect(name!.fix).toEqual({ title: 'rename (not ****)', safe: true, edits: [{ start: 81, end: 84, newText: '"y"' }] });
  });
});

describe('lintParsed', () => {
  it('lints an already parsed file and gives file rules the first document', async () => {
    const parsed = await parseFile('a: 1\n---\ncluster_type: Kubernetes\n', { fileName: 'x.yaml' });
    const seen: number[] = [];
    const fileRule = defineRule({ meta: meta('file-rule', { scope: 'file' }), check: (ctx) => void seen.push(ctx.document.index) });
    const clusterRule = defineRule({ meta: meta('cluster-rule'), check: (ctx) => void seen.push(10 + ctx.document.index) });
    const result = lintParsed(parsed, { fileName: 'x.yaml', rules: [fileRule, clusterRule] });
    expect(result.diagnostics).toEqual([]);
    expect(result.format).toBe('yaml');
    expect(seen).toEqual([0, 10, 11]);
  });
});

describe('SecretIndex', () => {
  it('replaces every secret, the longest where several start at one place, and leaves other text alone', () => {
    const index = new SecretIndex();
    for (const s of ['Hunter2', 'Hunter2-long', 'ab', 'xyz']) index.add(s);
    expect(index.size).toBe(3); // "ab" is too short to be told apart from ordinary text
    expect(index.scrub('a Hunter2-long and Hunter2, xyzxyz ab')).toBe('a **** and ****, ******** ab');
    expect(index.scrub('nothing secret here')).toBe('nothing secret here');
    expect(index.contains('…Hunter2…')).toBe(true);
    expect(index.contains('Hunter')).toBe(false);
  });

  it('handles many secrets that share a prefix', () => {
    const index = new SecretIndex();
    for (let i = 0; i < 20_000; i++) index.add(`Secret-${i}`);
    index.add('Secret-7'); // already there
    expect(index.size).toBe(20_000);
    expect(index.scrub('was Secret-19999, now Secret-1')).toBe('was ****, now ****');
  });
});

describe('CreateCluster bodies embedded in a ROS template', () => {
  const TEMPLATE = [
    "ROSTemplateFormatVersion: '2015-09-01'",
    'Resources:',
    '  Vpc: {Type: ALIYUN::ECS::VPC, Properties: {CidrBlock: 192.168.0.0/16}}',
    '  Cluster:',
    '    Type: ALIYUN::CS::AnyCluster',
    '    Properties:',
    '      ClusterConfig:',
    '        name: {Ref: Name}',
    '        cluster_type: ManagedKubernetes',
    '        vpcid: {"Fn::GetAtt": [Vpc, VpcId]}',
    '',
  ].join('\n');

  it('runs the CreateCluster rules on ClusterConfig, with positions and paths in the template and ROS functions as placeholders', async () => {
    const seen: unknown[] = [];
    const probe = defineRule({
      meta: meta('probe'),
      check: (ctx) => {
        seen.push(ctx.value);
        ctx.report({ message: 'here', at: { path: ['cluster_type'] }, related: [{ path: ['vpcid'], message: 'vpc' }] });
      },
    });
    const result = await lint(TEMPLATE, { fileName: 't.yaml', rules: [probe] });
    expect(seen).toHaveLength(1);
    const body = seen[0] as Record<string, unknown>;
    expect(typeof body['name']).toBe('symbol'); // INVALID: set, but of no type
    expect(typeof body['vpcid']).toBe('symbol');
    const [d] = result.diagnostics;
    expect(d!.path).toEqual(['Resources', 'Cluster', 'Properties', 'ClusterConfig', 'cluster_type']);
    expect(result.source.text.slice(d!.span.start, d!.span.end)).toBe('ManagedKubernetes');
    expect(d!.range.start).toEqual({ line: 8, character: 22 });
    expect(d!.related[0]!.path).toEqual(['Resources', 'Cluster', 'Properties', 'ClusterConfig', 'vpcid']);
  });

  it('counts a template with an AnyCluster body as a cluster spec in directory scans', async () => {
    const parsed = await parseFile(TEMPLATE, { fileName: 't.yaml' });
    expect(lintParsed(parsed, { rules: [], onlyClusterSpecs: true }).skipped).toBe(false);
    const pascal = await parseFile("ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  C: {Type: ALIYUN::CS::ManagedKubernetesCluster}\n", { fileName: 'p.yaml' });
    expect(lintParsed(pascal, { rules: [], onlyClusterSpecs: true }).skipped).toBe(true);
  });
});
