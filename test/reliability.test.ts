/**
 * The guarantees every diagnostic has on its way out of the engine, whatever produced it: ranges inside the text, its
 * lines and its characters; no password in any text of any output format; a crashing rule is one internal-error
 * finding and the run goes on.
 */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import {
  defineRule,
  INTERNAL_ERROR_ID,
  INTERNAL_ERROR_META,
  lintSync,
  loadYamlParser,
  SourceText,
  type JsonPath,
  type JsonValue,
  type LintResult,
  type Rule,
} from '@acklint/core';
import { FORMATS } from '../packages/cli/src/main.js';
import { outputToString } from '../packages/cli/src/output.js';
import { markerIsPassword, rangeProblem, sarifValidate } from '../scripts/fuzz/check.js';

const repoRoot = new URL('..', import.meta.url).pathname;

describe('SourceText.clamp', () => {
  // a0 b1 \r2 \n3 c4 d5 😀6-7 e8 \n9 f10
  const src = new SourceText('ab\r\ncd😀e\nf');
  it.each([
    ['a span past the end of the text', { start: 12, end: 20 }, { start: 11, end: 11 }],
    ['a negative span', { start: -5, end: 1 }, { start: 0, end: 1 }],
    ['a reversed span', { start: 2, end: 0 }, { start: 0, end: 2 }],
    ['an end between the halves of a surrogate pair', { start: 4, end: 7 }, { start: 4, end: 6 }],
    ['a start between the halves of a surrogate pair', { start: 7, end: 9 }, { start: 6, end: 9 }],
    ['an offset between CR and LF', { start: 0, end: 3 }, { start: 0, end: 2 }],
    ['a span of only a line break', { start: 2, end: 4 }, { start: 2, end: 2 }],
    ['a span that is not a whole number', { start: Number.NaN, end: 1.7 }, { start: 0, end: 1 }],
  ])('%s', (_what, span, expected) => {
    expect(src.clamp(span)).toEqual(expected);
    expect(rangeProblem(src, src.clamp(span), src.rangeOf(src.clamp(span)), 'clamped')).toBeUndefined();
  });
});

/** A rule that reports whatever spans it is given, with related locations and a fix on the same spans. */
function spanRule(spans: Array<{ start: number; end: number }>): Rule {
  return defineRule({
    meta: { ...INTERNAL_ERROR_META, id: 'test-spans', scope: 'file', defaultSeverity: 'warning' },
    check(ctx) {
      for (const s of spans) {
        ctx.report({ message: 'here', at: s, related: [{ span: s, message: 'and here' }], fix: { title: 'x', safe: false, edits: [{ target: s, newText: 'y' }] } });
      }
    },
  });
}

describe('every range a rule reports is clamped on the way out', () => {
  it('past the text, inside a CRLF and inside a surrogate pair: diagnostic, related locations and fix edits', async () => {
    await loadYamlParser();
    const text = 'a: 1\r\nb: "😀"\r\n';
    const r = lintSync(text, { fileName: 'x.yaml', rules: [spanRule([{ start: 5, end: 11 }, { start: 15, end: 99 }, { start: -3, end: 10 }])] });
    expect(r.diagnostics).toHaveLength(3);
    for (const d of r.diagnostics) {
      expect(rangeProblem(r.source, d.span, d.range, 'diagnostic')).toBeUndefined();
      for (const rel of d.related) expect(rangeProblem(r.source, rel.span, rel.range, 'related')).toBeUndefined();
      for (const e of d.fix!.edits) expect(rangeProblem(r.source, e, undefined, 'edit')).toBeUndefined();
    }
    expect(r.diagnostics.map((d) => [d.span.start, d.span.end])).toEqual([
      [0, 10],
      [4, 10],
      [15, 15],
    ]);
  });
});

