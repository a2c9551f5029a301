/**
 * Policies through the command line: every output format, --list-rules, levels from the config and from --rule,
 * config errors (exit 2, one line, the place in the config), and no cost for a config without policies.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, parseSarif, repoRoot, runCli, type JsonFileResult } from './support/cli.js';

const LIBRARY = join(repoRoot, 'examples', 'policies', 'acklint-policies.yaml');
const GUIDE = 'https://github.com/acklint/acklint/blob/main/docs/policies.md';
let dir: string;

beforeAll(() => {
  dir = makeTempDir('acklint-policies-cli-');
  mkdirSync(join(dir, 'team'));
  cpSync(LIBRARY, join(dir, 'team', '.acklint.yaml'));
  for (const name of ['allowed-regions', 'cost-center-tag']) {
    cpSync(join(repoRoot, 'examples', 'policies', name, 'invalid.yaml'), join(dir, 'team', `${name}.yaml`));
  }
  cpSync(join(repoRoot, 'examples', 'policies', 'allowed-regions', 'valid.yaml'), join(dir, 'team', 'valid.yaml'));
  mkdirSync(join(dir, 'plain'));
  writeFileSync(join(dir, 'plain', '.acklint.yaml'), 'rules:\n  duplicate-key: warning\n');
  cpSync(join(repoRoot, 'examples', 'policies', 'allowed-regions', 'invalid.yaml'), join(dir, 'plain', 'spec.yaml'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('policies on the command line', () => {
  it('stylish: the findings of the nearest config\'s policies, with their ids; exit 1 for errors', () => {
    const r = runCli(['--no-color', 'team/allowed-regions.yaml', 'team/valid.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2:12  error  region_id: "ap-southeast-1" is not one of our regions; use cn-hangzhou, cn-shanghai or cn-beijing  policy/allowed-regions');
    expect(r.stdout).not.toContain('valid.yaml');
  });

  it('json: ruleId, exact range and the policy\'s docs link', () => {
    const r = runCli(['-f', 'json', 'team/'], { cwd: dir });
    const files = JSON.parse(r.stdout) as JsonFileResult[];
    const found = files.flatMap((f) => f.messages.filter((d) => d.ruleId.startsWith('policy/')).map((d) => ({ file: f.filePath, ...d })));
    expect(found.map((d) => [d.file, d.ruleId, d.line, d.column, d.endLine, d.endColumn, d.pointer, d.docsUrl])).toEqual([
      ['team/allowed-regions.yaml', 'policy/allowed-regions', 2, 12, 2, 26, '/region_id', 'https://wiki.example.com/platform/kubernetes/regions'],
      ['team/cost-center-tag.yaml', 'policy/cost-center-tag', 21, 1, 21, 5, '/tags', GUIDE],
    ]);
  });

  it.each(['junit', 'github', 'gitlab', 'checkstyle'])('%s: the policy finding with its id', (format) => {
    const r = runCli(['-f', format, 'team/allowed-regions.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('policy/allowed-regions');
    expect(r.stdout).toContain('is not one of our regions');
  });

  it('sarif: each policy is a rule with its description and docs link; results point at it', () => {
    const r = runCli(['-f', 'sarif', 'team/'], { cwd: dir });
    const run = parseSarif(r.stdout).runs[0]!;
    const rules = run.tool.driver.rules as Array<{ id: string; shortDescription: { text: string }; helpUri: string; properties: { category: string } }>;
    const region = rules.find((x) => x.id === 'policy/allowed-regions')!;
    expect(region.shortDescription.text).toBe('Clusters are created only in the regions the platform team runs.');
    expect(region.helpUri).toBe('https://wiki.example.com/platform/kubernetes/regions');
    expect(region.properties.category).toBe('policy');
    expect(rules.find((x) => x.id === 'policy/cost-center-tag')!.helpUri).toBe(GUIDE);
    const results = run.results.filter((x) => x.ruleId.startsWith('policy/'));
    expect(results.map((x) => [x.ruleId, rules[x.ruleIndex!]!.id, x.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['policy/allowed-regions', 'policy/allowed-regions', 2],
      ['policy/cost-center-tag', 'policy/cost-center-tag', 21],
    ]);
  });

  it('worker threads report the same policy findings and SARIF rules as one thread', () => {
    const run = (threads: string) => runCli(['-f', 'sarif', 'team/'], { cwd: dir, env: { ACKLINT_THREADS: threads, ACKLINT_PARALLEL_MIN_FILES: '1', ACKLINT_REPORT_THREADS: '1' } });
    const one = run('1');
    const two = run('2');
    expect(two.stderr).toBe('acklint: 1 worker thread(s)\n');
    expect(two.stdout).toBe(one.stdout);
    expect(parseSarif(two.stdout).runs[0]!.tool.driver.rules.filter((r) => r.id.startsWith('policy/')).length).toBe(13);
  });

  it('an acklint-disable comment suppresses a policy finding, kept in SARIF with its justification', () => {
    const text = readFileSync(join(dir, 'team', 'allowed-regions.yaml'), 'utf8').replace(
      'region_id: ap-southeast-1\n',
      'region_id: ap-southeast-1 # acklint-disable-line policy/allowed-regions -- approved exception INC-42\n',
    );
    writeFileSync(join(dir, 'team', 'suppressed.yaml'), text);
    try {
      const plain = runCli(['--no-color', 'team/suppressed.yaml'], { cwd: dir });
      expect(plain.code).toBe(0);
      const results = parseSarif(runCli(['-f', 'sarif', 'team/suppressed.yaml'], { cwd: dir }).stdout).runs[0]!.results;
      expect(results.map((r) => [r.ruleId, (r as { suppressions?: unknown }).suppressions])).toEqual([
        ['policy/allowed-regions', [{ kind: 'inSource', justification: 'approved exception INC-42' }]],
      ]);
    } finally {
      rmSync(join(dir, 'team', 'suppressed.yaml'));
    }
  });

  it('--list-rules lists the policies of the config after the built-in rules', () => {
    const rows = JSON.parse(runCli(['--list-rules', '-f', 'json'], { cwd: join(dir, 'team') }).stdout) as Array<{ id: string; severity: string; category: string; docs: string }>;
    const policies = rows.filter((x) => x.category === 'policy');
    expect(policies.length).toBe(13);
    expect(rows.slice(-13)).toEqual(policies);
    expect(policies[0]).toMatchObject({ id: 'policy/allowed-regions', severity: 'error', docs: 'https://wiki.example.com/platform/kubernetes/regions' });
    expect(runCli(['--list-rules', '--no-color'], { cwd: join(dir, 'team') }).stdout).toMatch(/^policy\/cost-center-tag +error +policy +Every cluster carries a cost-center tag/m);
  });

  it('--print-config lists the policies that apply to a file', () => {
    const shown = JSON.parse(runCli(['--print-config', 'team/valid.yaml'], { cwd: dir }).stdout) as { policies: string[] };
    expect(shown.policies.length).toBe(13);
    expect(shown.policies[0]).toBe('policy/allowed-regions');
  });

  it('levels: rules: in the config and --rule on the command line turn a policy off or re-level it', () => {
    const ids = (args: string[]) =>
      (JSON.parse(runCli(['-f', 'json', ...args], { cwd: dir }).stdout) as JsonFileResult[]).flatMap((f) => f.messages.filter((d) => d.ruleId.startsWith('policy/')).map((d) => `${d.ruleId}=${d.severity}`));
    expect(ids(['team/'])).toEqual(['policy/allowed-regions=error', 'policy/cost-center-tag=error']);
    expect(ids(['team/', '--rule', 'policy/allowed-regions=off', '--rule', 'policy/cost-center-tag=info'])).toEqual(['policy/cost-center-tag=info']);
    const relevelled = makeTempDir('acklint-policies-levels-');
    cpSync(join(dir, 'team'), relevelled, { recursive: true });
    writeFileSync(join(relevelled, '.acklint.yaml'), `${readLibrary()}rules:\n  policy/allowed-regions: off\n  policy/cost-center-tag: warning\n`);
    const r = runCli(['-f', 'json', '.'], { cwd: relevelled });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as JsonFileResult[]).flatMap((f) => f.messages.filter((d) => d.ruleId.startsWith('policy/')).map((d) => `${d.ruleId}=${d.severity}`))).toEqual(['policy/cost-center-tag=warning']);
    rmSync(relevelled, { recursive: true, force: true });
  });

  it('--rule with a policy id that no config of the run defines is a usage error (exit 2)', () => {
    const r = runCli(['team/valid.yaml', '--rule', 'policy/allowed-region=off'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('acklint: unknown rule "policy/allowed-region" (did you mean "policy/allowed-regions"?): no config of this run defines that policy\n');
  });

  it('a config error in a policy ends the run with exit 2 and one line naming the policy and its place', () => {
    const bad = makeTempDir('acklint-policies-bad-');
    writeFileSync(join(bad, '.acklint.json'), '{\n  "policies": [\n    { "id": "policy/x", "severity": "error", "description": "d",\n      "schema": { "properties": { "a": { "$ref": "https://example.com/a.json" } } } }\n  ]\n}\n');
    cpSync(join(repoRoot, 'examples', 'valid.json'), join(bad, 'spec.json'));
    const r = runCli(['spec.json'], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `acklint: ${join(bad, '.acklint.json')}:4:50: policy "policy/x": $ref "https://example.com/a.json" points outside the policy; a policy schema may only refer to its own parts ("#/$defs/…"), never to files or URLs\n`,
    );
    rmSync(bad, { recursive: true, force: true });
  });

  it('a config without policies does not load the policy compiler; one with policies does, from its code cache', () => {
    const loaded = (cwd: string, file: string) =>
      runCli([file], { cwd, env: { ACKLINT_REPORT_CODE_CACHE: '1' } })
        .stderr.split('\n')
        .filter(Boolean)
        .sort();
    expect(loaded(join(dir, 'plain'), 'spec.yaml')).toEqual(['acklint: code cache accepted for acklint.cjs']);
    expect(loaded(join(dir, 'team'), 'valid.yaml')).toEqual(['acklint: code cache accepted for acklint.cjs', 'acklint: code cache accepted for policies.cjs']);
  });
});

function readLibrary(): string {
  return readFileSync(LIBRARY, 'utf8');
}
