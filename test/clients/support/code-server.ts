import { execFileSync, spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * code-server (VS Code in a browser) for the real-editor test. 4.100.3 is VS Code 1.100.3, the last release whose
 * engines accept Node 20. It is installed from the npm registry into a cache folder of its own (never a dependency of
 * the workspace) and reused on later runs; set ACKLINT_CODE_SERVER_CACHE to put it elsewhere.
 */
export const CODE_SERVER_VERSION = '4.100.3';

export function codeServerCacheDir(): string {
  const base = process.env.ACKLINT_CODE_SERVER_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'acklint');
  return join(base, `code-server-${CODE_SERVER_VERSION}`);
}

function codeServerEntry(dir: string): string {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** The ripgrep build that @vscode/ripgrep 1.15.11 would download; Debian's rg stands in for it. */
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/**
 * Returns the path of code-server's entry script, installing it first when the cache lacks it. The install fetches
 * packages from the npm registry only: its native modules compile against Debian's headers (libkrb5-dev), and the
 * ripgrep download of its postinstall is answered from a seeded cache holding Debian's /usr/bin/rg.
 */
export function ensureCodeServer(log: (line: string) => void = () => {}): string {
  const dir = codeServerCacheDir();
  const entry = codeServerEntry(dir);
  const marker = join(dir, '.installed');
  if (existsSync(marker) && existsSync(entry)) return entry;

  const rg = whichSync('rg');
  if (!rg) throw new Error('ripgrep (rg) is not installed; code-server needs it (apt-get install ripgrep)');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'acklint-code-server-cache',
        private: true,
        description: 'code-server for acklint\'s real-editor test (a cache, not part of the project)',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        // code-server's postinstall sets up VS Code's own modules; argon2 (password login, loaded at every start)
        // compiles its native binding.
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    ),
  );
  const tmp = mkdtempSync(join(tmpdir(), 'acklint-code-server-install-'));
  try {
    mkdirSync(join(tmp, RIPGREP_CACHE));
    execFileSync('tar', ['czf', join(tmp, RIPGREP_CACHE, RIPGREP_TARBALL), '-C', dirname(rg), 'rg']);
    log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (a minute or two, once)`);
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--unsafe-perm', '--no-package-lock'], {
      cwd: dir,
      env: { ...process.env, TMPDIR: tmp, npm_config_yes: 'true', CI: '' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0 || !existsSync(entry)) {
      throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}):\n${tail(r.stdout + r.stderr, 60)}`);
    }
    writeFileSync(marker, `${new Date().toISOString()}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return entry;
}

function tail(text: string, lines: number): string {
  return text.split('\n').slice(-lines).join('\n');
}

export function whichSync(program: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  const path = r.stdout.trim();
  return r.status === 0 && path ? path : undefined;
}

/** Runs code-server's CLI to install a .vsix into an extensions folder. */
export function installVsix(entry: string, vsix: string, extensionsDir: string, userDataDir: string): string {
  return execFileSync(
    process.execPath,
    [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
  );
}

export interface CodeServerOptions {
  entry: string;
  extensionsDir: string;
  userDataDir: string;
  /** Folder for code-server's own config file (so that the user's ~/.config/code-server is never written). */
  configDir: string;
  workspace: string;
}

export interface RunningCodeServer {
  url: string;
  /** Whether code-server runs in a network namespace of its own (loopback only), i.e. provably offline. */
  offline: boolean;
  /** Chromium, started in code-server's network namespace when it has one (a wrapper script for playwright). */
  chromium: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts code-server on 127.0.0.1. As root (CI, this machine), it runs inside `unshare --net`: a network namespace
 * whose only interface is loopback, so nothing it does can reach the network, and Chromium joins that namespace
 * through a wrapper (`nsenter --net`). Elsewhere it runs on the host's loopback.
 */
export async function startCodeServer(o: CodeServerOptions, chromium = '/usr/bin/chromium'): Promise<RunningCodeServer> {
  const offline = process.getuid?.() === 0 && spawnSync('unshare', ['--net', 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore' }).status === 0;
  // In a namespace of its own the port is free by construction; on the host, pick one that is unlikely to be taken.
  const port = offline ? 8080 : 20_000 + Math.floor(Math.random() * 20_000);
  writeFileSync(join(o.configDir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    o.entry,
    '--config', join(o.configDir, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--extensions-dir', o.extensionsDir,
    '--user-data-dir', o.userDataDir,
    o.workspace,
  ];
  // A process group of its own, so that stopping it also stops the extension host and the language server.
  const spawnOptions: SpawnOptions = { stdio: ['ignore', 'pipe', 'pipe'], detached: true };
  const child = offline
    ? spawn('unshare', ['--net', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...args], spawnOptions)
    : spawn(process.execPath, args, spawnOptions);
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 60_000;
  while (!/HTTP server listening on/.test(output)) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      kill('SIGKILL');
      throw new Error(`code-server did not start within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  let wrapper = chromium;
  if (offline) {
    wrapper = join(o.configDir, 'chromium-in-namespace.sh');
    writeFileSync(wrapper, `#!/bin/sh\nexec nsenter --net=/proc/${child.pid}/ns/net -- ${chromium} "$@"\n`, { mode: 0o755 });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    offline,
    chromium: wrapper,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        kill('SIGTERM');
        const timer = setTimeout(() => kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      // Whatever of the group outlived code-server (an extension host, the language server).
      kill('SIGKILL');
    },
  };
}
