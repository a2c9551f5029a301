import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, ConfigResolver, DEFAULT_LIMITS, configNamesFile, findConfigFile, loadConfigFile, parseSize, settingsForFile } from '@acklint/core';

const KNOWN = new Set(['syntax-error', 'duplicate-key', 'input-limit']);
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'acklint-config-'));
  mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
  writeFileSync(join(root, '.acklint.yaml'), 'rules:\n  syntax-error: warning\n');
  writeFileSync(join(root, 'a', 'b', '.acklint.json'), '{ "rules": { "duplicate-key": "off" }, "maxFileSize": "1KiB" }\n');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Write `text` as a config file of its own directory and return the error loading it throws. */
async function loadError(name: string, text: string): Promise<ConfigError> {
  const dir = mkdtempSync(join(root, 'case-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  const err = await loadConfigFile(path, KNOWN).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigError);
  return err as ConfigError;
}

describe('findConfigFile', () => {
  it('finds the nearest config walking up', () => {
    expect(findConfigFile(join(root, 'a', 'b', 'c'))).toBe(join(root, 'a', 'b', '.acklint.json'));
    expect(findConfigFile(join(root, 'a', 'b'))).toBe(join(root, 'a', 'b', '.acklint.json'));
    expect(findConfigFile(join(root, 'a'))).toBe(join(root, '.acklint.yaml'));
    expect(findConfigFile(root)).toBe(join(root, '.acklint.yaml'));
  });
});

describe('loadConfigFile', () => {
  it('reads a YAML config', async () => {
    const config = await loadConfigFile(join(root, '.acklint.yaml'), KNOWN);
    expect(config).toEqual({
      path: join(root, '.acklint.yaml'),
      rules: { 'syntax-error': 'warning' },
      files: [],
      maxFileSize: DEFAULT_LIMITS.maxFileSize,
      inventory: [],
      root: false,
      sources: [join(root, '.acklint.yaml')],
      fileSets: [],
      overrides: [],
      suppressions: {},
    });
  });

  it('reads a JSON config with a size', async () => {
    const config = await loadConfigFile(join(root, 'a', 'b', '.acklint.json'), KNOWN);
    expect(config.rules).toEqual({ 'duplicate-key': 'off' });
    expect(config.maxFileSize).toBe(1024);
  });

  it('reads maxFileSize: 10MiB as 10485760 bytes', async () => {
    const dir = mkdtempSync(join(root, 'size-'));
    writeFileSync(join(dir, '.acklint.yaml'), 'maxFileSize: 10MiB\n');
    expect((await loadConfigFile(join(dir, '.acklint.yaml'), KNOWN)).maxFileSize).toBe(10_485_760);
  });

  it('rejects an unknown rule id with its position and a suggestion', async () => {
    const err = await loadError('.acklint.yaml', 'rules:\n  syntax-error: warning\n  duplicate-kye: off\n');
    expect(err.message).toMatch(/[\\/]\.acklint\.yaml:3:3: unknown rule "duplicate-kye" \(did you mean "duplicate-key"\?\)$/);
  });

  it('gives no suggestion for an id like no known rule', async () => {
    const err = await loadError('.acklint.json', '{"rules": {"zzzzzzzzzzzz": "off"}}');
    expect(err.message).toMatch(/\.acklint\.json:1:12: unknown rule "zzzzzzzzzzzz"$/);
  });

  it('rejects a bad severity at the value', async () => {
    const err = await loadError('.acklint.yaml', 'rules:\n  syntax-error: loud\n');
    expect(err.message).toMatch(/\.acklint\.yaml:2:17: rules\.syntax-error must be one of off, info, warning, error$/);
  });

  it('rejects an unknown top-level key', async () => {
    const err = await loadError('.acklint.yaml', 'rules: {}\nrulez:\n  syntax-error: off\n');
    expect(err.message).toMatch(/\.acklint\.yaml:2:1: the config has an unknown key "rulez"; allowed keys are rules, files, inventory, maxFileSize, root, extends, overrides, suppressions, policies$/);
  });

  it('rejects invalid YAML with the position of the error', async () => {
    const err = await loadError('.acklint.yaml', 'rules:\n\tsyntax-error: off\n');
    expect(err.message).toMatch(/\.acklint\.yaml:2:1: A tab is used for indentation here, and YAML allows only spaces there\. Replace the tab with spaces\.$/);
  });

  it('rejects invalid JSON with the position of the error', async () => {
    const err = await loadError('.acklint.json', '{\n  "rules": {\n    "syntax-error": off\n  }\n}\n');
    expect(err.message).toMatch(/\.acklint\.json:3:21: Unquoted text where a value belongs: JSON strings must be in double quotes\. Quote the value\.$/);
  });

  it('reports a missing file as a ConfigError', async () => {
    await expect(loadConfigFile(join(root, 'nope.yaml'))).rejects.toThrow(/cannot read config .*nope\.yaml: ENOENT/);
  });
});

describe('ConfigResolver', () => {
  it('resolves and caches the config of each directory', async () => {
    const resolver = new ConfigResolver(KNOWN);
    const deep = await resolver.forFile(join(root, 'a', 'b', 'c', 'spec.json'));
    expect(deep.path).toBe(join(root, 'a', 'b', '.acklint.json'));
    // The nearer config applies over its parent directory's (the cascade).
    expect(deep.rules).toEqual({ 'syntax-error': 'warning', 'duplicate-key': 'off' });
    expect(deep.sources).toEqual([join(root, '.acklint.yaml'), join(root, 'a', 'b', '.acklint.json')]);
    expect(await resolver.forFile(join(root, 'a', 'b', 'other.yaml'))).toBe(deep);
    const top = await resolver.forFile(join(root, 'a', 'spec.json'));
    expect(top.path).toBe(join(root, '.acklint.yaml'));
  });
});

describe('parseSize', () => {
  it.each([
    ['10MiB', 10_485_760],
    ['512 KiB', 524_288],
    ['1GiB', 1_073_741_824],
    ['1.5KB', 1500],
    ['2MB', 2_000_000],
    ['1000', 1000],
    ['7B', 7],
    [4096, 4096],
  ] as const)('%j is %d bytes', (input, bytes) => {
    expect(parseSize(input)).toBe(bytes);
  });

  it.each(['10XB', 'ten MiB', '', '-1'])('rejects %j', (input) => {
    expect(() => parseSize(input)).toThrow(ConfigError);
  });
});

describe('cascade, extends, presets and overrides', () => {
  const RULES = [
    { id: 'syntax-error', category: 'input' },
    { id: 'duplicate-key', category: 'input' },
    { id: 'public-api-endpoint', category: 'security' },
  ];
  /** A fresh tree of config files: { 'a/.acklint.yaml': '...' }. */
  const tree = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(root, 'tree-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };

  it('a nested config extends its parent unless it says root: true', async () => {
    const dir = tree({
      '.acklint.yaml': 'rules:\n  syntax-error: warning\n  duplicate-key: info\nmaxFileSize: 1KiB\nsuppressions:\n  requireReason: true\n',
      'team/.acklint.yaml': 'rules:\n  duplicate-key: off\n',
      'other/.acklint.json': '{ "root": true, "rules": { "duplicate-key": "error" } }',
    });
    const resolver = new ConfigResolver(RULES);
    const team = await resolver.forFile(join(dir, 'team', 'x', 'spec.yaml'));
    expect(team.rules).toEqual({ 'syntax-error': 'warning', 'duplicate-key': 'off' });
    expect(team.maxFileSize).toBe(1024);
    expect(team.suppressions).toEqual({ requireReason: true });
    expect(team.path).toBe(join(dir, 'team', '.acklint.yaml'));
    const other = await resolver.forFile(join(dir, 'other', 'spec.json'));
    expect(other.rules).toEqual({ 'duplicate-key': 'error' });
    expect(other.maxFileSize).toBe(DEFAULT_LIMITS.maxFileSize);
    expect(other.sources).toEqual([join(dir, 'other', '.acklint.json')]);
  });

  it('extends presets and files, in order, before its own settings', async () => {
    const dir = tree({
      'base.yaml': 'rules:\n  syntax-error: info\n',
      'cfg/.acklint.yaml': 'root: true\nextends: [acklint:strict, ../base.yaml]\nrules:\n  duplicate-key: warning\n',
    });
    const config = await new ConfigResolver(RULES).forDirectory(join(dir, 'cfg'));
    // strict: every rule an error, security rules warnings; then base.yaml; then the file itself.
    expect(config.rules).toEqual({ 'syntax-error': 'info', 'duplicate-key': 'warning', 'public-api-endpoint': 'warning' });
    expect(config.sources).toEqual([join(dir, 'base.yaml'), join(dir, 'cfg', '.acklint.yaml')]);
    const recommended = tree({ '.acklint.yaml': 'root: true\nextends: acklint:recommended\n' });
    expect((await new ConfigResolver(RULES).forDirectory(recommended)).rules).toEqual({});
  });

  it('rejects an unknown preset, a missing file and a cycle, with positions', async () => {
    const dir = tree({
      'p/.acklint.yaml': 'extends: [acklint:strct]\n',
      'm/.acklint.yaml': 'extends: ./nope.yaml\n',
      'c/.acklint.yaml': 'extends: ./b.yaml\n',
      'c/b.yaml': 'extends: ./.acklint.yaml\n',
    });
    const fail = (sub: string) => new ConfigResolver(RULES).forDirectory(join(dir, sub)).then(() => undefined, (e: Error) => e.message);
    expect(await fail('p')).toBe(`${join(dir, 'p', '.acklint.yaml')}:1:11: unknown preset "acklint:strct" (did you mean "acklint:strict"?); use one of acklint:recommended, acklint:strict or a config file path`);
    expect(await fail('m')).toBe(`${join(dir, 'm', '.acklint.yaml')}:1:10: extends "./nope.yaml", which does not exist`);
    expect(await fail('c')).toMatch(/extends itself/);
  });

  it('overrides apply per file glob, and at JSON pointers', async () => {
    const dir = tree({
      '.acklint.yaml': [
        'root: true',
        'overrides:',
        '  - files: ["legacy/**/*.json"]',
        '    rules: { duplicate-key: off }',
        '  - files: ["prod/*.json#/nodepools/0"]',
        '    rules: { syntax-error: off }',
        '    reason: ticket 42',
        '',
      ].join('\n'),
    });
    const config = await new ConfigResolver(RULES).forDirectory(dir);
    expect(settingsForFile(config, join(dir, 'legacy', 'a', 'x.json')).severities).toEqual({ 'duplicate-key': 'off' });
    expect(settingsForFile(config, join(dir, 'x.json')).severities).toEqual({});
    expect(settingsForFile(config, join(dir, 'prod', 'p.json')).pointerOverrides).toEqual([{ pointer: '/nodepools/0', rules: { 'syntax-error': 'off' }, reason: 'ticket 42' }]);
  });

  it('rejects an unknown rule inside overrides', async () => {
    const err = await loadError('.acklint.yaml', 'overrides:\n  - files: [a.json]\n    rules: { duplicat-key: off }\n');
    expect(err.message).toMatch(/\.acklint\.yaml:3:14: unknown rule "duplicat-key" \(did you mean "duplicate-key"\?\)$/);
  });

  it('names files for a directory scan through the files globs of the whole chain', async () => {
    const dir = tree({ '.acklint.yaml': 'files: ["specs/*.yaml"]\n', 'sub/.acklint.yaml': 'files: ["*.json"]\n' });
    const config = await new ConfigResolver(RULES).forDirectory(join(dir, 'sub'));
    expect(configNamesFile(config, join(dir, 'specs', 'a.yaml'))).toBe(true);
    expect(configNamesFile(config, join(dir, 'sub', 'b.json'))).toBe(true);
    expect(configNamesFile(config, join(dir, 'b.json'))).toBe(false);
  });
});
