/**
 * vitest global setup: the run's temporary files all go into one folder, removed when the run ends. Tests make their
 * folders with mkdtemp under os.tmpdir(), and the programs they start (the CLI, the language server, npm, Neovim,
 * pre-commit, code-server) make theirs under TMPDIR too; pointing TMPDIR at a folder of the run's own (before vitest
 * starts the test processes, which inherit it) cleans up after every one of them, a failed or interrupted test
 * included, without each test having to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'acklint-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
