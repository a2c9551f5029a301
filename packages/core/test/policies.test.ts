/**
 * Policies in the config: what is refused (with the exact place in the config), how findings are placed and worded,
 * select paths, and merging along a chain of configs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileStats } from '../src/policies/load.js';
import { ConfigError, ConfigResolver, lint, loadConfigFile, mergePolicies, parseSelect, select, withPolicies, type AcklintConfig, type JsonValue, type Rule } from '@acklint/core';

const BUILTIN = new Set(['cluster-name-format', 'deletion-protection-disabled']);
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'acklint-policies-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function load(name: string, text: string): Promise<AcklintConfig> {
  const dir = mkdtempSync(join(root, 'case-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return loadConfigFile(path, BUILTIN);
}

/** The config error loading `text` throws, with the file's directory left out (`.acklint.yaml:3:5: …`). */
async function loadError(name: string, text: string): Promise<string> {
  const err = await load(name, text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return (err as Error).message.replace(/^[^:]*[\\/](\.acklint\.)/, '$1');
}

/** A YAML config with one policy whose schema (YAML, indented under `schema:`) is `schema`. */
function yamlPolicy(schema: string, extra = ''): string {
  return `policies:\n  - id: policy/test\n    severity: error\n    description: A test policy\n${extra}    schema:\n${schema.replace(/^/gm, '      ')}\n`;
}

describe('refused policies', () => {
  it('a $ref to a remote URL, at the $ref value (YAML and JSON)', async () => {
    expect(await loadError('.acklint.yaml', yamlPolicy('properties:\n  region_id:\n    $ref: https://example.com/regions.json'))).toBe(
      '.acklint.yaml:8:17: policy "policy/test": $ref "https://example.com/regions.json" points outside the policy; a policy schema may only refer to its own parts ("#/$defs/…"), never to files or URLs',
    );
    const json = `{\n  "policies": [\n    {\n      "id": "policy/test", "severity": "error", "description": "d",\n      "schema": { "$ref": "file:///etc/passwd" }\n    }\n  ]\n}\n`;
    expect(await loadError('.acklint.json', json)).toBe(
      '.acklint.json:5:27: policy "policy/test": $ref "file:///etc/passwd" points outside the policy; a policy schema may only refer to its own parts ("#/$defs/…"), never to files or URLs',
    );
  });

  it('a relative $ref and a remote $dynamicRef', async () => {
    expect(await loadError('.acklint.yaml', yamlPolicy('$ref: other.json'))).toMatch(/^\.acklint\.yaml:6:13: policy "policy\/test": \$ref "other\.json" points outside the policy/);
    expect(await loadError('.acklint.yaml', yamlPolicy('$dynamicRef: http://x/y#a'))).toMatch(/^\.acklint\.yaml:6:20: policy "policy\/test": \$dynamicRef "http:\/\/x\/y#a" points outside/);
  });

  it('a local $ref to nothing, at the $ref value', async () => {
    expect(await loadError('.acklint.yaml', yamlPolicy('$defs:\n  region: {enum: [cn-hangzhou]}\nproperties:\n  region_id: {$ref: "#/$defs/regions"}'))).toBe(
      '.acklint.yaml:9:27: policy "policy/test": $ref "#/$defs/regions" points at nothing in this policy\'s schema',
    );
  });

  it('an unknown keyword, at the keyword, with the closest known one', async () => {
    expect(await loadError('.acklint.yaml', yamlPolicy('properties:\n  region_id:\n    enumm: [cn-hangzhou]'))).toBe(
      '.acklint.yaml:8:11: policy "policy/test": unknown keyword "enumm" in the schema (did you mean "enum"?); policy schemas use the keywords of JSON Schema draft 2020-12 and errorMessage',
    );
  });

  it('keywords that would run code, fetch or rename the schema', async () => {
    expect(await loadError('.acklint.yaml', yamlPolicy('$async: true'))).toBe(
      '.acklint.yaml:6:7: policy "policy/test": $async is not allowed in a policy schema: it makes validation asynchronous (it could wait on the network); policies are checked synchronously',
    );
    expect(await loadError('.acklint.yaml', yamlPolicy('$id: https://example.com/p.json'))).toMatch(/^\.acklint\.yaml:6:7: policy "policy\/test": \$id is not allowed in a policy schema/);
    expect(await loadError('.acklint.yaml', yamlPolicy('properties:\n  x:\n    $data: /y'))).toMatch(/^\.acklint\.yaml:8:11: policy "policy\/test": \$data is not allowed/);
    expect(await loadError('.acklint.yaml', yamlPolicy('$schema: http://json-schema.org/draft-07/schema#'))).toMatch(
      /^\.acklint\.yaml:6:16: policy "policy\/test": \$schema must be "https:\/\/json-schema\.org\/draft\/2020-12\/schema"/,
    );
  });

  it('a schema that does not compile: ajv\'s reason, at the offending place', async () => {
    expect(await loadError('.acklint.yaml', yamlPolicy('properties:\n  region_id:\n    type: strin'))).toBe(
      '.acklint.yaml:8:17: policy "policy/test": the schema is not valid: properties.region_id.type must be one of: array, boolean, integer, null, number, object, string',
    );
    expect(await loadError('.acklint.yaml', yamlPolicy('required: cluster_spec'))).toBe(
      '.acklint.yaml:6:17: policy "policy/test": the schema is not valid: required must be array',
    );
    expect(await loadError('.acklint.yaml', yamlPolicy('properties:\n  name: {pattern: "(ack"}'))).toBe(
      '.acklint.yaml:7:25: policy "policy/test": invalid regular expression "(ack": /(ack/u: Unterminated group',
    );
    expect(await loadError('.acklint.yaml', yamlPolicy('properties:\n  name: {format: e-mail}'))).toMatch(
      /^\.acklint\.yaml:7:24: policy "policy\/test": unknown format "e-mail" \(did you mean "email"\?\); known formats: .*\bcidr\b/,
    );
  });

  it('a select path that does not parse, at the select value', async () => {
    expect(await loadError('.acklint.yaml', yamlPolicy('{}', '    select: nodepools[x]\n'))).toBe(
      '.acklint.yaml:5:13: policy "policy/test": select: expected [*], [N] or ["key"] at character 10 of "nodepools[x]"; write a path such as nodepools[*].scaling_group',
    );
  });

  it('a duplicate id, at the second id, naming the first', async () => {
    const text = 'policies:\n  - id: policy/a\n    severity: error\n    description: d\n    schema: {}\n  - id: policy/a\n    severity: info\n    description: d\n    schema: {}\n';
    expect(await loadError('.acklint.yaml', text)).toBe('.acklint.yaml:6:9: policy id "policy/a" is already the id of policies[0] (line 2); each policy needs an id of its own');
  });

  it('an id that is a built-in rule, and an id without the policy/ namespace', async () => {
    const text = (id: string) => `{"policies": [{"id": "${id}", "severity": "error", "description": "d", "schema": {}}]}`;
    expect(await loadError('.acklint.json', text('deletion-protection-disabled'))).toBe(
      '.acklint.json:1:22: policy id "deletion-protection-disabled" is the id of a built-in rule; policy ids start with "policy/" (for example "policy/deletion-protection-disabled")',
    );
    expect(await loadError('.acklint.json', text('Require Pro'))).toBe(
      '.acklint.json:1:22: policy id "Require Pro" must be "policy/" and a name of lowercase letters, digits, ".", "_" and "-" (for example "policy/require-pro")',
    );
  });

  it('a policy without a schema, and an unknown key in a policy', async () => {
    expect(await loadError('.acklint.yaml', 'policies:\n  - id: policy/a\n    severity: error\n    description: d\n')).toBe('.acklint.yaml:2:5: policies.0 must have id, severity, description and schema');
    expect(await loadError('.acklint.yaml', yamlPolicy('{}', '    message: hi\n'))).toBe(
      '.acklint.yaml:5:5: policies.0 has an unknown key "message"; allowed keys are id, severity, description, docs, select, schema',
    );
  });

  it('rules: may set the level of the config\'s own policies, and names unknown ones', async () => {
    const config = await load('.acklint.yaml', yamlPolicy('{}') + 'rules:\n  policy/test: warning\n');
    expect(config.rules).toEqual({ 'policy/test': 'warning' });
    expect(await loadError('.acklint.yaml', yamlPolicy('{}') + 'rules:\n  policy/tset: warning\n')).toBe('.acklint.yaml:8:3: unknown rule "policy/tset" (did you mean "policy/test"?)');
  });
});

describe('a config without policies', () => {
  it('has no policies field and lints with the built-in rules only', async () => {
    const config = await load('.acklint.yaml', 'rules: {}\n');
    expect(config.policies).toBeUndefined();
    const builtin: Rule[] = [];
    expect(withPolicies(builtin, config)).toBe(builtin);
  });
});

async function findings(config: AcklintConfig, fileName: string, text: string): Promise<string[]> {
  const result = await lint(text, { fileName, rules: config.policies!, severities: config.rules });
  return result.diagnostics.map((d) => {
    const r = d.range;
    return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${d.severity} ${d.ruleId} ${d.message}`;
  });
}

describe('findings', () => {
  const config = `policies:
  - id: policy/region
    severity: error
    description: Approved regions only
    docs: https://wiki.example.com/k8s/regions
    schema:
      properties:
        region_id: {enum: [cn-hangzhou, cn-shanghai]}
  - id: policy/pools
    severity: warning
    description: Node pools say who pays
    select: nodepools[*]
    schema:
      required: [scaling_group]
      properties:
        scaling_group:
          required: [tags]
          properties:
            tags:
              contains: {properties: {key: {const: cost-center}}, required: [key]}
              errorMessage: "needs a cost-center tag"
  - id: policy/spec
    severity: info
    description: ACK Pro or Edge Pro
    schema:
      anyOf:
        - properties: {cluster_spec: {const: ack.pro.small}}
          required: [cluster_spec]
        - properties: {profile: {const: Edge}}
          required: [profile]
      errorMessage: "Clusters must be ACK Pro: set cluster_spec to ack.pro.small"
`;

  it('point at the value, at the key of the object lacking a key, and name the path (YAML)', async () => {
    const c = await load('.acklint.yaml', config);
    const spec = `name: a
cluster_type: ManagedKubernetes
region_id: cn-beijing
cluster_spec: ack.standard
nodepools:
  - nodepool_info: {name: a}
  - nodepool_info: {name: b}
    scaling_group:
      instance_types: [ecs.g7.large]
  - scaling_group:
      tags: [{key: team, value: x}]
`;
    expect(await findings(c, 'spec.yaml', spec)).toEqual([
      '1:1-1:8 info policy/spec Clusters must be ACK Pro: set cluster_spec to ack.pro.small',
      '3:12-3:22 error policy/region region_id must be one of: cn-hangzhou, cn-shanghai',
      '6:5-6:29 warning policy/pools nodepools[0].scaling_group is required',
      '8:5-8:18 warning policy/pools nodepools[1].scaling_group.tags is required',
      '11:7-11:11 warning policy/pools nodepools[2].scaling_group.tags: needs a cost-center tag',
    ]);
  });

  it('the same in JSON, with the docs link of the policy', async () => {
    const c = await load('.acklint.yaml', config);
    const spec = `{
  "name": "a",
  "cluster_type": "ManagedKubernetes",
  "region_id": "cn-beijing",
  "cluster_spec": "ack.pro.small",
  "nodepools": [{ "scaling_group": { "tags": [] } }]
}
`;
    const result = await lint(spec, { fileName: 'spec.json', rules: c.policies! });
    expect(result.diagnostics.map((d) => [d.ruleId, d.message, d.range.start.line + 1, d.range.start.character + 1, d.docsUrl])).toEqual([
      ['policy/region', 'region_id must be one of: cn-hangzhou, cn-shanghai', 4, 16, 'https://wiki.example.com/k8s/regions'],
      ['policy/pools', 'nodepools[0].scaling_group.tags: needs a cost-center tag', 6, 38, 'https://github.com/acklint/acklint/blob/main/docs/policies.md'],
    ]);
  });

  it('follow rules: levels (off turns a policy off)', async () => {
    const c = await load('.acklint.yaml', config + 'rules:\n  policy/region: off\n  policy/spec: error\n');
    const out = await findings(c, 'spec.yaml', 'cluster_type: ManagedKubernetes\nregion_id: cn-beijing\n');
    expect(out).toEqual(['1:1-1:32 error policy/spec Clusters must be ACK Pro: set cluster_spec to ack.pro.small']);
  });

  it('stay quiet about a value that could not be read (the syntax error is the finding)', async () => {
    const c = await load('.acklint.yaml', yamlPolicy('properties:\n  region_id: {type: string}'));
    const result = await lint('{"cluster_type": "ManagedKubernetes", "region_id": }', { fileName: 'spec.json', rules: c.policies! });
    expect(result.diagnostics).toEqual([]);
  });

  it('read from a JSON config, with local references to $defs', async () => {
    const c = await load(
      '.acklint.json',
      JSON.stringify({
        policies: [
          {
            id: 'policy/zones',
            severity: 'warning',
            description: 'Zones of the region',
            select: 'zone_ids[*]',
            schema: { $ref: '#/$defs/zone', $defs: { zone: { type: 'string', pattern: '^cn-hangzhou-[hijk]$' } } },
          },
        ],
      }),
    );
    expect(c.policies!.map((p) => [p.meta.id, p.meta.defaultSeverity, p.meta.category])).toEqual([['policy/zones', 'warning', 'policy']]);
    expect(await findings(c, 'spec.yaml', 'cluster_type: ManagedKubernetes\nzone_ids: [cn-hangzhou-h, cn-beijing-a]\n')).toEqual([
      '2:27-2:39 warning policy/zones zone_ids[1] must match pattern "^cn-hangzhou-[hijk]$"',
    ]);
  });

  it('a finding about the whole spec is shown at its first line and says so', async () => {
    const c = await load('.acklint.yaml', yamlPolicy('anyOf: [{required: [vpcid]}, {required: [zone_ids]}]'));
    expect(await findings(c, 'spec.yaml', 'cluster_type: ManagedKubernetes\nname: a\n')).toEqual(['1:1-1:32 error policy/test The cluster spec must match a schema in anyOf']);
  });

  it('never show a password, whatever the message quotes', async () => {
    const c = await load('.acklint.yaml', yamlPolicy('properties:\n  login_password: {maxLength: 4, errorMessage: "${0} is too long"}', '    select: nodepools[*].scaling_group\n'));
    const out = await findings(c, 'spec.yaml', 'cluster_type: ManagedKubernetes\nnodepools:\n  - scaling_group:\n      login_password: "Secret#2024"\n');
    expect(out).toEqual(['4:23-4:36 error policy/test nodepools[0].scaling_group.login_password: **** is too long']);
  });

  it('name a missing key inside a list item, and forbid a key with not/required (at that key)', async () => {
    const c = await load('.acklint.yaml', yamlPolicy('required: [key_pair]\nnot: {required: [login_password]}', '    select: nodepools[*].scaling_group\n'));
    const out = await findings(c, 'spec.json', '{"cluster_type": "ManagedKubernetes",\n "nodepools": [{"scaling_group": {"login_password": "x"}}]}');
    expect(out).toEqual([
      '2:17-2:32 error policy/test nodepools[0].scaling_group.key_pair is required',
      '2:35-2:51 error policy/test nodepools[0].scaling_group.login_password must not be set',
    ]);
  });

  it('check a body embedded in a ROS template, and stay quiet about values ROS fills in ({Ref: …})', async () => {
    const c = await load('.acklint.yaml', yamlPolicy('required: [cluster_spec]\nproperties:\n  region_id: {enum: [cn-hangzhou]}\n  name: {type: string, pattern: "^prd-"}'));
    const ros = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Cluster:
    Type: ALIYUN::CS::AnyCluster
    Properties:
      ClusterConfig:
        name: {Ref: ClusterName}
        region_id: cn-beijing
        cluster_type: ManagedKubernetes
`;
    const result = await lint(ros, { fileName: 'ros.yaml', rules: c.policies! });
    expect(result.diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.path.join('.'), d.message])).toEqual([
      [7, 9, 'Resources.Cluster.Properties.ClusterConfig.cluster_spec', 'cluster_spec is required'],
      [8, 20, 'Resources.Cluster.Properties.ClusterConfig.region_id', 'region_id must be one of: cn-hangzhou'],
    ]);
  });

  it('run only on CreateCluster bodies', async () => {
    const c = await load('.acklint.yaml', yamlPolicy('required: [cluster_spec]'));
    const result = await lint('Resources: {}\nROSTemplateFormatVersion: "2015-09-01"\n', { fileName: 'ros.yaml', rules: c.policies! });
    expect(result.diagnostics).toEqual([]);
  });

  it('compile a schema once however often its config is read', async () => {
    const before = compileStats.compiled;
    const a = await load('.acklint.yaml', yamlPolicy('required: [cluster_spec, zone_ids]'));
    expect(compileStats.compiled).toBe(before + 1);
    const b = await load('.acklint.yaml', yamlPolicy('required: [cluster_spec, zone_ids]'));
    expect(compileStats.compiled).toBe(before + 1);
    const spec = 'cluster_type: ManagedKubernetes\n';
    expect(await findings(b, 's.yaml', spec)).toEqual(await findings(a, 's.yaml', spec));
  });
});

