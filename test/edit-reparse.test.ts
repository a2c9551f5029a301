/**
 * An editor's re-parse after an edit inside one value reuses the previous model (see model-edit.ts, json-edit.ts,
 * yaml-edit.ts): the new scalar, copies of the containers on the way to it, and of everything after it when its
 * length changed. Whatever the edit, the parse (tree, value, spans, problems, line index) and the lint equal a fresh
 * parse and lint of the same text: checked along random sequences of replacements, insertions and deletions, mostly
 * inside values, sometimes anywhere, with the characters that change how JSON or YAML reads.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from '@acklint/rules';
import { LintSession, lintSync, loadYamlParser, parseFileSync, type Node, type ParsedFile } from '@acklint/core';
import { random, repositoryYamlFiles, shape } from './support/model.js';

const repoRoot = new URL('..', import.meta.url).pathname;

beforeAll(async () => {
  await loadYamlParser();
});


/** A spec with several node pools, a password, escapes, a non-ASCII string, a duplicate key and numbers of every form. */
function jsonSpec(): string {
  const base = JSON.parse(readFileSync(`${repoRoot}examples/valid.json`, 'utf8'));
  const pool = base.nodepools[0];
  base.nodepools = Array.from({ length: 6 }, (_, i) => ({ ...structuredClone(pool), nodepool_info: { name: `pool-${i}` }, scaling_group: { ...pool.scaling_group, desired_size: i, login_password: `Secr3t!${i}` } }));
  base.tags = [{ key: 'team', value: 'équipe \\"a\\" \\u00e9' }, { key: 'n', value: '-1.5e3' }];
  base.timeout_mins = 60;
  base.login_password = 'Hunter2Hunter2!';
  const text = JSON.stringify(base, null, 2);
  // A duplicate key: the first `name` is overridden by the second.
  return text.replace('{\n', '{\n  "name": "first-name",\n') + '\n';
}

