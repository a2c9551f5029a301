import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SPEC = `name: demo
cluster_type: ManagedKubernetes
cluster_spec: ack.pro.small
region_id: cn-hangzhou
vpcid: vpc-abc
deletion_protection: "true"
vswitch_ids: [vsw-abc]
`;

function hasNvim(): boolean {
  try {
    execFileSync('nvim', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Real Neovim as the LSP client of `acklint-lsp --stdio` (the built bundle, as users run it). */
describe('Neovim with acklint-lsp', () => {
  it('shows diagnostics, a hover and completions, and a quick fix removes the finding', (ctx) => {
    if (!hasNvim()) {
      if (process.env.CI === 'true') throw new Error('nvim is not installed (.ci/run installs it)');
      ctx.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'acklint-nvim-'));
    const spec = join(dir, 'cluster.yaml');
    writeFileSync(spec, SPEC);
    const outFile = join(dir, 'out.json');
    const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(root, 'test/clients/neovim/lsp-session.lua')}`, spec], {
      cwd: dir,
      env: { ...process.env, ACKLINT_LSP: join(root, 'packages/lsp/bin/acklint-lsp.cjs'), ACKLINT_NODE: process.execPath, ACKLINT_NVIM_OUT: outFile },
      timeout: 60_000,
      encoding: 'utf8',
    });
    let out: { error?: string; steps: Record<string, unknown>; statuses: Array<{ linted: boolean; reason: string }> };
    try {
      out = JSON.parse(readFileSync(outFile, 'utf8'));
    } catch {
      throw new Error(`Neovim wrote no result (exit ${r.status}): ${r.stderr}${r.stdout}`);
    }
    expect(out.error).toBeUndefined();
    const s = out.steps as {
      diagnostics: { count: number; invalid_type: { lnum: number; col: number; end_col: number; source: string } };
      hover: string;
      completion: string[];
      code_actions: string[];
      applied: string;
      line_after_fix: string;
      fixed: boolean;
      offset_encoding: string;
    };
    expect(s.diagnostics.invalid_type).toMatchObject({ lnum: 5, col: 21, end_col: 27, source: 'acklint' });
    expect(s.hover).toContain('**deletion_protection**: `boolean`');
    expect(s.completion).toContain('profile');
    expect(s.completion).not.toContain('cluster_type');
    expect(s.code_actions).toEqual(expect.arrayContaining(['Write true', 'Open docs for invalid-type']));
    expect(s.applied).toBe('Write true');
    expect(s.line_after_fix).toBe('deletion_protection: true');
    expect(s.fixed).toBe(true);
    expect(s.offset_encoding).toBe('utf-16');
    expect(out.statuses.some((x) => x.linted && x.reason.includes('cluster_type'))).toBe(true);
  });
});
