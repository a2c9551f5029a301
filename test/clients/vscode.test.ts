import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCodeServer, installVsix, startCodeServer, whichSync, type RunningCodeServer } from './support/code-server.js';

/**
 * The VS Code extension in a real VS Code: the packed .vsix installed into code-server 4.100.3 (VS Code 1.100.3),
 * driven through its UI by headless Chromium. As root, code-server and Chromium share a network namespace that has
 * only loopback, so the run is offline by construction.
 */
const root = join(import.meta.dirname, '..', '..');
const extensionDir = join(root, 'packages', 'vscode-extension');
const fixture = join(import.meta.dirname, 'fixtures', 'vscode-workspace');
const artifacts = join(import.meta.dirname, 'artifacts');
const CHROMIUM = '/usr/bin/chromium';
const version = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')).version as string;

const missing = [existsSync(CHROMIUM) ? undefined : 'chromium', whichSync('rg') ? undefined : 'ripgrep'].filter(Boolean);
if (missing.length && process.env.CI !== 'true') {
  console.warn(`${missing.join(' and ')} not installed; the VS Code test cannot run here (.ci/run installs them)`);
}

/** A page element as the browser renders it (the test's type check has no DOM library). */
type Rendered = { innerText: string };

/** The names in a zip file's central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  const names: string[] = [];
  for (let at = zip.readUInt32LE(end + 16), i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

interface ProblemRow {
  severity: string;
  message: string;
  source: string;
  code: string;
  href: string;
  line: number;
  column: number;
  related: { line: number; column: number }[];
}

describe.skipIf(missing.length > 0 && process.env.CI !== 'true')('VS Code extension in code-server', () => {
  let tmp = '';
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let workspace = '';

  beforeAll(async () => {
    if (missing.length) throw new Error(`${missing.join(' and ')} not installed (.ci/run installs them)`);
    const entry = ensureCodeServer((line) => console.log(line));
    execFileSync('npm', ['run', 'package', '--silent', '-w', 'packages/vscode-extension'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const vsix = join(extensionDir, `acklint-${version}.vsix`);

    tmp = mkdtempSync(join(tmpdir(), 'acklint-vscode-'));
    const dirs = { extensionsDir: join(tmp, 'extensions'), userDataDir: join(tmp, 'user'), configDir: join(tmp, 'config') };
    for (const d of [...Object.values(dirs), join(dirs.userDataDir, 'User')]) mkdirSync(d, { recursive: true });
    workspace = join(tmp, 'workspace');
    cpSync(fixture, workspace, { recursive: true });
    writeWorkspaceSettings({ 'editor.codeActionsOnSave': { 'source.fixAll.acklint': 'explicit' } });
    writeFileSync(
      join(dirs.userDataDir, 'User', 'settings.json'),
      JSON.stringify({
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'editor.hover.delay': 200,
      }),
    );
    installVsix(entry, vsix, dirs.extensionsDir, dirs.userDataDir);
    server = await startCodeServer({ entry, workspace, ...dirs }, CHROMIUM);
    if (!server.offline) console.warn('unshare --net is not available (not root): code-server runs on the host loopback');

    browser = await chromium.launch({ executablePath: server.chromium, headless: true });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
    mkdirSync(artifacts, { recursive: true });
    await openFile('cluster.yaml');
    await page.keyboard.press('Control+Shift+M');
  });

  afterAll(async () => {
    if (page && !page.isClosed()) await page.screenshot({ path: join(artifacts, 'vscode-last.png') }).catch(() => {});
    await browser?.close();
    await server?.stop();
    if (tmp) {
      // VS Code's logs (the acklint output channel among them) stay with the screenshots.
      const logs = join(tmp, 'user', 'logs');
      rmSync(join(artifacts, 'vscode-logs'), { recursive: true, force: true });
      if (existsSync(logs)) cpSync(logs, join(artifacts, 'vscode-logs'), { recursive: true });
      if (server) writeFileSync(join(artifacts, 'code-server.log'), server.output());
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  /** Adds settings to the workspace's .vscode/settings.json, as a person editing that file would. */
  function writeWorkspaceSettings(settings: Record<string, unknown>): void {
    const file = join(workspace, '.vscode', 'settings.json');
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
  }

  /** Opens a workspace file through Quick Open, as a person would. */
  async function openFile(path: string): Promise<void> {
    const name = path.slice(path.lastIndexOf('/') + 1);
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(path);
    await page.waitForSelector(`.quick-input-list .monaco-list-row.focused[aria-label*="${name}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tab.active[aria-label^="${name}"]`);
  }

  /** Gives the keyboard focus back to the active editor (Focus Active Editor Group), and waits until it has it. */
  async function focusEditor(): Promise<void> {
    await until(
      'the editor to have the focus',
      async () => {
        if (await page.$('.editor-group-container.active .monaco-editor.focused')) return true;
        await page.keyboard.press('Control+1');
        return false;
      },
      (focused) => focused,
      10_000,
    );
  }

  /** Runs a command from the Command Palette. */
  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await page.waitForSelector(`.quick-input-list .monaco-list-row.focused[aria-label*="${title}"]`, { state: 'attached' });
    await page.keyboard.press('Enter');
  }

  /** Moves the cursor with Go to Line (1-based line and column). */
  async function goTo(line: number, column: number): Promise<void> {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#status\\.editor\\.selection[aria-label*="Ln ${line}, Col ${column}"]`);
  }

  /** The findings the Problems panel lists under the file header of `file`, with their related-location rows. */
  async function problems(file: string): Promise<ProblemRow[]> {
    // The list re-renders as diagnostics arrive: a reading counts once two in a row agree.
    let last = '';
    for (;;) {
      const rows = await problemsOnce(file);
      const now = JSON.stringify(rows);
      if (now === last) return rows;
      last = now;
      await page.waitForTimeout(150);
    }
  }

  async function problemsOnce(file: string): Promise<ProblemRow[]> {
    // The panel draws only the rows in view: its filter keeps to the one file (then the editor gets the focus back).
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    const glob = `**/${file}`;
    if ((await filter.inputValue()) !== glob) {
      await filter.fill(glob);
      await focusEditor();
      // Until the panel has applied the filter: no file but this one is listed.
      const name = file.slice(file.lastIndexOf('/') + 1);
      await until(
        `the Problems panel to show only ${file}`,
        () => page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => /problems? in file (\S+)/.exec(r.getAttribute('aria-label') ?? '')?.[1])),
        (headers) => headers.every((h) => h === undefined || h === name),
        10_000,
      );
    }
    return page.$$eval(
      '.markers-panel .monaco-list-row',
      (rows, file) => {
        const out: ProblemRow[] = [];
        let inFile = false;
        for (const row of rows) {
          const label = row.getAttribute('aria-label') ?? '';
          const header = /problems? in file (\S+) of folder (\S+)/.exec(label);
          if (header) {
            inFile = (header[2] === '.' ? header[1] : `${header[2]}/${header[1]}`) === file;
            continue;
          }
          if (!inFile) continue;
          const where = /\[Ln (\d+), Col (\d+)\]/.exec(row.querySelector('.marker-line')?.textContent ?? '');
          const at = { line: Number(where?.[1]), column: Number(where?.[2]) };
          const icon = row.querySelector('.marker-icon');
          // A row without a severity icon is a related location of the finding above it.
          if (!icon) {
            out.at(-1)?.related.push(at);
            continue;
          }
          out.push({
            // (A selected row's icon may turn into a light bulb: the severity stays among its classes.)
            severity: ['error', 'warning', 'info'].find((c) => icon.classList.contains(c)) ?? icon.className,
            message: row.querySelector('.marker-message')?.textContent ?? '',
            source: row.querySelector('.marker-source')?.textContent ?? '',
            code: row.querySelector('.marker-code')?.textContent ?? '',
            href: row.querySelector('a.monaco-link')?.getAttribute('href') ?? '',
            ...at,
            related: [],
          });
        }
        return out;
      },
      file,
    );
  }

  async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeout = 60_000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await probe();
      if (done(value)) return value;
      if (Date.now() > deadline) {
        await page.screenshot({ path: join(artifacts, 'vscode-failure.png') });
        throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value, null, 2)}`);
      }
      await page.waitForTimeout(250);
    }
  }

  type Positioned = { line: number; column?: number; code: string };
  const byPosition = (a: Positioned, b: Positioned) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code);

  /**
   * What the command-line linter finds in the fixture's cluster.yaml (with the fixture's .acklint.yaml), or in the
   * given text of it, as Problems-panel rows.
   */
  function expectedFindings(text?: string): { code: string; severity: string; line: number; column: number; href: string }[] {
    const args = [join(root, 'packages/cli/bin/acklint.cjs'), '--format', 'json', ...(text === undefined ? ['cluster.yaml'] : ['--stdin-filename', 'cluster.yaml', '-'])];
    const r = spawnSync(process.execPath, args, { cwd: fixture, input: text, encoding: 'utf8' });
    const [file] = JSON.parse(r.stdout) as { messages: { ruleId: string; severity: string; line: number; column: number; docsUrl: string }[] }[];
    return file!.messages.map((m) => ({ code: m.ruleId, severity: m.severity, line: m.line, column: m.column, href: m.docsUrl })).sort(byPosition);
  }

  it('installs from a .vsix that holds the bundles, README, CHANGELOG, LICENSE and icon, and nothing else', () => {
    const entries = zipEntries(readFileSync(join(extensionDir, `acklint-${version}.vsix`)));
    expect(entries.sort()).toEqual(
      [
        '[Content_Types].xml',
        'extension.vsixmanifest',
        'extension/package.json',
        'extension/readme.md',
        'extension/changelog.md',
        'extension/LICENSE.txt',
        'extension/icon.png',
        'extension/dist/extension.js',
        'extension/dist/config.schema.json',
        // The language server's bundle and the sibling bundles it loads on demand, as the build made them.
        ...readdirSync(join(root, 'packages', 'lsp', 'dist'))
          .filter((f) => f.endsWith('.cjs'))
          .map((f) => `extension/dist/server/${f}`),
      ].sort(),
    );
  });

  it('lists the findings in the Problems panel at their lines, each rule id linking to its docs', async () => {
    const expected = expectedFindings();
    const rows = await until('the findings of cluster.yaml', () => problems('cluster.yaml'), (r) => r.length >= expected.length);
    const seen = rows.map(({ code, severity, line, column, href }) => ({ code, severity, line, column, href })).sort(byPosition);
    expect(seen).toEqual(expected);
    // The findings the fixture was written for; its config's `rrsa-disabled: off` and its policy (loaded from the
    // server's sibling bundle) applied.
    const rules = (id: string) => `https://github.com/acklint/acklint/blob/main/rules/${id}.md`;
    expect(seen).toEqual(
      expect.arrayContaining([
        { code: 'cluster-name-format', severity: 'error', line: 2, column: 7, href: rules('cluster-name-format') },
        { code: 'policy/allowed-regions', severity: 'warning', line: 3, column: 12, href: 'https://wiki.example.com/platform/regions' },
        { code: 'unknown-field', severity: 'warning', line: 7, column: 1, href: rules('unknown-field') },
        { code: 'pod-service-cidr-overlap', severity: 'error', line: 11, column: 15, href: rules('pod-service-cidr-overlap') },
      ]),
    );
    expect(seen.map((r) => r.code)).not.toContain('rrsa-disabled');
    expect(rows.find((r) => r.code === 'unknown-field')?.message).toContain('proxy_mod');
    // The overlap names the pod CIDR it collides with as a related location.
    expect(rows.find((r) => r.code === 'pod-service-cidr-overlap')?.related).toContainEqual({ line: 10, column: 17 });
  });

  it("shows a field's docs on hover", async () => {
    await goTo(11, 3);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const text = await until(
      'the hover of service_cidr',
      () => page.$$eval('.monaco-hover:not(.hidden)', (els) => els.map((e) => (e as unknown as Rendered).innerText).join('\n')),
      (t) => t.includes('CIDR block for Kubernetes Services'),
    );
    expect(text).toContain('service_cidr');
    await page.screenshot({ path: join(artifacts, 'vscode-hover.png') });
    await page.keyboard.press('Escape');
  });

  it('applies a quick fix chosen in the light-bulb menu, which removes its finding', async () => {
    await goTo(7, 3);
    await page.keyboard.press('Control+.');
    const title = 'Rename proxy_mod to proxy_mode';
    await page.locator('.action-widget .monaco-list-row.action', { hasText: title }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(artifacts, 'vscode-quick-fix.png') });
    // Arrow keys move through the menu (the mouse is blocked while VS Code's context view opens); Enter applies.
    await until(
      `"${title}" to be selected in the menu`,
      async () => {
        const focused = await page.getAttribute('.action-widget .monaco-list-row.action.focused', 'aria-label');
        if (!focused?.startsWith(title)) await page.keyboard.press('ArrowDown');
        return focused;
      },
      (focused) => focused?.startsWith(title) === true,
      10_000,
    );
    await page.keyboard.press('Enter');
    const rows = await until('the unknown-field finding to go', () => problems('cluster.yaml'), (r) => !r.some((x) => x.code === 'unknown-field'));
    const fixed = readFileSync(join(fixture, 'cluster.yaml'), 'utf8').replace('proxy_mod:', 'proxy_mode:');
    expect(rows.map(({ code, severity, line, column, href }) => ({ code, severity, line, column, href })).sort(byPosition)).toEqual(expectedFindings(fixed));
    await expect.poll(() => page.locator('.view-line', { hasText: 'proxy_mode' }).count()).toBe(1);
  });

  it('applies the safe fixes of a JSON spec when it is saved (source.fixAll.acklint on save)', async () => {
    await openFile('staging.json');
    await until('the findings of staging.json', () => problems('staging.json'), (r) => r.some((x) => x.code === 'cidr-host-bits'));
    // An edit, then a save: the edit stays, and the safe fix is applied before the file is written.
    await goTo(5, 35);
    await page.keyboard.type('\n"deletion_protection": true,');
    await page.locator('.view-line', { hasText: '"deletion_protection": true,' }).waitFor();
    await page.keyboard.press('Control+S');
    const fixed = (r: ProblemRow[]) => r.length > 0 && !r.some((x) => x.code === 'cidr-host-bits' || x.code === 'deletion-protection-disabled');
    try {
      await until('the fix on save', () => problems('staging.json'), fixed, 15_000);
    } catch (e) {
      // Seen now and then on a heavily loaded machine: the file is written with the edit but without the fix. Said
      // loudly (with what was written), and the second save must fix it.
      const onDisk = readFileSync(join(workspace, 'staging.json'), 'utf8');
      console.warn(`fix on save: the first save did not apply the fix (${(e as Error).message.split(';')[0]}); on disk:\n${onDisk}`);
      await focusEditor();
      await page.keyboard.press('Control+S');
      await until('the fix on the second save', () => problems('staging.json'), fixed);
    }
    await expect.poll(() => readFileSync(join(workspace, 'staging.json'), 'utf8'), { timeout: 10_000 }).toMatch(/"deletion_protection": true,[\s\S]*"service_cidr": "172\.21\.0\.0\/20"/);
  });

  it('applies a change of the acklint settings without a reload', async () => {
    const before = await problems('cluster.yaml');
    expect(before.map((r) => r.code)).toContain('node-zones-fewer-than-3');
    writeWorkspaceSettings({ 'acklint.rules': { 'node-zones-fewer-than-3': 'off' } });
    const after = await until('the settings to apply', () => problems('cluster.yaml'), (r) => !r.some((x) => x.code === 'node-zones-fewer-than-3'));
    expect(after.map((r) => r.code).sort()).toEqual(before.map((r) => r.code).filter((c) => c !== 'node-zones-fewer-than-3').sort());
  });

  it('applies the safe fixes of a JSONC spec with "acklint: Fix all"', async () => {
    await openFile('dev.jsonc');
    await until('the findings of dev.jsonc', () => problems('dev.jsonc'), (r) => r.some((x) => x.code === 'cidr-host-bits' && x.line === 9));
    await runCommand('acklint: Fix all');
    await until('the fix', () => problems('dev.jsonc'), (r) => r.length > 0 && !r.some((x) => x.code === 'cidr-host-bits'));
    await expect.poll(() => page.locator('.view-line', { hasText: '"container_cidr": "10.80.0.0/16", // host bits set' }).count()).toBe(1);
  });

  it('shows the address plan of the spec in a read-only document', async () => {
    await openFile('cluster.yaml');
    await runCommand('acklint: Show address plan');
    await page.waitForSelector('.tab[aria-label*="cluster.yaml (address plan)"]', { timeout: 30_000 });
    const text = await until(
      'the address plan',
      () =>
        page.$$eval('.editor-group-container:has(.tab.active[aria-label*="(address plan)"]) .view-lines', (els) =>
          // The editor renders spaces as no-break spaces.
          els.map((e) => (e as unknown as Rendered).innerText.replace(/\u00a0/g, ' ')).join('\n'),
        ),
      (t) => t.includes('Address plan'),
    );
    expect(text).toMatch(/Pod CIDR\s+172\.20\.0\.0\/16/);
    expect(text).toMatch(/Service CIDR\s+172\.20\.16\.0\/20/);
  });

  it("validates an .acklint.json against acklint's config schema", async () => {
    await openFile('team/.acklint.json');
    // VS Code's own JSON validation (no source), beside the server's check of the same config.
    const rows = await until('the schema check of .acklint.json', () => problems('team/.acklint.json'), (r) => r.some((x) => x.source !== 'acklint'));
    expect(rows.find((x) => x.source !== 'acklint')).toMatchObject({ severity: 'warning', message: 'must be one of off, info, warning, error', line: 3, column: 28 });
    expect(rows.find((x) => x.source === 'acklint')).toMatchObject({ severity: 'error', line: 3, column: 28 });
    // The server's own finding is listed once (pushed for the config file, not pulled again with the document's).
    expect(rows.filter((x) => x.source === 'acklint')).toHaveLength(1);
  });

  it('leaves a YAML file that is not a cluster spec clean, and says why in the language status', async () => {
    await openFile('values.yaml');
    const status = await until(
      'the language status of values.yaml',
      () => page.getAttribute('#status\\.languageStatus', 'aria-label').then((l) => l ?? ''),
      (l) => /acklint: not linted, not a CreateCluster body/.test(l),
    );
    expect(status).toMatch(/acklint: not linted, not a CreateCluster body \(no cluster_type key\)/);
    expect(await problems('values.yaml')).toEqual([]);
    // The spec's findings are still listed: the panel is live, and values.yaml is not in it.
    await until('the findings of cluster.yaml', () => problems('cluster.yaml'), (r) => r.length > 0, 10_000);
  });

  it('restarts the server from the Command Palette, and shows its output', async () => {
    await openFile('cluster.yaml');
    // The acklint output channel as VS Code writes it to its logs folder: what "Show output" shows, read without
    // depending on the Output view's scrolling and filter.
    const channelLog = () => {
      const found: string[] = [];
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          if (e.isDirectory()) walk(join(dir, e.name));
          else if (e.name === 'acklint.log') found.push(join(dir, e.name));
        }
      };
      const logs = join(tmp, 'user', 'logs');
      if (existsSync(logs)) walk(logs);
      return found.map((f) => readFileSync(f, 'utf8')).join('\n');
    };
    const decisions = (t: string) => (t.match(/cluster\.yaml: linted: a CreateCluster body/g) ?? []).length;
    const before = decisions(channelLog());
    await runCommand('acklint: Restart server');
    // The restarted server lints the open spec again and says so in its output.
    const output = await until('the output of the restarted server', async () => channelLog(), (t) => decisions(t) > before);
    expect(output).toContain('(config ');
    await runCommand('acklint: Show output');
    await until(
      'the Output view showing the acklint channel',
      () => page.$$eval('.part.panel select', (els) => els.map((e) => (e as unknown as { value: string }).value).join('|')),
      (t) => /acklint/.test(t),
    );
    await focusEditor();
    await page.keyboard.press('Control+Shift+M');
    await until('the findings after the restart', () => problems('cluster.yaml'), (r) => r.some((x) => x.code === 'cluster-name-format'));
  });
});
