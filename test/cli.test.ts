/**
 * End-to-end tests of the command line: they spawn the real bundled binary (`node packages/cli/bin/acklint.cjs`),
 * which `npm test` builds before vitest runs (locally: `npm run build` first). Every SARIF log the CLI writes here is
 * validated against the official SARIF 2.1.0 schema (test/fixtures/sarif).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOMEPAGE } from '@acklint/core';
import { builtinRules } from '@acklint/rules';
import { HELP } from '../packages/cli/src/help.js';
import { parseCommandLine, plainArgs } from '../packages/cli/src/main.js';
import { ANSI, makeTempDir, parseSarif, referenceDir, repoRoot, runCli, writeTree, type JsonFileResult, type RunResult, type SarifLog } from './support/cli.js';

const cliVersion = (JSON.parse(readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string }).version;
const ruleIds = builtinRules.map((r) => r.meta.id);

/** A complete, valid ACK Pro CreateCluster body (the same as examples/valid.json). */
const CLEAN_SPEC = `{
  "name": "prod-hangzhou-1",
  "region_id": "cn-hangzhou",
  "cluster_type": "ManagedKubernetes",
  "cluster_spec": "ack.pro.small",
  "vpcid": "vpc-bp1example0000000000",
  "vswitch_ids": ["vsw-bp1example000000000a", "vsw-bp1example000000000b", "vsw-bp1example000000000c"],
  "container_cidr": "172.20.0.0/16",
  "service_cidr": "172.21.0.0/20",
  "node_cidr_mask": "25",
  "is_enterprise_security_group": true,
  "snat_entry": true,
  "endpoint_public_access": false,
  "proxy_mode": "nftables",
  "timezone": "Asia/Shanghai",
  "deletion_protection": true,
  "rrsa_config": { "enabled": true },
  "encryption_provider_key": "0fe64791-55eb-4fc7-84c5-c6c7cdca0000",
  "addons": [
    { "name": "flannel" },
    { "name": "csi-plugin" },
    { "name": "csi-provisioner" },
    { "name": "logtail-ds", "config": "{\\"IngressDashboardEnabled\\":\\"true\\"}" }
  ],
  "nodepools": [
    {
      "nodepool_info": { "name": "default" },
      "scaling_group": {
        "vswitch_ids": ["vsw-bp1example000000000a", "vsw-bp1example000000000b", "vsw-bp1example000000000c"],
        "instance_types": ["ecs.g7.xlarge", "ecs.g6.xlarge"],
        "instance_charge_type": "PrePaid",
        "period": 12,
        "period_unit": "Month",
        "auto_renew": true,
        "auto_renew_period": 1,
        "system_disk_category": "cloud_essd",
        "system_disk_size": 120,
        "system_disk_encrypted": true,
        "key_pair": "ops-keypair",
        "desired_size": 3
      },
      "management": { "enable": true, "auto_repair": true }
    }
  ]
}
`;

/** The clean spec with `"name"` given twice: one duplicate-key error at 4:3-4:9, related location 2:3-2:9. */
const DUP_SPEC = CLEAN_SPEC.replace('  "region_id"', '  "region_id": "cn-hangzhou",\n  "name": "prod-hangzhou-2",\n  "zzz_placeholder"').replace(
  /\n {2}"zzz_placeholder": "cn-hangzhou",/,
  '',
);
const DUP_MESSAGE = 'Key "name" is given more than once in this object; only the last one counts, so the earlier value is silently lost.';

/** A clean spec with an unquoted value on line 3 (3:13-3:20): one syntax error. */
const SYNTAX_SPEC = CLEAN_SPEC.replace('"region_id": "cn-hangzhou"', '"region_id": cn-hangzhou');
const UNQUOTED_MESSAGE = 'Unquoted text where a value belongs: JSON strings must be in double quotes. Quote the value.';

/** A ROS template: one unsupported-document warning at 1:1. */
const ROS_TEMPLATE = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Cluster:
    Type: ALIYUN::CS::ManagedKubernetesCluster
    Properties:
      Name: demo