describe('a rule that throws', () => {
  const crash = defineRule({
    meta: { ...INTERNAL_ERROR_META, id: 'test-crash', scope: 'cluster', defaultSeverity: 'warning' },
    check() {
      throw new TypeError('Cannot convert object to primitive value');
    },
  });

  it('is one internal-error finding naming the rule, and every other rule still runs', async () => {
    await loadYamlParser();
    const r = lintSync('cluster_type: ManagedKubernetes\nname: "bad name"\n---\ncluster_type: Kubernetes\n', { fileName: 'x.yaml', rules: [crash, ...builtinRules] });
    const internal = r.diagnostics.filter((d) => d.ruleId === INTERNAL_ERROR_ID);
    expect(internal.map((d) => [d.documentIndex, d.severity, d.message])).toEqual([
      [0, 'error', 'Rule "test-crash" failed on this document and was skipped (Cannot convert object to primitive value). Please report this.'],
      [1, 'error', 'Rule "test-crash" failed on this document and was skipped (Cannot convert object to primitive value). Please report this.'],
    ]);
    expect(r.diagnostics.some((d) => d.ruleId === 'cluster-name-format')).toBe(true);
  });

  it('may throw anything, even an object that cannot be turned into a string', () => {
    const odd = defineRule({
      meta: { ...INTERNAL_ERROR_META, id: 'test-odd-throw', scope: 'file', defaultSeverity: 'warning' },
      check() {
        throw Object.create(null) as unknown;
      },
    });
    const r = lintSync('{}', { fileName: 'x.json', rules: [odd] });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['Rule "test-odd-throw" failed on this document and was skipped (a thrown object). Please report this.']);
  });
});

const MARKER = 'Qx7Hunter2Marker';

/**
 * The worst rule imaginable for secrets: it quotes every key and every scalar value of the document in its message,
 * in a related location's message, in a fix title and in the fix's new text.
 */
const echo = defineRule({
  meta: { ...INTERNAL_ERROR_META, id: 'test-echo', scope: 'any', defaultSeverity: 'warning' },
  check(ctx) {
    const stack: Array<[JsonValue | undefined, JsonPath]> = [[ctx.value, []]];
    while (stack.length) {
      const [v, path] = stack.pop()!;
      if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...path, i]]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([x, [...path, k]]);
      else if (typeof v === 'string' || typeof v === 'number') {
        const text = `${path.join('.')}=${v}`;
        ctx.report({
          message: `value ${text} (${JSON.stringify(v)})`,
          at: { path },
          related: [{ path, message: `see ${text}` }],
          fix: { title: `write ${text}`, safe: true, edits: [{ target: { path }, newText: `${v}` }] },
        });
      }
    }
  },
});

const PASSWORD_FORMS: Array<[string, string, string]> = [
  ['JSON', 'x.json', `{"cluster_type": "ManagedKubernetes", "login_password": "${MARKER}"}`],
  ['JSON with an escaped key and value', 'x.json', `{"cluster_type": "ManagedKubernetes", "login\\u005fpassword": "Q\\u0078${MARKER.slice(2)}"}`],
  ['JSON: the key spelled only through escapes', 'x.json', `{"cluster_type": "ManagedKubernetes", "login_p\\u0061ssword": "${MARKER}"}`],
  ['YAML: the key spelled only through escapes', 'x.yaml', `cluster_type: ManagedKubernetes\n"login_p\\x61ss\\u0077ord": ${MARKER}\n`],
  ['JSON with a quote and backslash in it', 'x.json', `{"cluster_type": "ManagedKubernetes", "login_password": "${MARKER}\\"\\\\x"}`],
  ['JSON: a number', 'x.json', `{"cluster_type": "ManagedKubernetes", "login_password": 98765432109}`],
  ['JSON: a list and a mapping', 'x.json', `{"cluster_type": "ManagedKubernetes", "login_password": ["${MARKER}"], "control_plane_config": {"login_password": {"${MARKER}": 1}}}`],
  ['YAML plain', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: ${MARKER}\n`],
  ['YAML single-quoted', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: '${MARKER}''s'\n`],
  ['YAML double-quoted with an escape', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: "\\x51${MARKER.slice(1)}"\n`],
  ['YAML block scalar', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: |\n  ${MARKER}\n  second line\n`],
  ['YAML folded scalar', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: >-\n  ${MARKER}\n`],
  ['YAML anchor on the password, alias elsewhere', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: &pw ${MARKER}\nname: *pw\ntags: [*pw]\n`],
  ['YAML anchor elsewhere, alias on the password', 'x.yaml', `cluster_type: ManagedKubernetes\nname: &pw ${MARKER}\nlogin_password: *pw\n`],
  ['YAML merge key', 'x.yaml', `base: &b {login_password: ${MARKER}}\ncluster_type: ManagedKubernetes\nnodepools:\n  - scaling_group:\n      <<: *b\n      name: *b\n`],
  ['YAML tag', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: !!str ${MARKER}\n`],
  ['YAML explicit key', 'x.yaml', `cluster_type: ManagedKubernetes\n? login_password\n: ${MARKER}\n`],
  ['YAML with CRLF line ends', 'x.yaml', `cluster_type: ManagedKubernetes\r\nlogin_password: ${MARKER}\r\nname: x\r\n`],
  ['YAML unclosed quote (a syntax error on the line)', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: "${MARKER}\n`],
  ['YAML: text after the value', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: "${MARKER}" trailing\n`],
  ['YAML: password line breaks the mapping', 'x.yaml', `cluster_type: ManagedKubernetes\n  login_password: ${MARKER}\nname: x\n`],
  ['YAML: second document', 'x.yaml', `cluster_type: ManagedKubernetes\n---\ncluster_type: ManagedKubernetes\nlogin_password: ${MARKER}\n`],
  ['addon config JSON', 'x.yaml', `cluster_type: ManagedKubernetes\naddons:\n  - name: logtail-ds\n    config: '{"login_password": "${MARKER}", "x": 1}'\n`],
  ['addon config JSON, broken', 'x.json', `{"cluster_type": "ManagedKubernetes", "addons": [{"name": "x", "config": "{\\"login_password\\": \\"${MARKER}\\", \\"bad\\": }"}]}`],
  ['JSON with a syntax error on the password line', 'x.json', `{"cluster_type": "ManagedKubernetes",\n "login_password": ${MARKER}\n}`],
  ['a password of several words, one of them quoted or reworded elsewhere', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: ${MARKER} with tail\nname: ${MARKER} with tail\naddons: [{name: x, config: {k: ${MARKER}}}]\n`],
  ['long password (messages clip long values)', 'x.yaml', `cluster_type: ManagedKubernetes\nlogin_password: ${MARKER}${'z'.repeat(200)}\n`],
];

