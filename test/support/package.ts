/**
 * The published package as users get it: `npm pack` of packages/cli (its prepack step builds the bundles if needed,
 * adds the language server when it is built, and writes the license notices), installed with npm into an empty
 * folder with no registry to reach.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, repoRoot } from './cli.js';

let packed: string | undefined;

/** The path of a freshly packed acklint-<version>.tgz (packed once per test process). */
export function packTarball(): string {
  if (packed && existsSync(packed)) return packed;
  const dest = makeTempDir('acklint-pack-');
  execFileSync('npm', ['pack', '--pack-destination', dest, '--silent'], { cwd: join(repoRoot, 'packages', 'cli'), stdio: ['ignore', 'pipe', 'pipe'] });
  const tgz = readdirSync(dest).find((f) => /^acklint-.*\.tgz$/.test(f));
  if (!tgz) throw new Error(`npm pack wrote no acklint tarball in ${dest}`);
  packed = join(dest, tgz);
  return packed;
}

/**
 * `npm install <tarball>` into `dir` (a package.json is written when missing) with no way to download anything: offline,
 * an unreachable registry and an empty cache. Returns npm's output.
 */
export function installTarball(dir: string, tgz: string): string {
  if (!existsSync(join(dir, 'package.json'))) execFileSync('npm', ['init', '-y'], { cwd: dir, stdio: 'ignore' });
  return execFileSync(
    'npm',
    ['install', '--offline', '--registry', 'http://127.0.0.1:9/', '--cache', makeTempDir('acklint-npm-cache-'), '--no-audit', '--no-fund', '--no-update-notifier', tgz],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}