`;
const ROS_MESSAGE = 'This looks like a Resource Orchestration Service (ROS) template, whose properties are not CreateCluster field names; the CreateCluster checks do not apply to it.';

let tmp: string;
beforeAll(() => {
  tmp = makeTempDir('acklint-cli-');
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh directory under the test's temp dir, with the given files (relative path → content). */
let dirCount = 0;
function fixtureDir(files: Record<string, string>): string {
  const dir = join(tmp, `d${++dirCount}`);
  mkdirSync(dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

function parseJsonOutput(r: RunResult): JsonFileResult[] {
  return JSON.parse(r.stdout) as JsonFileResult[];
}

function lines(s: string): string[] {
  return s.split('\n').filter((l, i, all) => !(i === all.length - 1 && l === ''));
}

function expectOneLineError(r: RunResult, text: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(lines(r.stderr)).toHaveLength(1);
  expect(r.stderr).not.toContain('    at ');
  if (typeof text === 'string') expect(r.stderr).toBe(`acklint: ${text}\n`);
  else expect(r.stderr).toMatch(text);
}

describe('sanity of the test inputs', () => {
  it('DUP_SPEC has the duplicate on line 4 and SYNTAX_SPEC the unquoted value on line 3', () => {
    expect(DUP_SPEC.split('\n').slice(1, 4)).toEqual(['  "name": "prod-hangzhou-1",', '  "region_id": "cn-hangzhou",', '  "name": "prod-hangzhou-2",']);
    expect(SYNTAX_SPEC.split('\n')[2]).toBe('  "region_id": cn-hangzhou,');
    expect(JSON.parse(CLEAN_SPEC)).toEqual(JSON.parse(readFileSync(join(repoRoot, 'examples', 'valid.json'), 'utf8')));
  });
});

describe('informational options', () => {
  it('--version prints the version from packages/cli/package.json', () => {
    for (const flag of ['--version', '-v']) {
      const r = runCli([flag]);
      expect(r).toEqual({ code: 0, stdout: `${cliVersion}\n`, stderr: '' });
    }
  });

  it('--help prints the help text', () => {
    for (const flag of ['--help', '-h']) {
      const r = runCli([flag]);
      expect(r).toEqual({ code: 0, stdout: HELP, stderr: '' });
    }
    expect(HELP).toMatch(/^acklint: lint ACK CreateCluster request bodies/);
    // Fits an 80-column terminal.
    for (const line of HELP.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(HELP).toContain('--max-warnings <n>');
  });

  it('--list-rules lists every rule with its level', () => {
    const r = runCli(['--list-rules'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out[0]).toMatch(/^rule\s+level\s+category\s+description$/);
    expect(out).toHaveLength(builtinRules.length + 1);
    builtinRules.forEach((rule, i) => {
      const cols = out[i + 1]!.split(/\s{2,}/);
      expect(cols).toEqual([rule.meta.id, rule.meta.defaultSeverity, rule.meta.category, rule.meta.description]);
    });
  });

  it('--list-rules --format json lists every rule, with --rule overrides applied', () => {
    const r = runCli(['--list-rules', '--format', 'json', '--rule', 'duplicate-key=off'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as { id: string; severity: string; defaultSeverity: string; category: string; description: string; fixable: boolean }[];
    expect(rows.map((x) => x.id)).toEqual(ruleIds);
    for (const rule of builtinRules) {
      const row = rows.find((x) => x.id === rule.meta.id)!;
      expect(row).toMatchObject({
        severity: rule.meta.id === 'duplicate-key' ? 'off' : rule.meta.defaultSeverity,
        defaultSeverity: rule.meta.defaultSeverity,
        category: rule.meta.category,
        description: rule.meta.description,
        fixable: Boolean(rule.meta.fixable),
      });
    }
  });
});

describe('exit codes', () => {
  it('0 and no output for a clean spec', () => {
    const dir = fixtureDir({ 'clean.json': CLEAN_SPEC });
    expect(runCli(['clean.json'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('1 when there are errors', () => {
    const dir = fixtureDir({ 'bad.json': SYNTAX_SPEC });
    const r = runCli(['bad.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('warnings alone exit 0; more than --max-warnings exit 1', () => {
    const dir = fixtureDir({ 'ros.yaml': ROS_TEMPLATE });
    const plain = runCli(['ros.yaml'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('1:1  warning');
    expect(plain.stderr).toBe('');

    const over = runCli(['ros.yaml', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stdout).toBe(plain.stdout);
    expect(over.stderr).toBe('acklint: 1 warning, more than --max-warnings 0\n');

    const atLimit = runCli(['ros.yaml', '--max-warnings', '1'], { cwd: dir });
    expect(atLimit).toEqual({ code: 0, stdout: plain.stdout, stderr: '' });
  });

  it('2 with one line on stderr for usage errors', () => {
    const dir = fixtureDir({ 'clean.json': CLEAN_SPEC });
    expectOneLineError(runCli(['--bogus', 'clean.json'], { cwd: dir }), /^acklint: Unknown option '--bogus'\./);
    expectOneLineError(runCli(['-f', 'xml', 'clean.json'], { cwd: dir }), 'unknown format "xml"; use one of: stylish, json, sarif, junit, github, gitlab, checkstyle');
    expectOneLineError(runCli(['-f', 'sarfi', 'clean.json'], { cwd: dir }), 'unknown format "sarfi" (did you mean "sarif"?); use one of: stylish, json, sarif, junit, github, gitlab, checkstyle');
    expectOneLineError(runCli(['--rule', 'duplicat-key=off', 'clean.json'], { cwd: dir }), 'unknown rule "duplicat-key" (did you mean "duplicate-key"?)');
    expectOneLineError(runCli(['--rule', 'duplicate-key=loud', 'clean.json'], { cwd: dir }), '--rule duplicate-key: severity must be one of off, info, warning, error (or warn, 0, 1, 2)');
    expectOneLineError(runCli(['--rule', 'duplicate-key', 'clean.json'], { cwd: dir }), '--rule expects id=severity (for example --rule cluster-name-format=off), got "duplicate-key"');
    expectOneLineError(runCli(['--max-warnings', 'many', 'clean.json'], { cwd: dir }), '--max-warnings expects a whole number, got "many"');
    expectOneLineError(runCli(['nope.json'], { cwd: dir }), 'no such file or directory: nope.json');
    expectOneLineError(runCli(['clean.json', 'nope.json'], { cwd: dir }), 'no such file or directory: nope.json');
    expectOneLineError(runCli(['*.yaml'], { cwd: dir }), 'no files match "*.yaml"');
    expectOneLineError(runCli([], { cwd: dir }), 'no files given; try `acklint .` or `acklint --help`');
  });

  it('2 with one readable line for a bad config file, with or without --debug', () => {
    const cases: [string, string, string][] = [
      ['rules:\n  duplicate-key: loud\n', '2:18', 'rules.duplicate-key must be one of off, info, warning, error'],
      ['rules:\n  duplicat-key: off\n', '2:3', 'unknown rule "duplicat-key" (did you mean "duplicate-key"?)'],
      ['# acklint\nrules: {}\nrulez:\n  duplicate-key: off\n', '3:1', 'the config has an unknown key "rulez"; allowed keys are rules, files, inventory, maxFileSize, root, extends, overrides, suppressions, policies'],
      ['maxFileSize: lots\n', '1:14', 'maxFileSize must be a number of bytes or a size such as "10MiB"'],
      ['files: [ok.json, 1]\n', '1:18', 'files.1 must be string'],
      ['- rules\n', '1:1', 'the config must be a mapping with keys such as rules, files, inventory, maxFileSize, extends, overrides, policies'],
    ];
    for (const [config, pos, message] of cases) {
      const dir = fixtureDir({ '.acklint.yaml': config, 'clean.json': CLEAN_SPEC });
      const path = join(dir, '.acklint.yaml');
      expectOneLineError(runCli(['clean.json'], { cwd: dir }), `${path}:${pos}: ${message}`);
      expectOneLineError(runCli(['clean.json', '--debug'], { cwd: dir }), `${path}:${pos}: ${message}`);
    }
    // A syntax error in the config, and a --config that does not exist.
    const dir = fixtureDir({ '.acklint.json': '{ "rules": { "duplicate-key": "off", } ', 'clean.json': CLEAN_SPEC });
    expectOneLineError(runCli(['clean.json'], { cwd: dir }), new RegExp(`^acklint: ${escapeRe(join(dir, '.acklint.json'))}:1:\\d+: .+\\n$`));
    expectOneLineError(runCli(['--config', 'missing.yaml', 'clean.json'], { cwd: dir }), `cannot read config ${join(dir, 'missing.yaml')}: ENOENT`);
  });

  it('2 for an internal error; --debug adds the stack trace only then', () => {
    const dir = fixtureDir({ 'clean.json': CLEAN_SPEC });
    // Inject a fault into the real binary: process.cwd() throws a plain Error (not a usage or config error).
    const nodeArgs = ['--import', 'data:text/javascript,process.cwd=()=>{throw new Error("injected fault")}'];
    const abs = join(dir, 'clean.json');
    const plain = runCli([abs], { cwd: dir, nodeArgs });
    expect(plain).toEqual({ code: 2, stdout: '', stderr: 'acklint: internal error: injected fault (run with --debug for details)\n' });
    const debug = runCli([abs, '--debug'], { cwd: dir, nodeArgs });
    expect(debug.code).toBe(2);
    expect(debug.stdout).toBe('');
    const err = lines(debug.stderr);
    expect(err[0]).toBe('acklint: internal error: injected fault');
    expect(err[1]).toBe('Error: injected fault');
    expect(err.length).toBeGreaterThan(2);
    expect(err.slice(2).every((l) => l.startsWith('    at '))).toBe(true);
    // --debug changes nothing for usage errors.
    expectOneLineError(runCli(['nope.json', '--debug'], { cwd: dir }), 'no such file or directory: nope.json');
  });

  it('2 when a rule crashed: the report is complete, with one internal-error finding naming the rule', () => {
    // A fault inside one rule only: cluster-name-format reads a control character's code point, nothing else does.
    const nodeArgs = ['--import', 'data:text/javascript,String.prototype.codePointAt=function(){throw new Error("injected rule fault")}'];
    const spec = CLEAN_SPEC.replace('"name": "prod-hangzhou-1",', '"name": "prod\\u0007x",\n  "name_typo": 1,');
    const dir = fixtureDir({ 'old.json': spec });
    const r = runCli(['old.json', '--format', 'json'], { cwd: dir, nodeArgs });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const msgs = (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>)[0]!.messages;
    expect(msgs.filter((m) => m.ruleId === 'internal-error').map((m) => m.message)).toEqual([
      'Rule "cluster-name-format" failed on this document and was skipped (injected rule fault). Please report this.',
    ]);
    // The other rules ran.
    expect(msgs.some((m) => m.ruleId === 'unknown-field')).toBe(true);
    const sarif = parseSarif(runCli(['old.json', '--format', 'sarif'], { cwd: dir, nodeArgs }).stdout);
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });
});

describe('stylish format', () => {
  const expected = `\nbad.json\n  3:16  error  ${UNQUOTED_MESSAGE}  syntax-error\n\n✖ 1 problem (1 error, 0 warnings)\n`;

  it('prints a file header, `line:col  severity  message  rule-id` rows and a summary, without colour when not a TTY', () => {
    const dir = fixtureDir({ 'bad.json': SYNTAX_SPEC });
    const r = runCli(['bad.json'], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: expected, stderr: '' });
    expect(runCli(['bad.json', '--format', 'stylish'], { cwd: dir }).stdout).toBe(expected);
  });

  it('aligns columns across rows and counts errors and warnings of several files', () => {
    const dir = fixtureDir({ 'bad.json': SYNTAX_SPEC, 'dup.json': DUP_SPEC, 'ros.yaml': ROS_TEMPLATE });
    const r = runCli(['.'], { cwd: dir });
    // ros.yaml is not a CreateCluster body: a directory scan skips it.
    expect(r.stdout).toBe(
      `\nbad.json\n  3:16  error  ${UNQUOTED_MESSAGE}  syntax-error\n\ndup.json\n  4:3  error  ${DUP_MESSAGE}  duplicate-key\n\n✖ 2 problems (2 errors, 0 warnings)\n`,
    );
    const named = runCli(['ros.yaml', 'bad.json'], { cwd: dir });
    expect(named.stdout).toBe(
      `\nbad.json\n  3:16  error  ${UNQUOTED_MESSAGE}  syntax-error\n\nros.yaml\n  1:1  warning  ${ROS_MESSAGE}  unsupported-document\n\n✖ 2 problems (1 error, 1 warning)\n`,
    );
  });

  it('NO_COLOR and --no-color turn colour off; --color forces it', () => {
    const dir = fixtureDir({ 'bad.json': SYNTAX_SPEC });
    expect(runCli(['bad.json'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout).toBe(expected);
    expect(runCli(['bad.json', '--no-color'], { cwd: dir }).stdout).toBe(expected);
    const colored = runCli(['bad.json', '--color'], { cwd: dir });
    expect(colored.code).toBe(1);
    expect(colored.stdout).toMatch(ANSI);
    expect(colored.stdout).toContain('\u001b[4mbad.json\u001b[0m');
    expect(colored.stdout).toContain('\u001b[31merror\u001b[0m');
    expect(colored.stdout.replace(/\u001b\[\d+m/g, '')).toBe(expected);
  });
});

describe('json format', () => {
  it('gives 1-based line, column, endLine and endColumn, and related locations', () => {
    const dir = fixtureDir({ 'dup.json': DUP_SPEC });
    const r = runCli(['dup.json', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = parseJsonOutput(r);
    expect(out).toEqual([
      {
        filePath: 'dup.json',
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
        messages: [
          {
            ruleId: 'duplicate-key',
            severity: 'error',
            message: DUP_MESSAGE,
            line: 4,
            column: 3,
            endLine: 4,
            endColumn: 9,
            pointer: '',
            document: 0,
            related: [{ message: '"name" first given here', line: 2, column: 3, endLine: 2, endColumn: 9 }],
            docsUrl: `${HOMEPAGE}/blob/main/rules/duplicate-key.md`,
          },
        ],
        suppressedMessages: [],
      },
    ]);
  });

  it('reports a syntax error with its exact range, and lists clean files with no messages', () => {
    const dir = fixtureDir({ 'bad.json': SYNTAX_SPEC, 'clean.json': CLEAN_SPEC });
    const out = parseJsonOutput(runCli(['clean.json', 'bad.json', '--format', 'json'], { cwd: dir }));
    expect(out.map((f) => [f.filePath, f.errorCount, f.messages.length])).toEqual([
      ['bad.json', 1, 1],
      ['clean.json', 0, 0],
    ]);
    expect(out[0]!.messages[0]).toMatchObject({ ruleId: 'syntax-error', message: UNQUOTED_MESSAGE, line: 3, column: 16, endLine: 3, endColumn: 27 });
    expect(SYNTAX_SPEC.split('\n')[2]!.slice(15, 26)).toBe('cn-hangzhou');
  });
});

describe('sarif format', () => {
  const run = (dir: string, args: string[]) => {
    const r = runCli([...args, '--format', 'sarif'], { cwd: dir });
    expect(r.stderr).toBe('');
    return { code: r.code, log: parseSarif(r.stdout) };
  };

  it('is valid SARIF 2.1.0 describing the tool, every enabled rule and each result', () => {
    const dir = fixtureDir({ 'sub/dup.json': DUP_SPEC, 'bad.json': SYNTAX_SPEC });
    const { code, log } = run(dir, ['sub/dup.json', 'bad.json']);
    expect(code).toBe(1);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run0 = log.runs[0]!;
    expect(run0.tool.driver).toMatchObject({ name: 'acklint', version: cliVersion, semanticVersion: cliVersion, informationUri: HOMEPAGE });

    // Every enabled rule (all built-in rules are on by default) plus the engine's internal-error entry.
    const rules = run0.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...ruleIds, 'internal-error', 'unused-disable-directive', 'invalid-disable-directive']);
    const level = { error: 'error', warning: 'warning', info: 'note' } as const;
    for (const rule of builtinRules) {
      const d = rules.find((r) => r.id === rule.meta.id)!;
      const helpUri = `${HOMEPAGE}/blob/main/rules/${rule.meta.id}.md`;
      expect(d.helpUri).toBe(helpUri);
      expect(d.shortDescription.text).toBe(rule.meta.description);
      expect(d.fullDescription.text).toEqual(rule.meta.details.length <= 1024 ? rule.meta.details : expect.stringMatching(/…$/));
      expect(d.help.text).toContain(rule.meta.details);
      expect(d.help.text).toContain(helpUri);
      expect(d.help.markdown).toContain(`(${helpUri})`);
      expect(d.defaultConfiguration.level).toBe(level[rule.meta.defaultSeverity]);
      expect(d.properties.tags).toEqual(rule.meta.category === 'security' ? [...new Set([...rule.meta.tags, 'security'])] : rule.meta.tags);
      expect(d.properties.category).toBe(rule.meta.category);
    }
    expect(rules.find((r) => r.id === 'internal-error')!.helpUri).toBe(`${HOMEPAGE}/blob/main/docs/internal-error.md`);

    expect(run0.columnKind).toBe('utf16CodeUnits');
    expect(run0.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } });
    expect(run0.artifacts).toEqual([
      { location: { uri: 'bad.json', uriBaseId: '%SRCROOT%' } },
      { location: { uri: 'sub/dup.json', uriBaseId: '%SRCROOT%' } },
    ]);
    expect(run0.invocations).toHaveLength(1);
    expect(run0.invocations[0]!.executionSuccessful).toBe(true);
    expect(run0.invocations[0]!.workingDirectory.uri).toBe(`${pathToFileURL(dir).href}/`);

    expect(run0.results.map((r) => r.ruleId)).toEqual(['syntax-error', 'duplicate-key']);
    for (const res of run0.results) {
      expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.level).toBe('error');
      for (const loc of [...res.locations.map((l) => l.physicalLocation), ...(res.relatedLocations ?? []).map((l) => l.physicalLocation)]) {
        expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
        expect(loc.artifactLocation.uri).not.toMatch(/^(\/|file:)/);
        for (const v of Object.values(loc.region)) expect(v).toBeGreaterThanOrEqual(1);
      }
    }
    const [syntax, dup] = run0.results as [SarifLog['runs'][0]['results'][0], SarifLog['runs'][0]['results'][0]];
    expect(syntax.message.text).toBe(UNQUOTED_MESSAGE);
    expect(syntax.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'bad.json', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 3, startColumn: 16, endLine: 3, endColumn: 27 },
    });
    expect(syntax.relatedLocations).toBeUndefined();
    // The related location is linked from the message, so GitHub shows it as a link.
    expect(dup.message.text).toBe(`${DUP_MESSAGE} See: ["name" first given here](1).`);
    expect(dup.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'sub/dup.json', uriBaseId: '%SRCROOT%', index: 1 },
      region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 9 },
    });
    // duplicate-key points at the first occurrence.
    expect(dup.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: '"name" first given here' },
        physicalLocation: { artifactLocation: { uri: 'sub/dup.json', uriBaseId: '%SRCROOT%', index: 1 }, region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 9 } },
      },
    ]);
    for (const res of run0.results) expect(res.partialFingerprints).toEqual({ primaryLocationLineHash: expect.stringMatching(/^[0-9a-f]{16}:1$/) });
  });

  it('lists only the enabled rules', () => {
    const dir = fixtureDir({ 'dup.json': DUP_SPEC });
    const { log } = run(dir, ['dup.json', '--rule', 'unsupported-document=off', '--rule', 'duplicate-key=warning']);
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...ruleIds.filter((id) => id !== 'unsupported-document'), 'internal-error', 'unused-disable-directive', 'invalid-disable-directive']);
    const res = log.runs[0]!.results;
    expect(res.map((r) => [r.ruleId, r.level, rules[r.ruleIndex]!.id])).toEqual([['duplicate-key', 'warning', 'duplicate-key']]);
  });

  it('is valid with no results and no files', () => {
    const dir = fixtureDir({ 'clean.json': CLEAN_SPEC, 'notes/readme.json': '{"hello": 1}' });
    const { code, log } = run(dir, ['.']);
    expect(code).toBe(0);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.artifacts).toEqual([{ location: { uri: 'clean.json', uriBaseId: '%SRCROOT%' } }]);
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
    const empty = run(join(dir, 'notes'), ['.']);
    expect(empty.code).toBe(0);
    expect(empty.log.runs[0]!.results).toEqual([]);
    expect(empty.log.runs[0]!.artifacts).toEqual([]);
  });

  it('keeps partialFingerprints stable when lines are inserted above a finding', () => {
    const dir = fixtureDir({ 'dup.json': DUP_SPEC, 'bad.json': SYNTAX_SPEC });
    const before = run(dir, ['dup.json', 'bad.json']).log.runs[0]!.results;
    writeFileSync(join(dir, 'dup.json'), `\n\n\n${DUP_SPEC}`);
    writeFileSync(join(dir, 'bad.json'), `\n\n${SYNTAX_SPEC}`);
    const after = run(dir, ['dup.json', 'bad.json']).log.runs[0]!.results;
    expect(after.map((r) => r.ruleId)).toEqual(before.map((r) => r.ruleId));
    expect(after.map((r) => r.locations[0]!.physicalLocation.region.startLine)).toEqual(
      before.map((r) => r.locations[0]!.physicalLocation.region.startLine + (r.ruleId === 'duplicate-key' ? 3 : 2)),
    );
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    // Different findings have different fingerprints.
    expect(new Set(before.map((r) => JSON.stringify(r.partialFingerprints))).size).toBe(before.length);
  });
});

describe('--output and --quiet', () => {
  it('--output writes the report to the file and nothing to stdout', () => {
    const dir = fixtureDir({ 'dup.json': DUP_SPEC });
    for (const format of ['stylish', 'json', 'sarif']) {
      const out = join(dir, `report.${format}`);
      const r = runCli(['dup.json', '-f', format, '--output', out], { cwd: dir });
      expect(r).toEqual({ code: 1, stdout: '', stderr: '' });
      const text = readFileSync(out, 'utf8');
      const direct = runCli(['dup.json', '-f', format], { cwd: dir });
      expect(text).toBe(direct.stdout);
      if (format === 'sarif') {
        expect(parseSarif(text).runs[0]!.results).toHaveLength(1);
        parseSarif(direct.stdout);
      }
    }
    // --output does not colour the file unless asked.
    const out = join(dir, 'report.txt');
    runCli(['dup.json', '-o', out], { cwd: dir });
    expect(readFileSync(out, 'utf8')).not.toMatch(ANSI);
    // An unwritable output path is a usage error.
    expectOneLineError(runCli(['dup.json', '-o', join(dir, 'missing-dir', 'r.txt')], { cwd: dir }), `cannot write ${join(dir, 'missing-dir', 'r.txt')}: ENOENT`);
    expectOneLineError(runCli(['dup.json', '-o', dir], { cwd: dir }), `cannot write ${dir}: EISDIR`);
  });

  it('--output is written when the run ends: a run that fails leaves the file as it was, and no temporary file', () => {
    const dir = fixtureDir({ 'dup.json': DUP_SPEC, 'bad-inventory.json': '{"Vpcs": ' });
    const out = join(dir, 'report.sarif');
    writeFileSync(out, 'the last good report\n');
    const tmp = makeTempDir('acklint-output-tmp-');
    // The inventory is read once the report has started (its SARIF header is written).
    const failed = runCli(['dup.json', '-f', 'sarif', '-o', out, '--inventory', 'bad-inventory.json'], { cwd: dir, env: { TMPDIR: tmp } });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/bad-inventory\.json/);
    expect(readFileSync(out, 'utf8')).toBe('the last good report\n');
    expect(readdirSync(tmp)).toEqual([]);
    // A run that ends writes it (over the old one), and also leaves nothing behind.
    const ok = runCli(['dup.json', '-f', 'sarif', '-o', out], { cwd: dir, env: { TMPDIR: tmp } });
    expect(ok).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(parseSarif(readFileSync(out, 'utf8')).runs[0]!.results).toHaveLength(1);
    expect(readdirSync(tmp)).toEqual([]);
    // The output file may be one of the files linted: it is read as it was before the run.
    writeFileSync(join(dir, 'self.json'), DUP_SPEC);
    const self = runCli(['self.json', '-f', 'json', '-o', 'self.json'], { cwd: dir });
    expect(self.code).toBe(1);
    expect(parseJsonOutput({ ...self, stdout: readFileSync(join(dir, 'self.json'), 'utf8') })[0]!.messages.map((m) => m.ruleId)).toEqual(['duplicate-key']);
  });

  it('--quiet shows only errors', () => {
    const dir = fixtureDir({ 'bad.json': SYNTAX_SPEC, 'ros.yaml': ROS_TEMPLATE });
    const r = runCli(['--quiet', 'bad.json', 'ros.yaml'], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: `\nbad.json\n  3:16  error  ${UNQUOTED_MESSAGE}  syntax-error\n\n✖ 1 problem (1 error, 0 warnings)\n`, stderr: '' });
    expect(runCli(['-q', 'ros.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    const json = parseJsonOutput(runCli(['-q', '-f', 'json', 'bad.json', 'ros.yaml'], { cwd: dir }));
    expect(json.flatMap((f) => f.messages.map((m) => m.severity))).toEqual(['error']);
    const sarif = parseSarif(runCli(['-q', '-f', 'sarif', 'bad.json', 'ros.yaml'], { cwd: dir }).stdout);
    expect(sarif.runs[0]!.results.map((x) => x.level)).toEqual(['error']);
  });
});

describe('standard input', () => {
  // A registered cluster: the smallest body that the cross-field rules have nothing to say about.
  const YAML_DUP = 'cluster_type: ExternalKubernetes\nname: a\nregion_id: cn-hangzhou\nname: b\n';

  it('`-` with --stdin-filename x.yaml parses YAML and shows the name', () => {
    const dir = fixtureDir({});
    const r = runCli(['-', '--stdin-filename', 'x.yaml', '-f', 'json'], { cwd: dir, input: YAML_DUP });
    expect(r.code).toBe(1);
    const out = parseJsonOutput(r);
    expect(out.map((f) => f.filePath)).toEqual(['x.yaml']);
    expect(out[0]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['duplicate-key', 4, 1]]);
    const stylish = runCli(['-', '--stdin-filename', 'x.yaml'], { cwd: dir, input: YAML_DUP });
    expect(stylish.stdout.split('\n')[1]).toBe('x.yaml');
    const sarif = parseSarif(runCli(['-', '--stdin-filename', 'x.yaml', '-f', 'sarif'], { cwd: dir, input: YAML_DUP }).stdout);
    expect(sarif.runs[0]!.artifacts).toEqual([{ location: { uri: 'x.yaml', uriBaseId: '%SRCROOT%' } }]);
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 4, startColumn: 1, endLine: 4, endColumn: 5 });
  });

  it('--stdin-filename decides the format: a .json name makes comments errors', () => {
    const dir = fixtureDir({});
    const input = '{\n  "cluster_type": "ExternalKubernetes", // registered\n  "name": "r", "region_id": "cn-hangzhou"\n}\n';
    const asJson = parseJsonOutput(runCli(['-', '--stdin-filename', 'spec.json', '-f', 'json'], { cwd: dir, input }));
    expect(asJson[0]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['syntax-error', 2, 41]]);
    const asJsonc = runCli(['-', '--stdin-filename', 'spec.jsonc'], { cwd: dir, input });
    expect(asJsonc).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('without --stdin-filename the content is sniffed and the file is shown as <stdin>', () => {
    const dir = fixtureDir({});
    // YAML: read as JSON this would be a syntax error, not a duplicate key.
    const yaml = runCli(['-', '-f', 'json'], { cwd: dir, input: YAML_DUP });
    expect(yaml.code).toBe(1);
    const out = parseJsonOutput(yaml);
    expect(out.map((f) => f.filePath)).toEqual(['<stdin>']);
    expect(out[0]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['duplicate-key', 4, 1]]);
    // JSON (with a comment: sniffed JSON is read leniently, like .jsonc).
    const json = parseJsonOutput(runCli(['-', '-f', 'json'], { cwd: dir, input: `// spec\n${DUP_SPEC}` }));
    expect(json[0]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['duplicate-key', 5, 3]]);
    const stylish = runCli(['-'], { cwd: dir, input: DUP_SPEC });
    expect(stylish.stdout).toBe(`\n<stdin>\n  4:3  error  ${DUP_MESSAGE}  duplicate-key\n\n✖ 1 problem (1 error, 0 warnings)\n`);
    const sarif = parseSarif(runCli(['-', '-f', 'sarif'], { cwd: dir, input: DUP_SPEC }).stdout);
    expect(sarif.runs[0]!.artifacts).toEqual([{ location: { uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' } }]);
    expect(runCli(['-'], { cwd: dir, input: CLEAN_SPEC })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('configuration', () => {
  it('a .acklint.yaml above the file turns a rule off or to warning', () => {
    const dir = fixtureDir({
      'warn/.acklint.yaml': 'rules:\n  duplicate-key: warning\n',
      'warn/deep/er/dup.json': DUP_SPEC,
      'off/.acklint.yml': 'rules:\n  duplicate-key: "off"\n',
      'off/dup.json': DUP_SPEC,
      'none/dup.json': DUP_SPEC,
    });
    const warn = parseJsonOutput(runCli(['warn/deep/er/dup.json', '-f', 'json'], { cwd: dir }));
    expect(warn[0]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([['duplicate-key', 'warning']]);
    expect(runCli(['warn/deep/er/dup.json'], { cwd: dir }).code).toBe(0);
    expect(runCli(['off/dup.json'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(runCli(['none/dup.json'], { cwd: dir }).code).toBe(1);
    // Each file gets its own nearest config, in one run.
    const all = parseJsonOutput(runCli(['.', '-f', 'json'], { cwd: dir }));
    expect(all.map((f) => [f.filePath, f.messages.map((m) => m.severity)])).toEqual([
      ['none/dup.json', ['error']],
      ['off/dup.json', []],
      ['warn/deep/er/dup.json', ['warning']],
    ]);
    // SARIF of a run with per-file configs lists the rule, enabled for some files.
    const sarif = parseSarif(runCli(['.', '-f', 'sarif'], { cwd: dir }).stdout);
    expect(sarif.runs[0]!.results.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.level])).toEqual([
      ['none/dup.json', 'error'],
      ['warn/deep/er/dup.json', 'warning'],
    ]);
  });

  it('--config FILE overrides the nearest config, and --rule wins over both', () => {
    const dir = fixtureDir({
      '.acklint.yaml': 'rules:\n  duplicate-key: warning\n',
      'strict.json': '{ "rules": { "duplicate-key": "error", "syntax-error": "off" } }',
      'dup.json': DUP_SPEC,
      'bad.json': SYNTAX_SPEC,
    });
    const sev = (args: string[]) => parseJsonOutput(runCli([...args, '-f', 'json'], { cwd: dir })).map((f) => [f.filePath, f.messages.map((m) => m.severity)]);
    expect(sev(['dup.json', 'bad.json'])).toEqual([
      ['bad.json', ['error']],
      ['dup.json', ['warning']],
    ]);
    expect(sev(['dup.json', 'bad.json', '--config', 'strict.json'])).toEqual([
      ['bad.json', []],
      ['dup.json', ['error']],
    ]);
    expect(sev(['dup.json', 'bad.json', '-c', 'strict.json', '--rule', 'duplicate-key=info', '--rule', 'syntax-error=warning'])).toEqual([
      ['bad.json', ['warning']],
      ['dup.json', ['info']],
    ]);
    expect(sev(['dup.json', '--rule', 'duplicate-key=off'])).toEqual([['dup.json', []]]);
    expect(runCli(['dup.json', '--rule', 'duplicate-key=error'], { cwd: dir }).code).toBe(1);
    // --list-rules shows the levels the config gives.
    const rows = JSON.parse(runCli(['--list-rules', '-f', 'json'], { cwd: dir }).stdout) as { id: string; severity: string }[];
    expect(rows.find((r) => r.id === 'duplicate-key')!.severity).toBe('warning');
  });
});

describe('large runs', () => {
  it('share the files with worker threads and print exactly what one thread prints', () => {
    const tree: Record<string, string> = { '.acklint.yaml': 'rules:\n  plaintext-login-password: off\n' };
    for (let i = 0; i < 9; i++) tree[`specs/clean-${i}.json`] = CLEAN_SPEC;
    tree['specs/dup.json'] = DUP_SPEC;
    tree['specs/syntax.json'] = SYNTAX_SPEC;
    tree['specs/z-broken.yaml'] = readFileSync(join(repoRoot, 'examples', 'broken.yaml'), 'utf8');
    const dir = fixtureDir(tree);
    for (const format of ['json', 'sarif', 'stylish']) {
      const shared = runCli(['specs', '-f', format], { cwd: dir, env: { ACKLINT_PARALLEL_MIN_FILES: '2', ACKLINT_THREADS: '3', ACKLINT_REPORT_THREADS: '1' } });
      const single = runCli(['specs', '-f', format], { cwd: dir, env: { ACKLINT_THREADS: '1' } });
      expect(shared.stderr).toBe('acklint: 2 worker thread(s)\n');
      expect(shared.code).toBe(1);
      expect(single.code).toBe(1);
      expect(shared.stdout).toBe(single.stdout);
    }
    // The config next to the specs applies in the workers too (broken.yaml, the last file, is in a worker's share and
    // has a plaintext password).
    expect(runCli(['specs', '-f', 'json'], { cwd: dir, env: { ACKLINT_PARALLEL_MIN_FILES: '2', ACKLINT_THREADS: '3' } }).stdout).not.toContain('plaintext-login-password');
    expect(runCli(['examples/broken.yaml', '-f', 'json']).stdout).toContain('plaintext-login-password');
  });
});

describe('directory scan', () => {
  const tree = {
    'b/spec.yaml': 'cluster_type: ExternalKubernetes\nregion_id: cn-hangzhou\nname: a\nname: b\n',
    'a.json': DUP_SPEC,
    'clean.json': CLEAN_SPEC,
    'package.json': '{ "name": "x", "name": "y", "version": "1.0.0" }',
    'tsconfig.json': '{ // comment\n "compilerOptions": {}, }',
    'broken.yaml': 'a: [1, 2\nb: : :\n',
    'mentions.yaml': 'description: this file mentions cluster_type but is not a spec\nx: 1\nx: 2\n',
    'ros.yaml': ROS_TEMPLATE.replace('Name: demo', 'Name: demo\n      ClusterType: cluster_type'),
    'README.md': '# cluster_type\n',
    'node_modules/pkg/spec.json': SYNTAX_SPEC,
    '.git/spec.json': SYNTAX_SPEC,
    'sub/node_modules/spec.json': SYNTAX_SPEC,
    'named/no-type.json': '{ "name": "x", "name": "y" }',
    '.acklint.yaml': 'files:\n  - "named/*.json"\n',
    'Z/upper.json': DUP_SPEC,
  };

  it('lints only CreateCluster bodies and files named in the config, skipping node_modules and .git, in path order', () => {
    const dir = fixtureDir(tree);
    const r = runCli(['.', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = parseJsonOutput(r);
    const expected = [
      ['a.json', ['duplicate-key']],
      ['b/spec.yaml', ['duplicate-key']],
      ['clean.json', []],
      // Named in the config, so linted as a request: it lacks cluster_type and region_id.
      ['named/no-type.json', ['missing-field', 'missing-field', 'network-plugin-implicit', 'zone-ids-required', 'duplicate-key']],
      ['Z/upper.json', ['duplicate-key']],
    ];
    expect(out.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual(expected);
    // The same from another working directory, and when the directory is given by absolute path.
    const fromParent = parseJsonOutput(runCli([dir, '-f', 'json'], { cwd: tmp }));
    expect(fromParent.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual(
      expected.map(([p, ids]) => [`${dir.slice(tmp.length + 1)}/${p as string}`, ids]),
    );
    // Stable across runs.
    expect(runCli(['.', '-f', 'json'], { cwd: dir }).stdout).toBe(r.stdout);
    const sarif = parseSarif(runCli(['.', '-f', 'sarif'], { cwd: dir }).stdout);
    expect(sarif.runs[0]!.artifacts.map((a) => a.location.uri)).toEqual(expected.map(([p]) => p));
  });

  it('always lints a file named explicitly', () => {
    const dir = fixtureDir(tree);
    const out = parseJsonOutput(runCli(['package.json', 'ros.yaml', 'node_modules/pkg/spec.json', '.', '-f', 'json'], { cwd: dir }));
    expect(out.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual([
      ['a.json', ['duplicate-key']],
      ['b/spec.yaml', ['duplicate-key']],
      ['clean.json', []],
      ['named/no-type.json', ['missing-field', 'missing-field', 'network-plugin-implicit', 'zone-ids-required', 'duplicate-key']],
      ['node_modules/pkg/spec.json', ['syntax-error']],
      // Named explicitly, so linted as a request: no cluster_type or region_id, and "version" is no request field.
      ['package.json', ['missing-field', 'missing-field', 'network-plugin-implicit', 'zone-ids-required', 'duplicate-key', 'unknown-field']],
      ['ros.yaml', ['unsupported-document']],
      ['Z/upper.json', ['duplicate-key']],
    ]);
  });

  it('reports a file over the size limit without reading it whole; a scan reports it only if it mentions cluster_type', () => {
    const big = `{"cluster_type": "ManagedKubernetes", "pad": "${'x'.repeat(3000)}"}`;
    const dir = fixtureDir({ 'specs/big.json': big, 'data/big.json': `{"pad": "${'x'.repeat(3000)}"}` });
    const explicit = parseJsonOutput(runCli(['data/big.json', '--max-file-size', '2KiB', '-f', 'json'], { cwd: dir }));
    expect(explicit.map((f) => f.messages.map((m) => [m.ruleId, m.message]))).toEqual([
      [['input-limit', 'The file is 2.9 KiB, over the 2 KiB limit (maxFileSize); it was not analysed.']],
    ]);
    const scan = parseJsonOutput(runCli(['.', '--max-file-size', '2KiB', '-f', 'json'], { cwd: dir }));
    expect(scan.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)])).toEqual([['specs/big.json', ['input-limit']]]);
  });

  it('reads a file larger than its first read whole, and reports the size of one over the limit past it', () => {
    const pad = 'x'.repeat(150_000);
    const dir = fixtureDir({
      'large.json': `{"cluster_type": "ManagedKubernetes", "region_id": "cn-hangzhou", "pad": "${pad}", "name": "bad name"}`,
      'huge.json': `{"pad": "${pad}${pad}"}`,
    });
    const out = parseJsonOutput(runCli(['large.json', 'huge.json', '--max-file-size', '200KiB', '-f', 'json'], { cwd: dir }));
    const of = (name: string) => out.find((f) => f.filePath === name)!.messages;
    expect(of('large.json').map((m) => m.ruleId)).toContain('cluster-name-format');
    expect(of('large.json').map((m) => m.ruleId)).not.toContain('syntax-error');
    expect(of('huge.json').map((m) => m.message)).toEqual(['The file is 293.0 KiB, over the 200 KiB limit (maxFileSize); it was not analysed.']);
  });

  it('a file named twice (directly and by the scan) is reported once', () => {
    const dir = fixtureDir(tree);
    const out = parseJsonOutput(runCli(['a.json', '.', 'a.json', '-f', 'json'], { cwd: dir }));
    expect(out.filter((f) => f.filePath === 'a.json')).toHaveLength(1);
  });
});

describe('secrets', () => {
  const SECRET = 'S3cret-Value!';
  const json = CLEAN_SPEC.replace('"name": "prod-hangzhou-1",', `"name": "prod-hangzhou-1",\n  "login_password": "${SECRET}",\n  "login_password": "${SECRET}",`)
    .replace('"key_pair": "ops-keypair"', `"key_pair": "ops-keypair",\n        "login_password": "${SECRET}" "oops"`)
    .replace('"region_id": "cn-hangzhou"', '"region_id": cn-hangzhou');
  const yaml = `cluster_type: ManagedKubernetes
name: demo
login_password: ${SECRET}
login_password: "${SECRET}"
nodepools:
  - scaling_group:
      login_password: '${SECRET}'
      key_pair: k
      key_pair: k2
worker_data_disks: [
`;

  it('the test specs produce findings next to the password', () => {
    const dir = fixtureDir({ 'spec.json': json, 'spec.yaml': yaml });
    const out = parseJsonOutput(runCli(['spec.json', 'spec.yaml', '-f', 'json'], { cwd: dir }));
    expect(out.every((f) => f.messages.length >= 2)).toBe(true);
    expect(json.split(SECRET)).toHaveLength(4);
    expect(yaml.split(SECRET)).toHaveLength(4);
  });

  it('never prints a login_password value, in any format', () => {
    const dir = fixtureDir({ 'spec.json': json, 'spec.yaml': yaml, 'sub/spec.jsonc': json });
    for (const format of ['stylish', 'json', 'sarif']) {
      for (const args of [['spec.json'], ['spec.yaml'], ['.'], ['spec.json', '--debug'], ['spec.yaml', '--color']]) {
        const r = runCli([...args, '-f', format], { cwd: dir });
        expect(r.code, `${format} ${args.join(' ')}`).toBe(1);
        if (format === 'sarif') parseSarif(r.stdout);
        expect(r.stdout).not.toContain(SECRET);
        expect(r.stderr).not.toContain(SECRET);
        expect(r.stdout).not.toContain('S3cret');
      }
      for (const [name, input] of [['x.yaml', yaml], ['x.json', json]] as const) {
        for (const stdinArgs of [['--stdin-filename', name], []]) {
          const r = runCli(['-', ...stdinArgs, '-f', format], { cwd: dir, input });
          expect(r.code).toBe(1);
          if (format === 'sarif') parseSarif(r.stdout);
          expect(r.stdout + r.stderr).not.toContain(SECRET);
        }
      }
      const out = join(dir, `out.${format}`);
      runCli(['.', '-f', format, '-o', out], { cwd: dir });
      const written = readFileSync(out, 'utf8');
      if (format === 'sarif') parseSarif(written);
      expect(written).not.toContain(SECRET);
    }
  });
});

describe('the API reference sample request', () => {
  /** The body of "Sample requests": the lines between `<Common request headers>` and "Sample success responses". */
  function extractSample(): string {
    const ref = readFileSync(join(referenceDir, 'CreateCluster-API-reference.txt'), 'utf8').split('\n');
    const samples = ref.indexOf('Sample requests');
    expect(samples).toBeGreaterThan(0);
    const start = ref.findIndex((l, i) => i > samples && l.trim() === '<Common request headers>');
    const end = ref.findIndex((l, i) => i > start && l.trim() === 'Sample success responses');
    expect(start).toBeGreaterThan(samples);
    expect(end).toBeGreaterThan(start);
    return ref.slice(start + 1, end).join('\n');
  }

  const sample = extractSample();
  const LB_LINE = 22;

  it('is the body we expect, with the unquoted slb.s2.small on line 22', () => {
    const bodyLines = sample.split('\n');
    expect(bodyLines[0]).toBe('{');
    expect(bodyLines[LB_LINE - 1]).toBe('    "load_balancer_spec":slb.s2.small,   ');
    expect(bodyLines.filter((l) => l.includes('slb.s2.small'))).toHaveLength(1);
    expect(sample).toContain('"login_password" : "Hello1234"');
  });

  const lintSample = (format: string) => {
    const dir = fixtureDir({ 'sample.jsonc': sample });
    return { dir, r: runCli(['sample.jsonc', '-f', format], { cwd: dir }) };
  };

  it('has exactly one syntax error, on the slb.s2.small line', () => {
    const { r } = lintSample('json');
    expect(r.code).toBe(1);
    const msgs = parseJsonOutput(r)[0]!.messages;
    expect(msgs.filter((m) => m.ruleId === 'syntax-error')).toEqual([
      expect.objectContaining({ severity: 'error', message: UNQUOTED_MESSAGE, line: LB_LINE, column: 26, endLine: LB_LINE, endColumn: 38 }),
    ]);
    expect(msgs.filter((m) => m.ruleId === 'internal-error')).toEqual([]);
    for (const m of msgs) {
      expect(m.line).toBeGreaterThanOrEqual(1);
      expect(m.endLine).toBeLessThanOrEqual(sample.split('\n').length);
    }
  });

  it('reports cluster-name-format before the slb.s2.small line', () => {
    const msgs = parseJsonOutput(lintSample('json').r)[0]!.messages;
    const found = msgs.filter((m) => m.ruleId === 'cluster-name-format');
    expect(found.length).toBeGreaterThan(0);
    // "managed Kubernetes cluster" (line 2) has spaces.
    expect(found.every((m) => m.line < LB_LINE)).toBe(true);
    expect(found.map((m) => m.line)).toContain(2);
  });

  it('reports login-credentials after the slb.s2.small line', () => {
    const msgs = parseJsonOutput(lintSample('json').r)[0]!.messages;
    const found = msgs.filter((m) => m.ruleId === 'login-credentials');
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((m) => m.line > LB_LINE)).toBe(true);
  });

  it('never shows the sample password Hello1234, in any format', () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      const { r } = lintSample(format);
      expect(r.code).toBe(1);
      if (format === 'sarif') {
        const log = parseSarif(r.stdout);
        expect(log.runs[0]!.results.filter((x) => x.ruleId === 'syntax-error').map((x) => x.locations[0]!.physicalLocation.region)).toEqual([
          { startLine: LB_LINE, startColumn: 26, endLine: LB_LINE, endColumn: 38 },
        ]);
      }
      if (format === 'stylish') expect(r.stdout).toContain(`\n  ${LB_LINE}:26 `);
      expect(r.stdout).not.toContain('Hello1234');
      expect(r.stderr).not.toContain('Hello1234');
    }
    const r = runCli(['-', '--stdin-filename', 'sample.jsonc', '-f', 'sarif'], { cwd: tmp, input: sample });
    parseSarif(r.stdout);
    expect(r.stdout + r.stderr).not.toContain('Hello1234');
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the examples', () => {
  it('`acklint --format sarif examples/*` writes valid SARIF, exits 1 for the broken spec and 0 for the valid one', () => {
    const both = runCli(['--format', 'sarif', 'examples/broken.yaml', 'examples/valid.json'], { cwd: repoRoot });
    expect(both.code).toBe(1);
    const log = parseSarif(both.stdout);
    const results = log.runs[0]!.results;
    expect(new Set(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual(new Set(['examples/broken.yaml']));
    expect(results.map((r) => r.ruleId).sort()).toEqual(
      [
        'cluster-name-format',
        'encryption-key-requires-pro',
        'login-credentials',
        'pod-service-cidr-overlap',
        'prepaid-period',
        'network-plugin-implicit',
        'prepaid-api-server-load-balancer',
        'plaintext-login-password',
        // charge_type, period and period_unit at the top level
        'deprecated-field',
        'deprecated-field',
        'deprecated-field',
        // Best practice (info)
        'cluster-spec-not-pro',
        'deletion-protection-disabled',
        'disk-encryption-disabled',
        'log-addon-missing',
        'node-zones-fewer-than-3',
        'nodepool-auto-repair-disabled',
        'rrsa-disabled',
      ].sort(),
    );
    const valid = runCli(['--format', 'sarif', 'examples/valid.json'], { cwd: repoRoot });
    expect(valid.code).toBe(0);
    expect(parseSarif(valid.stdout).runs[0]!.results).toEqual([]);
  });
});

describe('start-up', () => {
  it('reads the usual command line without parseArgs, as parseArgs reads it, and leaves the rest to parseArgs', () => {
    const usual = [[], ['spec.yaml'], ['--no-color', 'a.json', 'b.yaml'], ['--quiet', '--cache', '--fix', 'dir/'], ['--debug', '--list-rules'], ['x', '--version', '--help'], ['--color', '--color']];
    for (const argv of usual) {
      const plain = plainArgs(argv);
      expect(plain, argv.join(' ')).toBeDefined();
      expect({ ...plain!.values }).toEqual({ ...parseCommandLine(argv).values });
      expect(plain!.positionals).toEqual(parseCommandLine(argv).positionals);
    }
    for (const argv of [['-q', 'a'], ['--format', 'json', 'a'], ['--format=json'], ['--', '-a'], ['-'], [''], ['--nope'], ['--no-color=1'], ['--rule', 'x:off'], ['--toString'], ['--__proto__']]) {
      expect(plainArgs(argv), argv.join(' ')).toBeUndefined();
    }
  });

  /** A spec with a tag, which acklint's own reader of plain YAML leaves to the yaml library. */
  const tagged = () => join(writeTree({ 'tagged.yaml': 'name: !!str bad name\nregion_id: cn-hangzhou\ncluster_type: ManagedKubernetes\n' }), 'tagged.yaml');

  it('the launcher compiles every bundle it loads with the code cache written by the build', () => {
    const r = runCli(['-f', 'sarif', 'examples/', tagged()], { cwd: repoRoot, env: { ACKLINT_REPORT_CODE_CACHE: '1' } });
    expect(r.code).toBe(1);
    expect(lines(r.stderr).sort()).toEqual([
      'acklint: code cache accepted for acklint.cjs',
      'acklint: code cache accepted for sarif.cjs',
      'acklint: code cache accepted for yaml.cjs',
    ]);
  });

  it('reads plain YAML without loading the yaml library, and loads it for YAML that needs it', () => {
    const plain = runCli(['examples/broken.yaml'], { cwd: repoRoot, env: { ACKLINT_REPORT_CODE_CACHE: '1' } });
    expect(plain.code).toBe(1);
    expect(lines(plain.stderr)).toEqual(['acklint: code cache accepted for acklint.cjs']);
    const withTag = runCli(['--format', 'json', tagged()], { env: { ACKLINT_REPORT_CODE_CACHE: '1' } });
    expect(lines(withTag.stderr).sort()).toEqual(['acklint: code cache accepted for acklint.cjs', 'acklint: code cache accepted for yaml.cjs']);
    expect(JSON.parse(withTag.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('cluster-name-format');
  });

  it('a run of many files, which sets a V8 flag once it knows the files, still takes the caches of the main bundle and the YAML parser', () => {
    const dir = writeTree(Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`spec-${i}.${i % 2 ? 'yaml' : 'json'}`, readFileSync(join(repoRoot, i % 2 ? 'examples/broken.yaml' : 'examples/valid.json'), 'utf8')])));
    const r = runCli(['--format', 'json', dir], { env: { ACKLINT_REPORT_CODE_CACHE: '1' } });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toHaveLength(120);
    expect(lines(r.stderr).sort()).toEqual(['acklint: code cache accepted for acklint.cjs', 'acklint: code cache accepted for yaml.cjs']);
  });
});
