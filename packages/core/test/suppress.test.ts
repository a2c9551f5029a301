import { describe, expect, it } from 'vitest';
import { defineRule, findDirectives, isSuppressed, lint, parseDirectiveText, parseFile, type Diagnostic, type JsonPath, type LintOptions, type Rule, type RuleMeta } from '@acklint/core';

const meta = (id: string): RuleMeta => ({
  id,
  defaultSeverity: 'error',
  category: 'naming',
  description: id,
  details: id,
  fact: { text: 'test', source: 'test' },
  tags: [],
});

/** A rule that reports at each path. */
const at = (id: string, ...paths: JsonPath[]): Rule =>
  defineRule({ meta: meta(id), check: (ctx) => paths.forEach((path) => ctx.document.has(path) && ctx.report({ message: `${id} here`, at: { path } })) });

const RULES = [at('name-rule', ['name']), at('region-rule', ['region_id']), at('spec-rule', ['cluster_spec'])];

async function run(text: string, fileName: string, options: Partial<LintOptions> = {}): Promise<Diagnostic[]> {
  return (await lint(text, { fileName, rules: RULES, ...options })).diagnostics;
}

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.ruleId}${isSuppressed(d) ? `(suppressed:${d.suppressions!.map((s) => `${s.kind}${s.justification ? `=${s.justification}` : ''}`).join()})` : ''}`);

describe('directive text', () => {
  it.each([
    ['acklint-disable-next-line a, b -- why not', { kind: 'disable-next-line', rules: ['a', 'b'], reason: 'why not' }],
    [' acklint-disable-line a', { kind: 'disable-line', rules: ['a'] }],
    ['acklint-disable', { kind: 'disable', rules: [] }],
    ['acklint-disable -- all of them, on purpose', { kind: 'disable', rules: [], reason: 'all of them, on purpose' }],
    ['acklint-enable a', { kind: 'enable', rules: ['a'] }],
  ])('%j', (text, expected) => {
    expect(parseDirectiveText(text)).toEqual(expected);
  });

  it.each(['acklint-disabled a', 'see acklint-disable a', 'acklint-disable-next-lines a'])('%j is no directive', (text) => {
    expect(parseDirectiveText(text)).toBeUndefined();
  });
});

describe('YAML suppressions', () => {
  const SPEC = [
    'cluster_type: ManagedKubernetes',
    '# acklint-disable-next-line name-rule -- legacy name, renamed in Q3',
    'name: old name',
    'region_id: cn-hangzhou # acklint-disable-line region-rule',
    'cluster_spec: ack.standard',
    '',
  ].join('\n');

  it('suppresses the next line and the same line, keeps the findings marked, with the reason', async () => {
    expect(brief(await run(SPEC, 'a.yaml'))).toEqual(['3:name-rule(suppressed:inSource=legacy name, renamed in Q3)', '4:region-rule(suppressed:inSource)', '5:spec-rule']);
  });

  it('ignores directive text inside strings and block scalars', async () => {
    const text = ['cluster_type: ManagedKubernetes', 'description: "x # acklint-disable-next-line name-rule"', 'note: |', '  # acklint-disable-next-line name-rule', 'name: n', ''].join('\n');
    expect(brief(await run(text, 'a.yaml'))).toEqual(['5:name-rule']);
    const parsed = await parseFile(text, { fileName: 'a.yaml' });
    expect(findDirectives(parsed)).toEqual([]);
  });

  it('file-level acklint-disable runs to acklint-enable', async () => {
    const text = ['# acklint-disable name-rule, spec-rule -- generated file', 'cluster_type: ManagedKubernetes', 'name: n', '# acklint-enable spec-rule', 'cluster_spec: x', 'region_id: r', ''].join('\n');
    expect(brief(await run(text, 'a.yaml'))).toEqual(['3:name-rule(suppressed:inSource=generated file)', '5:spec-rule', '6:region-rule']);
  });

  it('a directive without rules suppresses every rule on its line', async () => {
    const text = ['cluster_type: ManagedKubernetes', 'name: n # acklint-disable-line', ''].join('\n');
    expect(brief(await run(text, 'a.yaml'))).toEqual(['2:name-rule(suppressed:inSource)']);
  });

  it('reports unused directives at the requested level, and unknown rules always', async () => {
    const text = ['cluster_type: ManagedKubernetes', '# acklint-disable-next-line spec-rule, name-rul', 'name: n', 'region_id: r # acklint-disable-line region-rule', ''].join('\n');
    const ds = await run(text, 'a.yaml', { suppressions: { reportUnused: 'warning' } });
    expect(ds.map((d) => [d.range.start.line + 1, d.ruleId, d.severity, d.message])).toEqual([
      [2, 'invalid-disable-directive', 'warning', 'acklint-disable-next-line names "name-rul", which is not an acklint rule (did you mean "name-rule"?); it suppresses nothing.'],
      [2, 'unused-disable-directive', 'warning', 'Unused acklint-disable-next-line: no "spec-rule" finding on the next line to suppress; remove it from the comment.'],
      [3, 'name-rule', 'error', 'name-rule here'],
      [4, 'region-rule', 'error', 'region-rule here'],
    ]);
    expect(ds[0]!.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 47 } });
    // Off by default (the CLI turns it on in CI).
    expect((await run(text, 'a.yaml')).map((d) => d.ruleId)).toEqual(['invalid-disable-directive', 'name-rule', 'region-rule']);
  });

  it('a directive naming a rule that is off is not unused', async () => {
    const text = ['cluster_type: ManagedKubernetes', '# acklint-disable-next-line spec-rule', 'name: n', ''].join('\n');
    const ds = await run(text, 'a.yaml', { suppressions: { reportUnused: 'error' }, severities: { 'spec-rule': 'off' } });
    expect(brief(ds)).toEqual(['3:name-rule']);
  });

  it('with requireReason, a directive without a reason suppresses nothing and is an error', async () => {
    const text = ['cluster_type: ManagedKubernetes', 'name: n # acklint-disable-line name-rule', 'region_id: r # acklint-disable-line region-rule -- checked with networking', ''].join('\n');
    const ds = await run(text, 'a.yaml', { suppressions: { requireReason: true } });
    expect(brief(ds)).toEqual(['2:name-rule', '2:invalid-disable-directive', '3:region-rule(suppressed:inSource=checked with networking)']);
    expect(ds[1]!.severity).toBe('error');
    expect(ds[1]!.message).toBe('acklint-disable-line needs a reason after " -- " (suppressions.requireReason is set in the config); it suppresses nothing.');
  });

  it('inline: false ignores the comments', async () => {
    expect(brief(await run(SPEC, 'a.yaml', { suppressions: { inline: false } }))).toEqual(['3:name-rule', '4:region-rule', '5:spec-rule']);
  });
});

describe('JSONC suppressions', () => {
  it('reads // and /* */ comments', async () => {
    const text = ['{', '  "cluster_type": "ManagedKubernetes",', '  // acklint-disable-next-line name-rule -- kept', '  "name": "n",', '  "region_id": "r", /* acklint-disable-line region-rule */', '  "cluster_spec": "s"', '}', ''].join('\n');
    expect(brief(await run(text, 'a.jsonc'))).toEqual(['4:name-rule(suppressed:inSource=kept)', '5:region-rule(suppressed:inSource)', '6:spec-rule']);
  });

  it('a string that looks like a directive is not one', async () => {
    const text = '{"cluster_type": "ManagedKubernetes", "x": "// acklint-disable-line name-rule", "name": "n"}';
    expect(brief(await run(text, 'a.jsonc'))).toEqual(['1:name-rule']);
  });
});

describe('pointer overrides (strict JSON)', () => {
  it('turn a rule off at and below a JSON pointer as an external suppression, or re-level it', async () => {
    const text = '{\n  "cluster_type": "ManagedKubernetes",\n  "name": "n",\n  "region_id": "r",\n  "cluster_spec": "s"\n}\n';
    const ds = await run(text, 'a.json', {
      pointerOverrides: [
        { pointer: '/name', rules: { 'name-rule': 'off' }, reason: 'legacy' },
        { pointer: '/region_id', rules: { 'region-rule': 'warning' } },
        { pointer: '/cluster_spec/deeper', rules: { 'spec-rule': 'off' } },
      ],
    });
    expect(brief(ds)).toEqual(['3:name-rule(suppressed:external=legacy)', '4:region-rule', '5:spec-rule']);
    expect(ds[1]!.severity).toBe('warning');
  });
});
