/**
 * `--cache`: a second run reports the stored findings of unchanged files, the same output as without the cache; a
 * change of the file, the config or the inventory re-lints it; a broken or foreign cache file is ignored and rebuilt.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, repoRoot, runCli } from './support/cli.js';

const BROKEN = join(repoRoot, 'examples', 'broken.yaml');
const VALID = join(repoRoot, 'examples', 'valid.json');

/** A directory with the two examples and a cache location in it. */
function setUp() {
  const dir = makeTempDir('acklint-cache-');
  copyFileSync(BROKEN, join(dir, 'broken.yaml'));
  copyFileSync(VALID, join(dir, 'valid.json'));
  return { dir, cache: join(dir, 'lint.cache') };
}

type CacheData = { format: string; entries: Record<string, { key: string; diagnostics?: Array<{ message: string }> }> };
const readCache = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheData;

/** Put a marker into the stored findings of broken.yaml: it shows in the output only if the cache is used. */
function plantMarker(cache: string, dir: string): void {
  const data = readCache(cache);
  data.entries[join(dir, 'broken.yaml')]!.diagnostics![0]!.message = 'FROM THE CACHE';
  writeFileSync(cache, JSON.stringify(data));
}

describe('--cache', () => {
  it('gives the same output, exit code and formats as a run without it, cold and warm', () => {
    const { dir, cache } = setUp();
    for (const format of ['stylish', 'json', 'sarif']) {
      const plain = runCli(['--format', format, '.'], { cwd: dir });
      const cold = runCli(['--cache', '--cache-location', cache, '--format', format, '.'], { cwd: dir });
      const warm = runCli(['--cache', '--cache-location', cache, '--format', format, '.'], { cwd: dir });
      expect(plain.code).toBe(1);
      expect([cold.code, cold.stdout, cold.stderr]).toEqual([plain.code, plain.stdout, plain.stderr]);
      expect([warm.code, warm.stdout, warm.stderr]).toEqual([plain.code, plain.stdout, plain.stderr]);
    }
    expect(readCache(cache).format).toBe('acklint-cache/1');
  });

  it('reports the stored findings of an unchanged file, and re-lints it when the file changes', () => {
    const { dir, cache } = setUp();
    runCli(['--cache', '--cache-location', cache, '.'], { cwd: dir });
    plantMarker(cache, dir);
    expect(runCli(['--cache', '--cache-location', cache, '.'], { cwd: dir }).stdout).toContain('FROM THE CACHE');
    writeFileSync(join(dir, 'broken.yaml'), `${readFileSync(BROKEN, 'utf8')}\n`);
    const after = runCli(['--cache', '--cache-location', cache, '.'], { cwd: dir });
    expect(after.stdout).not.toContain('FROM THE CACHE');
    expect(after.code).toBe(1);
  });

  it('re-lints when the config, a --rule flag or an inventory file changes', () => {
    const { dir, cache } = setUp();
    const changes: Array<[string[], () => void]> = [
      [['--rule', 'cluster-name-format=off'], () => {}],
      [[], () => writeFileSync(join(dir, '.acklint.yaml'), 'rules:\n  deletion-protection-disabled: off\n')],
      [['--inventory', join(dir, 'vpcs.json')], () => writeFileSync(join(dir, 'vpcs.json'), '{"Vpcs": {"Vpc": []}}')],
    ];
    writeFileSync(join(dir, 'vpcs.json'), '{"Vpcs": {"Vpc": [{"VpcId": "vpc-x", "CidrBlock": "10.0.0.0/8"}]}}');
    for (const [flags, change] of changes) {
      runCli(['--cache', '--cache-location', cache, ...flags, '.'], { cwd: dir });
      plantMarker(cache, dir);
      expect(runCli(['--cache', '--cache-location', cache, ...flags, '.'], { cwd: dir }).stdout).toContain('FROM THE CACHE');
      change();
      const next = flags.length && flags[0] === '--rule' ? ['--rule', 'cluster-name-format=warning'] : flags;
      expect(runCli(['--cache', '--cache-location', cache, ...next, '.'], { cwd: dir }).stdout).not.toContain('FROM THE CACHE');
    }
  });

  it('re-lints when only the schema of a policy changes', () => {
    const { dir, cache } = setUp();
    const policy = (max: number) =>
      `policies:\n  - id: policy/small-disks\n    severity: error\n    description: System disks stay small.\n    select: nodepools[*].scaling_group\n    schema: {properties: {system_disk_size: {maximum: ${max}}}}\n`;
    writeFileSync(join(dir, '.acklint.yaml'), policy(4096));
    runCli(['--cache', '--cache-location', cache, '.'], { cwd: dir });
    plantMarker(cache, dir);
    expect(runCli(['--cache', '--cache-location', cache, '.'], { cwd: dir }).stdout).toContain('FROM THE CACHE');
    writeFileSync(join(dir, '.acklint.yaml'), policy(20));
    const after = runCli(['--cache', '--cache-location', cache, '.'], { cwd: dir });
    expect(after.stdout).not.toContain('FROM THE CACHE');
    expect(after.stdout).toContain('policy/small-disks');
  });

  it.each([
    ['not JSON', 'garbage{'],
    ['truncated', '{"format":"acklint-cache/1","entr'],
    ['another tool', '{"version": 3, "files": {}}'],
    ['another acklint build', '{"format":"acklint-cache/1","build":"0.0.0:1:1","entries":{}}'],
    ['entries of the wrong shape', '{"format":"acklint-cache/1","build":"0.0.0:1:1","entries":[1,2]}'],
  ])('ignores a cache file that is %s and rebuilds it', (_what, content) => {
    const { dir, cache } = setUp();
    const plain = runCli(['.'], { cwd: dir });
    writeFileSync(cache, content);
    const run = runCli(['--cache', '--cache-location', cache, '.'], { cwd: dir });
    expect([run.code, run.stdout, run.stderr]).toEqual([plain.code, plain.stdout, plain.stderr]);
    expect(readCache(cache).format).toBe('acklint-cache/1');
    expect(Object.keys(readCache(cache).entries).sort()).toEqual([join(dir, 'broken.yaml'), join(dir, 'valid.json')]);
  });

  it('keeps .acklintcache in the working directory by default, and in a directory given as --cache-location', () => {
    const { dir } = setUp();
    runCli(['--cache', '.'], { cwd: dir });
    expect(existsSync(join(dir, '.acklintcache'))).toBe(true);
    const other = makeTempDir('acklint-cache-dir-');
    runCli(['--cache', '--cache-location', other, '.'], { cwd: dir });
    expect(existsSync(join(other, '.acklintcache'))).toBe(true);
  });

  it('does not cache standard input', () => {
    const { dir, cache } = setUp();
    const run = runCli(['--cache', '--cache-location', cache, '--stdin-filename', 'x.yaml', '-'], { cwd: dir, input: readFileSync(BROKEN, 'utf8') });
    expect(run.code).toBe(1);
    expect(existsSync(cache)).toBe(false);
  });
});
