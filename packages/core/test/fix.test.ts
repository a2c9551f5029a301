import { describe, expect, it } from 'vitest';
import { applyFixes, defineRule, fixUntilStable, lintSync, loadYamlParser, safeFixEdits, type Diagnostic, type Rule, type RuleMeta } from '@acklint/core';
import { beforeAll } from 'vitest';

const meta = (id: string): RuleMeta => ({ id, defaultSeverity: 'error', category: 'naming', description: id, details: id, fact: { text: 't', source: 't' }, tags: [], fixable: true });

beforeAll(async () => {
  await loadYamlParser();
});

/** `name` must be lower case (safe fix), then must not contain "x" (safe fix, found only after the first). */
const lower: Rule = defineRule({
  meta: meta('lower'),
  check(ctx) {
    const v = ctx.document.get(['name']);
    if (typeof v === 'string' && v !== v.toLowerCase()) {
      ctx.report({ message: 'lower', at: { path: ['name'] }, fix: { title: 'lower-case', safe: true, edits: [{ target: { path: ['name'] }, newText: ctx.document.stringLiteral(['name'], v.toLowerCase()) }] } });
    }
  },
});
const noX: Rule = defineRule({
  meta: meta('no-x'),
  check(ctx) {
    const v = ctx.document.get(['name']);
    if (typeof v === 'string' && v === v.toLowerCase() && v.includes('x')) {
      ctx.report({ message: 'no x', at: { path: ['name'] }, fix: { title: 'drop x', safe: true, edits: [{ target: { path: ['name'] }, newText: ctx.document.stringLiteral(['name'], v.replace(/x/g, '')) }] } });
    }
  },
});
const unsafe: Rule = defineRule({
  meta: meta('unsafe'),
  check(ctx) {
    ctx.report({ message: 'u', at: { path: ['region_id'] }, fix: { title: 'guess', safe: false, edits: [{ target: { path: ['region_id'] }, newText: '"cn-beijing"' }] } });
  },
});
/** A broken safe fix: its result does not parse. */
const breaker: Rule = defineRule({
  meta: meta('breaker'),
  check(ctx) {
    if (ctx.document.has(['broken'])) ctx.report({ message: 'b', at: { path: ['broken'] }, fix: { title: 'break it', safe: true, edits: [{ target: { path: ['broken'] }, newText: '{"' }] } });
  },
});

const lintWith = (rules: Rule[], fileName: string) => (text: string) => lintSync(text, { fileName, rules });

describe('fixUntilStable', () => {
  it('repeats until stable, keeps comments, CRLF line ends and the BOM, never applies unsafe fixes', () => {
    const text = '\uFEFF# spec\r\ncluster_type: ManagedKubernetes\r\nname: "AXB"   # the name\r\nregion_id: cn-x\r\n';
    const out = fixUntilStable(text, lintWith([lower, noX, unsafe], 'a.yaml'));
    expect(out.text).toBe('\uFEFF# spec\r\ncluster_type: ManagedKubernetes\r\nname: "ab"   # the name\r\nregion_id: cn-x\r\n');
    expect(out.changed).toBe(true);
    expect(out.passes).toBe(2);
    expect(out.fixed.map((d) => d.ruleId)).toEqual(['lower', 'no-x']);
    expect(out.result.diagnostics.map((d) => d.ruleId)).toEqual(['unsafe']);
  });

  it('leaves the file unchanged and says why when the fixed text would not parse', () => {
    const text = '{\n  "cluster_type": "ManagedKubernetes",\n  "name": "AB",\n  "broken": 1\n}\n';
    const out = fixUntilStable(text, lintWith([lower, breaker], 'a.json'));
    expect(out.text).toBe(text);
    expect(out.changed).toBe(false);
    expect(out.error).toMatch(/^fixes not applied: the fixed text would not parse \(4:\d+: .+\) after: lower-case; break it$/);
  });

  it('stops after the pass limit', () => {
    let n = 0;
    const grow: Rule = defineRule({
      meta: meta('grow'),
      check(ctx) {
        ctx.report({ message: 'g', at: { path: ['name'] }, fix: { title: 'grow', safe: true, edits: [{ target: { path: ['name'] }, newText: JSON.stringify(`n${++n}`) }] } });
      },
    });
    const out = fixUntilStable('{"cluster_type": "ManagedKubernetes", "name": "n"}', lintWith([grow], 'a.json'), 3);
    expect(out.passes).toBe(3);
  });
});

describe('applyFixes', () => {
  const d = (ruleId: string, start: number, end: number, newText: string, safe = true): Diagnostic => ({
    ruleId,
    severity: 'error',
    message: ruleId,
    range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
    span: { start, end },
    path: [],
    documentIndex: 0,
    related: [],
    docsUrl: '',
    fix: { title: ruleId, safe, edits: [{ start, end, newText }] },
  });

  it('resolves overlaps by position then rule id, whatever the order of the findings', () => {
    const text = 'abcdefghij';
    const ds = [d('z-rule', 2, 5, 'XYZ'), d('a-rule', 2, 4, '12'), d('m-rule', 7, 8, '-'), d('unsafe', 0, 1, '!', false)];
    const one = applyFixes(text, ds);
    const two = applyFixes(text, [...ds].reverse());
    expect(one).toEqual(two);
    expect(one.text).toBe('ab12efg-ij');
    expect(one.applied.map((x) => x.ruleId)).toEqual(['a-rule', 'm-rule']);
    expect(one.deferred).toBe(1);
  });

  it('safeFixEdits gives the same choice as edits sorted by position (the editor\'s fix-all)', () => {
    const ds = [d('z-rule', 2, 5, 'XYZ'), d('m-rule', 7, 8, '-'), d('a-rule', 2, 4, '12'), d('unsafe', 0, 1, '!', false)];
    expect(safeFixEdits(ds)).toEqual([
      { start: 2, end: 4, newText: '12' },
      { start: 7, end: 8, newText: '-' },
    ]);
  });

  it('skips suppressed findings', () => {
    const s = { ...d('a', 0, 1, 'X'), suppressions: [{ kind: 'inSource' as const }] };
    expect(applyFixes('abc', [s]).text).toBe('abc');
  });
});
