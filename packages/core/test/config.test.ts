import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, ConfigResolver, DEFAULT_LIMITS, findConfigFile, loadConfigFile, parseSize } from '@acklint/core';

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
    expect(config).toEqual({ path: join(root, '.acklint.yaml'), rules: { 'syntax-error': 'warning' }, files: [], maxFileSize: DEFAULT_LIMITS.maxFileSize, inventory: [] });
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
    expect(err.message).toMatch(/\.acklint\.yaml:2:1: the config has an unknown key "rulez"; allowed keys are rules, files, inventory, maxFileSize, policies$/);
  });

  it('rejects invalid YAML with the position of the error', async () => {
    const err = await loadError('.acklint.yaml', 'rules:\n\tsyntax-error: off\n');
    expect(err.message).toMatch(/\.acklint\.yaml:2:1: Tabs are not allowed for indentation in YAML; use spaces\.$/);
  });

  it('rejects invalid JSON with the position of the error', async () => {
    const err = await loadError('.acklint.json', '{\n  "rules": {\n    "syntax-error": off\n  }\n}\n');
    expect(err.message).toMatch(/\.acklint\.json:3:21: Unquoted text where a value belongs: JSON strings must be in double quotes\.$/);
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
    expect(deep.rules).toEqual({ 'duplicate-key': 'off' });
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