describe('select paths', () => {
  const doc: JsonValue = { nodepools: [{ scaling_group: { data_disks: [{ size: 1 }, { size: 2 }] } }, { x: 1 }], addons: [{ name: 'a' }], tags: { team: 'x', 'cost-center': 'y' } };

  it.each([
    ['', [[]]],
    ['$', [[]]],
    ['nodepools[*]', [['nodepools', 0], ['nodepools', 1]]],
    ['$.nodepools[*].scaling_group', [['nodepools', 0, 'scaling_group']]],
    ['nodepools[*].scaling_group.data_disks[*]', [['nodepools', 0, 'scaling_group', 'data_disks', 0], ['nodepools', 0, 'scaling_group', 'data_disks', 1]]],
    ['nodepools[1]', [['nodepools', 1]]],
    ['nodepools[5]', []],
    ['addons[*]', [['addons', 0]]],
    ['tags.*', [['tags', 'team'], ['tags', 'cost-center']]],
    ['tags["cost-center"]', [['tags', 'cost-center']]],
    ['missing[*].x', []],
    ['addons.name', []],
  ])('%s selects %j', (path, expected) => {
    expect(select(doc, parseSelect(path)).map((s) => s.path)).toEqual(expected);
  });

  it.each([
    ['nodepools[x]', 'expected [*], [N] or ["key"] at character 10'],
    ['nodepools.', 'expected a key name at character 11'],
    ['nodepools..x', 'expected a key name at character 11'],
    ['$nodepools', 'unexpected "n" at character 2'],
    ['nodepools[*]x', 'unexpected "x" at character 13'],
  ])('%s is refused: %s', (path, message) => {
    expect(() => parseSelect(path)).toThrow(message);
  });
});