function outputs(r: LintResult, formats: Array<[string, (i: never) => unknown]>): string[] {
  const texts: string[] = [JSON.stringify(r.diagnostics)];
  for (const [name, f] of formats) {
    const text = outputToString(
      (f as (i: unknown) => Parameters<typeof outputToString>[0])({
        files: [{ displayPath: 'x', absPath: '/w/x', diagnostics: r.diagnostics, source: r.source }],
        rules: [echo.meta, ...builtinRules.map((b) => b.meta), INTERNAL_ERROR_META],
        cwd: '/w',
        baseDir: '/w',
        color: false,
        executionSuccessful: true,
        notifications: [],
      }),
    );
    if (name === 'sarif') expect(sarifValidate(repoRoot, text)).toBeUndefined();
    texts.push(text);
  }
  return texts;
}

describe('passwords never leave acklint', async () => {
  const formats = await Promise.all(Object.entries(FORMATS).map(async ([name, load]) => [name, await load()] as [string, (i: never) => unknown]));

  it.each(PASSWORD_FORMS)('%s: no output format shows it', async (_name, fileName, text) => {
    await loadYamlParser();
    const r = lintSync(text, { fileName, rules: [echo, ...builtinRules] });
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const out of outputs(r, formats)) {
      expect(out).not.toContain(MARKER);
      expect(out).not.toContain('98765432109');
      expect(out).not.toContain(MARKER.slice(0, 12));
    }
  });

  it('masks what the rules say about the password, and drops fixes that would write it', async () => {
    await loadYamlParser();
    const r = lintSync(`cluster_type: ManagedKubernetes\nlogin_password: ${MARKER}\n`, { fileName: 'x.yaml', rules: [echo] });
    const d = r.diagnostics.find((x) => x.path.join('.') === 'login_password')!;
    expect(d.message).toBe('value login_password=**** ("****")');
    expect(d.related[0]!.message).toBe('see login_password=****');
    expect(d.fix).toBeUndefined();
    // Values that are not secrets are left alone.
    expect(r.diagnostics.find((x) => x.path.join('.') === 'cluster_type')!.message).toBe('value cluster_type=ManagedKubernetes ("ManagedKubernetes")');
  });
});

describe("the fuzzer's test for a password", () => {
  it.each([
    ['login_password: M1\n', true],
    ['a:\n  login_password:\n    - M1\n', true],
    ['? login_password\n: M1\n', true],
    ['login_password: |\n  M1\n', true],
    ['{"login_password": "M1"}', true],
    ['config: "{\\"login_password\\": \\"M1\\"}"', true],
    ['x: &pw M1\nlogin_password: *pw\n', true],
    ['pass:\nkubernetes_version: M1\n', false],
    ['config: {"login_pas\'sword": "M1"}\nlogin_password: x\n', false],
    ['passwordM1\n', false],
  ])('%j: %s', (text, expected) => {
    expect(markerIsPassword(text, 'M1')).toBe(expected);
  });
});
