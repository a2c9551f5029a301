/**
 * The pre-commit hook (.pre-commit-hooks.yaml) driven by the real `pre-commit` (Debian's package; `.ci/run` installs
 * it), on a temporary git repository where acklint is installed from the packed tarball, offline: `pre-commit
 * try-repo` on the staged files, and a real `git commit` through the installed hook.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, repoRoot } from '../support/cli.js';
import { installTarball, packTarball } from '../support/package.js';

const BROKEN = readFileSync(join(repoRoot, 'examples', 'broken.yaml'), 'utf8');
const VALID = readFileSync(join(repoRoot, 'examples', 'valid.json'), 'utf8');
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n';
const WORKFLOW = 'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{ run: make }]\n';

let havePreCommit = true;
try {
  execFileSync('pre-commit', ['--version'], { stdio: 'ignore' });
} catch {
  havePreCommit = false;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A git repository holding only the hook definition, committed (what `repo:` in a user's config points at). */
function hookRepo(): { path: string; rev: string } {
  const path = makeTempDir('acklint-hook-repo-');
  git(path, 'init', '-q');
  copyFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), join(path, '.pre-commit-hooks.yaml'));
  git(path, 'add', '.pre-commit-hooks.yaml');
  git(path, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'hooks');
  return { path, rev: git(path, 'rev-parse', 'HEAD').trim() };
}

/** A project repository with acklint installed from the tarball (as `npm install --save-dev acklint` would). */
function project(tgz: string): string {
  const dir = makeTempDir('acklint-project-');
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.com');
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  installTarball(dir, tgz);
  git(dir, 'add', '.gitignore', 'package.json');
  git(dir, 'commit', '-q', '-m', 'project');
  return dir;
}

describe('pre-commit hook', () => {
  let tgz = '';
  let hooks: { path: string; rev: string };
  const env = () => ({ ...process.env, PRE_COMMIT_HOME: makeTempDir('acklint-pre-commit-home-'), npm_config_offline: 'true', npm_config_registry: 'http://127.0.0.1:9/' });

  beforeAll(() => {
    if (!havePreCommit) return;
    tgz = packTarball();
    hooks = hookRepo();
  });

  const requirePreCommit = (): boolean => {
    if (havePreCommit) return true;
    if (process.env.CI === 'true') throw new Error('pre-commit is not installed (.ci/run installs it)');
    console.warn('pre-commit is not installed; the hook tests cannot run here');
    return false;
  };

  it('try-repo: a broken spec fails with its findings; a clean spec and non-spec YAML/JSON pass', () => {
    if (!requirePreCommit()) return;
    const dir = project(tgz);
    writeFileSync(join(dir, 'cluster.yaml'), BROKEN);
    writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
    git(dir, 'add', 'cluster.yaml', 'compose.yaml');
    const failed = spawnSync('pre-commit', ['try-repo', hooks.path, 'acklint'], { cwd: dir, encoding: 'utf8', env: env() });
    expect(failed.status, failed.stdout + failed.stderr).toBe(1);
    expect(failed.stdout).toMatch(/acklint\.+Failed/);
    expect(failed.stdout).toContain('cluster.yaml');
    expect(failed.stdout).toMatch(/2:7\s+error\s+The cluster name contains a space .*cluster-name-format/);
    expect(failed.stdout).not.toContain('compose.yaml');

    // Fixed: the clean spec plus files that are not specs pass.
    git(dir, 'rm', '-q', '--cached', 'cluster.yaml');
    writeFileSync(join(dir, 'cluster.json'), VALID);
    writeFileSync(join(dir, '.github-workflow.yml'), WORKFLOW);
    writeFileSync(join(dir, 'inventory.json'), '{"Vpcs": {"Vpc": []}}\n');
    git(dir, 'add', 'cluster.json', '.github-workflow.yml', 'inventory.json');
    const passed = spawnSync('pre-commit', ['try-repo', hooks.path, 'acklint'], { cwd: dir, encoding: 'utf8', env: env() });
    expect(passed.stdout).toMatch(/acklint\.+Passed/);
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
  });

  it('installed in .pre-commit-config.yaml, it blocks a commit of a broken spec and lets a clean one through', () => {
    if (!requirePreCommit()) return;
    const dir = project(tgz);
    writeFileSync(join(dir, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks.path}\n    rev: ${hooks.rev}\n    hooks:\n      - id: acklint\n`);
    const e = env();
    execFileSync('pre-commit', ['install'], { cwd: dir, env: e, stdio: 'ignore' });
    writeFileSync(join(dir, 'cluster.yaml'), BROKEN);
    writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
    git(dir, 'add', '.pre-commit-config.yaml', 'cluster.yaml', 'compose.yaml');
    const blocked = spawnSync('git', ['commit', '-m', 'add cluster'], { cwd: dir, encoding: 'utf8', env: e });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('cluster-name-format');
    expect(git(dir, 'log', '--oneline')).not.toContain('add cluster');

    writeFileSync(join(dir, 'cluster.yaml'), VALID);
    git(dir, 'mv', 'cluster.yaml', 'cluster.json');
    const ok = spawnSync('git', ['commit', '-m', 'add cluster'], { cwd: dir, encoding: 'utf8', env: e });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(git(dir, 'log', '--oneline')).toContain('add cluster');
  });
});