/** The same kind of spec in YAML: plain, single- and double-quoted scalars, comments, numbers, booleans, nulls, a flow list. */
function yamlSpec(crlf = false): string {
  const pools = Array.from(
    { length: 5 },
    (_, i) => `  - nodepool_info:
      name: pool-${i}   # the pool's name
    scaling_group:
      vswitch_ids:
        - vsw-bp1example000000000a
        - "vsw-bp1example000000000b"
      instance_types: [ecs.g7.xlarge, ecs.g6.xlarge]
      instance_charge_type: PrePaid
      period: 12
      auto_renew: true
      system_disk_size: 120
      login_password: 'Secr3t!${i}'
      desired_size: ${i}
    management:
      enable: yes
      auto_repair: ~
`,
  ).join('');
  const text = `# a cluster
name: prod-hangzhou-1
region_id: cn-hangzhou
cluster_type: ManagedKubernetes
cluster_spec: "ack.pro.small"
vpcid: vpc-bp1example0000000000
container_cidr: 172.20.0.0/16
service_cidr: '172.21.0.0/20'
node_cidr_mask: "25"
timeout_mins: 60
deletion_protection: true
tags:
  - key: team
    value: "équipe a"
  - key: n
    value: -1.5e3
addons:
  - name: flannel
  - name: logtail-ds
    config: '{"IngressDashboardEnabled":"true"}'
nodepools:
${pools}`;
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Characters that change how JSON or YAML reads, and a few that are just text (non-ASCII, astral, white space). */
const CHARS = [': ', ' #', '- ', '\n  ', '0', '1', '9', '-', '.', 'e', 'E', '+', 'a', 'x', '"', "'", '\\', 'u', ' ', ',', '}', ']', '{', '[', ':', '#', '&', '*', '!', '|', '>', '%', '@', '?', '~', 'é', '\u00a0', '𝒜', '\t', '\n', '\r', 't', 'n'];

/** Every scalar node of a model. */
function scalars(node: Node | undefined, out: Node[] = []): Node[] {
  if (!node) return out;
  if (node.kind === 'object') for (const e of node.entries) scalars(e.value, out);
  else if (node.kind === 'array') for (const n of node.items) scalars(n, out);
  else out.push(node);
  return out;
}

/** An edit mostly inside a value (as an editor changes a digit or types a letter), sometimes anywhere: characters replaced, inserted or deleted. */
function edit(text: string, file: ParsedFile, rnd: () => number): string {
  const values = scalars(file.documents[0]?.root).filter((n) => n.end > n.start);
  const inValue = values.length > 0 && rnd() < 0.85;
  const target = inValue ? values[Math.floor(rnd() * values.length)]! : { start: 0, end: text.length };
  // Inside a string's quotes, mostly.
  const quoted = 'kind' in target && target.kind === 'string' && /["']/.test(text[target.start]!) && target.end - target.start > 2 && rnd() < 0.9;
  const [from, to] = quoted ? [target.start + 1, target.end - 1] : [target.start, target.end];
  const at = from + Math.floor(rnd() * (to - from + 1));
  const r = rnd();
  // Replace (as before), insert (typing) or delete (backspace), one or two characters.
  const removed = r < 0.4 ? Math.min(text.length - at, 1 + Math.floor(rnd() * 2)) : r < 0.7 ? 0 : Math.min(to - at, 1 + Math.floor(rnd() * 2));
  const inserted = r < 0.7 ? 1 + Math.floor(rnd() * 2) : 0;
  // Mostly what fits the value (a digit in a number, a letter in a string), so the text stays readable for a while.
  const fits = inValue && rnd() < 0.7 ? ('value' in target && typeof target.value === 'number' ? '0123456789' : 'abcdefxyz-0123') : undefined;
  let insert = '';
  for (let i = 0; i < inserted; i++) insert += fits ? fits[Math.floor(rnd() * fits.length)]! : CHARS[Math.floor(rnd() * CHARS.length)]!;
  return text.slice(0, at) + insert + text.slice(at + removed);
}

/** Whether `now` was built from `before` (its model shares nodes of the previous one). */
function reused(before: ParsedFile, now: ParsedFile): boolean {
  const a = before.documents[0]?.root;
  const b = now.documents[0]?.root;
  return a !== undefined && b !== undefined && a !== b && a.kind === 'object' && b.kind === 'object' && a.entries.some((e, i) => e.value === b.entries[i]?.value);
}

/** The offset of every line start, as the line index of a parse says. */
function lineStarts(file: ParsedFile): number[] {
  return Array.from({ length: file.source.lineCount }, (_, line) => file.source.offsetAt({ line, character: 0 }));
}

/**
 * The re-parse of `text` from `previous` equals a fresh parse; the re-parse, and whether it reused `previous`. Trees
 * are compared node by node (see shape); the value too when the re-parse built it from the previous one (otherwise
 * both parses make it from the tree by the same code).
 */
function expectSameParse(text: string, fileName: string, previous: ParsedFile, where: string): { next: ParsedFile; shortcut: boolean } {
  const fresh = parseFileSync(text, { fileName });
  // The previous parse's line index is built (as a lint builds it), so that a re-parse can take it over.
  void previous.source.lineCount;
  const next = parseFileSync(text, { fileName }, { previous });
  const shortcut = reused(previous, next);
  expect(shape(next), where).toEqual(shape(fresh));
  expect(lineStarts(next), where).toEqual(lineStarts(fresh));
  if (shortcut) expect(next.documents.map((d) => d.value), where).toEqual(fresh.documents.map((d) => d.value));
  return { next, shortcut };
}

const now = new Date('2026-11-01T00:00:00Z');

describe('re-parse after an edit inside a value', () => {
  it.each([
    ['spec.json', jsonSpec],
    ['spec.jsonc', jsonSpec],
    ['spec.yaml', () => yamlSpec()],
    ['crlf.yaml', () => yamlSpec(true)],
  ])('equals a fresh parse and lint after each of a random sequence of edits: %s', (fileName, spec) => {
    let shortcuts = 0;
    let resized = 0;
    for (const seed of [1, 2, 3, 4]) {
      const rnd = random(seed);
      const session = new LintSession({ fileName, rules: builtinRules, now });
      let text = spec();
      let previous = parseFileSync(text, { fileName });
      session.update(text);
      for (let i = 0; i < 60; i++) {
        // Back to the start now and then, so that a broken text does not end the sequence.
        const before = text;
        text = rnd() < (previous.problems.some((p) => p.code !== 'duplicate-key') ? 0.3 : 0.05) ? spec() : edit(text, previous, rnd);
        const where = `seed ${seed}, edit ${i}`;
        const { next, shortcut } = expectSameParse(text, fileName, previous, where);
        if (shortcut) {
          shortcuts++;
          if (text.length !== before.length) resized++;
        }
        previous = next;
        expect(session.update(text), where).toEqual(lintSync(text, { fileName, rules: builtinRules, now }));
      }
    }
    // The edits inside values that keep the text readable (most of them) took the shortcut, many of them changing the
    // value's length.
    expect(shortcuts).toBeGreaterThan(40);
    expect(resized).toBeGreaterThan(15);
  });

  it('reuses the model for a changed digit, and for a longer value, and leaves the previous parse as it was', () => {
    for (const [fileName, text, site] of [
      ['a.json', jsonSpec(), '"desired_size": 3'],
      ['a.yaml', yamlSpec(), 'desired_size: 3'],
    ] as const) {
      const before = parseFileSync(text, { fileName });
      const beforeValue = structuredClone(before.documents[0]!.value);
      const beforeRoot = structuredClone(before.documents[0]!.root);
      const at = text.indexOf(site) + site.length - 1;
      const digit = parseFileSync(`${text.slice(0, at)}7${text.slice(at + 1)}`, { fileName }, { previous: before });
      expect(reused(before, digit), fileName).toBe(true);
      expect((digit.documents[0]!.value as { nodepools: Array<{ scaling_group: { desired_size: number } }> }).nodepools[3]!.scaling_group.desired_size).toBe(7);
      const longer = parseFileSync(`${text.slice(0, at)}33${text.slice(at + 1)}`, { fileName }, { previous: before });
      expect(reused(before, longer), fileName).toBe(true);
      expect((longer.documents[0]!.value as { nodepools: Array<{ scaling_group: { desired_size: number } }> }).nodepools[3]!.scaling_group.desired_size).toBe(33);
      // The node pool after it moved by one character.
      const pool4 = (f: ParsedFile) => f.documents[0]!.node(['nodepools', 4])!;
      expect(pool4(longer).start).toBe(pool4(before).start + 1);
      expect(before.documents[0]!.value, fileName).toEqual(beforeValue);
      expect(before.documents[0]!.root, fileName).toEqual(beforeRoot);
      // An edited key is parsed afresh.
      const key = text.replace(site, site.replace('desired_size', 'desired_sizf'));
      expect(reused(before, parseFileSync(key, { fileName }, { previous: before })), fileName).toBe(false);
    }
  });

  it.each([
    ['a value that becomes a mapping', 'region_id: cn-hangzhou', 'region_id: cn: hangzhou'],
    ['a comment typed after a value', 'region_id: cn-hangzhou', 'region_id: cn-hangzhou #'],
    ['a value in a flow list', 'instance_types: [ecs.g7.xlarge,', 'instance_types: [ecs.g7.xlarge2,'],
    ['a quote typed in a double-quoted value', 'cluster_spec: "ack.pro.small"', 'cluster_spec: "ack.pro"small"'],
    ['an escape typed in a double-quoted value', 'cluster_spec: "ack.pro.small"', 'cluster_spec: "ack.pro\\small"'],
    ['a value that starts with an indicator', 'region_id: cn-hangzhou', 'region_id: *cn-hangzhou'],
    ['a value that ends with white space', 'timeout_mins: 60', 'timeout_mins: 60\u00a0'],
  ])('parses the whole YAML text again for %s', (_, from, to) => {
    const text = yamlSpec();
    const before = parseFileSync(text, { fileName: 'a.yaml' });
    const edited = text.replace(from, to);
    const { shortcut } = expectSameParse(edited, 'a.yaml', before, to);
    expect(shortcut).toBe(false);
  });

  it('parses the whole YAML text again when it has an anchor (an alias may share the edited value)', () => {
    const text = yamlSpec().replace('name: prod-hangzhou-1', 'name: &n prod-hangzhou-1').replace('  - key: team', '  - key: *n');
    const before = parseFileSync(text, { fileName: 'a.yaml' });
    const { shortcut } = expectSameParse(text.replace('prod-hangzhou-1', 'prod-hangzhou-2'), 'a.yaml', before, 'anchor');
    expect(shortcut).toBe(false);
  });
});


describe('re-parse of the YAML files of the repository and the corpus after edits inside values', () => {
  const files = repositoryYamlFiles();

  it('equals a fresh parse after each edit', () => {
    expect(files.length).toBeGreaterThan(50);
    let shortcuts = 0;
    files.forEach((file, n) => {
      const original = readFileSync(file, 'utf8');
      const rnd = random(1000 + n);
      let text = original;
      let previous = parseFileSync(text, { fileName: file });
      for (let i = 0; i < 8; i++) {
        text = edit(text, previous, rnd);
        const { next, shortcut } = expectSameParse(text, file, previous, `${file}, edit ${i}`);
        if (shortcut) shortcuts++;
        previous = next;
      }
    });
    expect(shortcuts).toBeGreaterThan(100);
  });
});
