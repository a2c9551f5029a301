/**
 * The published `acklint` package, installed the way users install it: `npm pack` of packages/cli, then
 * `npm install ./acklint-<version>.tgz` into an empty folder with no registry reachable, then `npx acklint` on a spec.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, repoRoot } from '../support/cli.js';
import { installTarball, packTarball } from '../support/package.js';

const version = (JSON.parse(readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string }).version;
const serverBuilt = existsSync(join(repoRoot, 'packages', 'lsp', 'dist', 'acklint-lsp.cjs'));

function listTarball(tgz: string): string[] {
  return execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' }).trim().split('\n').sort();
}

describe('the acklint tarball', () => {
  it('holds the bundles, both bins, the license and the notices of bundled code, and nothing else', () => {
    const tgz = packTarball();
    expect(tgz).toMatch(new RegExp(`acklint-${version.replace(/\./g, '\\.')}\\.tgz$`));
    const files = listTarball(tgz);
    expect(files).toEqual(expect.arrayContaining(['package/package.json', 'package/LICENSE', 'package/README.md', 'package/THIRD_PARTY_NOTICES.md', 'package/bin/acklint.cjs', 'package/bin/acklint-lsp.cjs', 'package/dist/acklint.cjs']));
    for (const f of files) expect(f).toMatch(/^package\/(package\.json|LICENSE|README\.md|THIRD_PARTY_NOTICES\.md|bin\/[a-z-]+\.cjs|dist\/[a-z-]+\.cjs|dist\/lsp\/[\w.-]+\.cjs)$/);
    expect(files.some((f) => f.startsWith('package/dist/lsp/'))).toBe(serverBuilt);
  });

  it('has the size and file count the README states', () => {
    const tgz = packTarball();
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const row = serverBuilt ? 'with the language server' : 'without it';
    const m = new RegExp(`^\\| ${row}[^|]* \\| \\*\\*(\\d+) kB\\*\\* \\| \\*\\*([\\d.]+) MB\\*\\* \\| \\*\\*(\\d+)\\*\\* \\|$`, 'm').exec(readme);
    expect(m, `README: the package size row "${row}"`).not.toBeNull();
    expect(listTarball(tgz).length).toBe(Number(m![3]));
    // Within 5% (the bundles change a little with every rule).
    const kB = statSync(tgz).size / 1000;
    expect(Math.abs(kB - Number(m![1])) / Number(m![1])).toBeLessThan(0.05);
  });

  it('installs with no registry, runs npx acklint on a spec, and has no runtime dependencies', () => {
    const dir = makeTempDir('acklint-install-');
    installTarball(dir, packTarball());
    const installed = join(dir, 'node_modules');
    // The package and nothing else.
    expect(readdirSync(installed).filter((n) => !n.startsWith('.'))).toEqual(['acklint']);
    const pkg = JSON.parse(readFileSync(join(installed, 'acklint', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['dependencies'] ?? {}).toEqual({});
    expect(pkg['private']).toBeUndefined();
    expect(pkg['bin']).toEqual({ acklint: 'bin/acklint.cjs', 'acklint-lsp': 'bin/acklint-lsp.cjs' });

    // Notices name each bundled package with its license text.
    const notices = readFileSync(join(installed, 'acklint', 'THIRD_PARTY_NOTICES.md'), 'utf8');
    for (const name of ['yaml', 'jsonc-parser', 'ip-num', 'ajv']) expect(notices).toMatch(new RegExp(`^## ${name} \\d+\\.\\d+\\.\\d+$`, 'm'));
    expect(notices).toContain('Permission is hereby granted');

    writeFileSync(join(dir, 'cluster.yaml'), readFileSync(join(repoRoot, 'examples', 'broken.yaml')));
    writeFileSync(join(dir, 'valid.json'), readFileSync(join(repoRoot, 'examples', 'valid.json')));
    const env = { ...process.env, npm_config_offline: 'true', npm_config_registry: 'http://127.0.0.1:9/' };
    const v = spawnSync('npx', ['--no', '--', 'acklint', '--version'], { cwd: dir, encoding: 'utf8', env });
    expect(v.stdout).toBe(`${version}\n`);
    const lint = spawnSync('npx', ['--no', '--', 'acklint', '-f', 'json', '.'], { cwd: dir, encoding: 'utf8', env });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(1);
    const report = JSON.parse(lint.stdout) as { filePath: string; errorCount: number; messages: { ruleId: string }[] }[];
    expect(report.map((r) => [r.filePath, r.errorCount > 0])).toEqual([
      ['cluster.yaml', true],
      ['valid.json', false],
    ]);
    expect(report[0]!.messages.map((m) => m.ruleId)).toContain('cluster-name-format');
    // The lazily loaded bundles are there too: SARIF, YAML, the CI formats, plan.
    expect(spawnSync('npx', ['--no', '--', 'acklint', '-f', 'sarif', 'cluster.yaml'], { cwd: dir, encoding: 'utf8', env }).stdout).toContain('"version": "2.1.0"');
    expect(spawnSync('npx', ['--no', '--', 'acklint', '-f', 'junit', 'cluster.yaml'], { cwd: dir, encoding: 'utf8', env }).stdout).toContain('<testsuites');
    expect(spawnSync('npx', ['--no', '--', 'acklint', 'plan', 'valid.json'], { cwd: dir, encoding: 'utf8', env }).status).toBe(0);
    expect(statSync(join(installed, '.bin', 'acklint')).isFile()).toBe(true);
  });

  // The server bundle comes from packages/lsp (built by scripts/build.mjs); until it is built, the bin says so.
  it(serverBuilt ? 'runs npx acklint-lsp: the language server answers initialize over stdio' : 'runs npx acklint-lsp: says the server is not in this build (packages/lsp/dist is not built)', async () => {
    const dir = makeTempDir('acklint-install-');
    installTarball(dir, packTarball());
    if (!serverBuilt) {
      const r = spawnSync('npx', ['--no', '--', 'acklint-lsp', '--stdio'], { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('acklint-lsp: this build of acklint does not include the language server (dist/lsp/acklint-lsp.cjs)\n');
      return;
    }
    const server = spawn('npx', ['--no', '--', 'acklint-lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no initialize reply: ${out}`)), 30_000);
        server.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          if (out.includes('"capabilities"')) {
            clearTimeout(timer);
            resolve(out);
          }
        });
      });
      expect(reply).toMatch(/"id":\s*1/);
    } finally {
      server.kill();
    }
  });
});