describe('policies along extends and the directory cascade', () => {
  const policy = (id: string, severity: string, description: string) =>
    `  - id: ${id}\n    severity: ${severity}\n    description: ${description}\n    schema: {required: [cluster_spec]}\n`;

  /** A tree of config files; returns its root directory. */
  function tree(files: Record<string, string>): string {
    const dir = mkdtempSync(join(root, 'tree-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }
  const summary = (c: AcklintConfig) => (c.policies ?? []).map((p) => `${p.meta.id}:${p.meta.defaultSeverity}:${p.meta.description}`);

  it('a nested config adds to its parent\'s policies, replaces one with the same id in its place, and sets levels of either', async () => {
    const dir = tree({
      '.acklint.yaml': `policies:\n${policy('policy/a', 'error', 'parent a')}${policy('policy/b', 'error', 'parent b')}`,
      'team/.acklint.yaml': `policies:\n${policy('policy/a', 'warning', 'team a')}${policy('policy/c', 'info', 'team c')}rules:\n  policy/b: off\n`,
    });
    const resolver = new ConfigResolver(BUILTIN);
    const team = await resolver.forFile(join(dir, 'team', 'spec.yaml'));
    expect(summary(team)).toEqual(['policy/a:warning:team a', 'policy/b:error:parent b', 'policy/c:info:team c']);
    expect(team.rules).toEqual({ 'policy/b': 'off' });
    expect(summary(await resolver.forFile(join(dir, 'spec.yaml')))).toEqual(['policy/a:error:parent a', 'policy/b:error:parent b']);
  });

  it('root: true leaves the parent\'s policies out, so a level for one of them is an unknown rule at its place', async () => {
    const dir = tree({
      '.acklint.yaml': `policies:\n${policy('policy/a', 'error', 'parent a')}`,
      'team/.acklint.yaml': 'root: true\nrules:\n  policy/a: off\n',
    });
    const err = await new ConfigResolver(BUILTIN).forFile(join(dir, 'team', 'spec.yaml')).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).toBe(`${join(dir, 'team', '.acklint.yaml')}:3:3: unknown rule "policy/a"`);
  });

  it('extends: the policies of the extended file come first, the extending file\'s replace them by id', async () => {
    const dir = tree({
      'shared/policies.yaml': `policies:\n${policy('policy/a', 'error', 'shared a')}${policy('policy/b', 'error', 'shared b')}`,
      'app/.acklint.yaml': `extends: [acklint:recommended, ../shared/policies.yaml]\npolicies:\n${policy('policy/b', 'info', 'app b')}overrides:\n  - files: ["legacy/**"]\n    rules: {policy/a: off}\n`,
    });
    const config = await loadConfigFile(join(dir, 'app', '.acklint.yaml'), BUILTIN);
    expect(summary(config)).toEqual(['policy/a:error:shared a', 'policy/b:info:app b']);
    expect(config.overrides.map((o) => o.rules)).toEqual([{ 'policy/a': 'off' }]);
  });
});

describe('mergePolicies', () => {
  const rule = (id: string, description: string): Rule => ({
    meta: { id, description, defaultSeverity: 'error', category: 'policy', details: '', fact: { text: '', source: '' }, tags: [] },
    check: () => undefined,
  });

  it('concatenates; a later policy with the same id replaces the earlier one in its place', () => {
    const merged = mergePolicies([rule('policy/a', 'a1'), rule('policy/b', 'b1')], undefined, [rule('policy/c', 'c2'), rule('policy/a', 'a2')]);
    expect(merged.map((r) => `${r.meta.id}=${r.meta.description}`)).toEqual(['policy/a=a2', 'policy/b=b1', 'policy/c=c2']);
  });
});
