import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CancellationTokenSource, type CodeAction, type TextDocumentEdit, type TextEdit, type CompletionItem, type Diagnostic, type DocumentSymbol, type Hover } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse as parseYaml } from 'yaml';
import { fixUntilStable, lintSync, loadYamlParser } from '@acklint/core';
import { builtinRules } from '@acklint/rules';
import { NOW, PULL, PUSH, startSession, textAt, type Session } from './harness.js';

const SPEC = `name: demo
cluster_type: ManagedKubernetes
cluster_spec: ack.pro.small
region_id: cn-hangzhou
kubernetes_version: 1.35.1-aliyun.1
vpcid: vpc-abc
vswitch_ids: [vsw-abc]
deletion_protection: "true"
worker_instance_types: [ecs.g7.large]
proxy_mode: IPVS
container_cidr: 172.20.0.0/16
nodepools:
  - nodepool_info:
      name: pool-a
    scaling_group:
      system_disk_category: cloud_essd
      key_pair: kp
addons:
  - name: flannel
`;

let session: Session | undefined;
afterEach(async () => {
  await session?.end();
  session = undefined;
});

/** The text a snippet inserts with every tab stop filled with `fill`. */
const fillSnippet = (snippet: string, fill: string) => snippet.replace(/\$\{\d+(?::[^}]*|\|[^}]*\|)?\}|\$\d+/g, fill);

/** A fresh session with `config` as its .acklint.yaml, and SPEC open in it and linted. */
async function specUnder(config: string): Promise<[Session, string]> {
  const s = await startSession();
  session = s;
  writeFileSync(join(s.root, '.acklint.yaml'), config);
  const uri = s.open('spec.yaml', SPEC);
  await s.diagnosticsFor(uri);
  return [s, uri];
}

const byCode = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

describe('push diagnostics', () => {
  it('publishes every finding with range, severity, code, docs link, source, related locations and the Deprecated tag', async () => {
    session = await startSession();
    const uri = session.open('spec.yaml', SPEC);
    const { diagnostics, version } = await session.diagnosticsFor(uri);
    expect(version).toBe(1);
    const doc = session.docs.get(uri)!;
    const [type] = byCode(diagnostics, 'invalid-type');
    expect(type).toMatchObject({ severity: 1, source: 'acklint', codeDescription: { href: expect.stringMatching(/rules\/invalid-type\.md$/) } });
    expect(textAt(doc, type!.range)).toBe('"true"');
    const [deprecated] = byCode(diagnostics, 'deprecated-field');
    expect(deprecated!.tags).toEqual([2]);
    expect(textAt(doc, deprecated!.range)).toBe('worker_instance_types');
    // Every range is exactly the core's (a fresh lint of the same text).
    await loadYamlParser();
    const core = lintSync(SPEC, { fileName: join(session.root, 'spec.yaml'), rules: builtinRules, now: NOW });
    expect(diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(core.diagnostics.map((d) => [d.ruleId, d.range, d.message]));
    // Related locations become relatedInformation on the same document.
    const withRelated = core.diagnostics.findIndex((d) => d.related.length > 0);
    if (withRelated >= 0) expect(diagnostics[withRelated]!.relatedInformation?.[0]?.location.uri).toBe(uri);
    expect(session.statuses.at(-1)).toMatchObject({ uri, linted: true, reason: expect.stringContaining('cluster_type') });
  });

  it('publishes only the newest version after a burst of edits, and an empty list on close', async () => {
    session = await startSession();
    const uri = session.open('spec.yaml', SPEC);
    await session.diagnosticsFor(uri);
    const before = session.published.length;
    for (let i = 0; i < 30; i++) session.change(uri, [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } }, text: 'x' }]);
    const last = await session.diagnosticsFor(uri, 31);
    expect(last.version).toBe(31);
    // Debounced and stale-dropped: nothing older than the newest version after the burst was published late.
    const after = session.published.slice(before).filter((p) => p.uri === uri);
    expect(after.length).toBeLessThan(5);
    expect(after.at(-1)!.version).toBe(31);
    session.close(uri);
    await session.waitFor(() => session!.published.at(-1)?.uri === uri && session!.published.at(-1)!.diagnostics.length === 0);
  });

  it('keeps other JSON and YAML quiet and says why', async () => {
    session = await startSession();
    const uri = session.open('workflow.yaml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    const { diagnostics } = await session.diagnosticsFor(uri);
    expect(diagnostics).toEqual([]);
    expect(session.statuses.at(-1)).toMatchObject({ uri, linted: false, reason: expect.stringContaining('no cluster_type') });
    const md = session.open('notes.md', '# cluster_type', 'markdown');
    await session.waitFor(() => session!.statuses.find((s) => s.uri === md));
    expect(session.statuses.find((s) => s.uri === md)).toMatchObject({ linted: false, reason: expect.stringContaining('not JSON') });
  });

  it('lints a file named by the config files: globs even without cluster_type', async () => {
    session = await startSession();
    writeFileSync(join(session.root, '.acklint.yaml'), 'files: ["clusters/**/*.yaml"]\n');
    const uri = session.open('clusters/prod/a.yaml', 'region_id: cn-hangzhou\n');
    const { diagnostics } = await session.diagnosticsFor(uri);
    expect(byCode(diagnostics, 'missing-field').length).toBeGreaterThan(0);
    expect(session.statuses.at(-1)).toMatchObject({ linted: true, reason: expect.stringContaining('files:'), config: join(session.root, '.acklint.yaml') });
  });

  it('counts UTF-16 columns with CRLF line ends, a BOM and astral characters', async () => {
    session = await startSession();
    const text = '\uFEFF' + SPEC.replace('name: demo', 'name: "𝒜𝒷 demo"').replace(/\n/g, '\r\n');
    const uri = session.open('crlf.yaml', text);
    const { diagnostics } = await session.diagnosticsFor(uri);
    const doc = session.docs.get(uri)!;
    expect(textAt(doc, byCode(diagnostics, 'invalid-type')[0]!.range)).toBe('"true"');
    expect(textAt(doc, byCode(diagnostics, 'invalid-value')[0]!.range)).toBe('IPVS');
    // On the first line, after the BOM and two astral characters.
    const name = byCode(diagnostics, 'cluster-name-format')[0]!;
    expect(textAt(doc, name.range)).toBe('"𝒜𝒷 demo"');
    expect(name.range.start).toEqual({ line: 0, character: 7 });
  });
});

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic (full, then unchanged) and does not push', async () => {
    session = await startSession({ capabilities: PULL });
    const uri = session.open('spec.yaml', SPEC);
    const report = await session.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(report.kind).toBe('full');
    expect(byCode(report.items, 'invalid-type')).toHaveLength(1);
    const again = await session.request<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    expect(again.kind).toBe('unchanged');
    session.change(uri, [{ range: { start: { line: 9, character: 12 }, end: { line: 9, character: 16 } }, text: 'ipvs' }]);
    const third = await session.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    expect(third.kind).toBe('full');
    expect(byCode(third.items, 'invalid-value')).toHaveLength(0);
    expect(session.published.filter((p) => p.uri === uri)).toEqual([]);
    // Open docs through window/showDocument where the client has it.
    const [docs] = (await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: third.items.find((d) => d.code === 'invalid-type')!.range, context: { diagnostics: [] } })).filter((a) => a.title === 'Open docs for invalid-type');
    await session.request('workspace/executeCommand', docs!.command);
    expect(session.shown).toEqual([expect.stringMatching(/rules\/invalid-type\.md$/)]);
  });

  it('cancels a diagnostic request the client cancelled', async () => {
    session = await startSession({ capabilities: PULL });
    const uri = session.open('spec.yaml', SPEC);
    const source = new CancellationTokenSource();
    const pending = session.client.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    source.cancel();
    const error = await pending.then(() => undefined, (e: { code: number }) => e);
    expect([-32800, -32802]).toContain(error?.code);
  });

  it('registers file watchers, re-lints on a config change and asks the client to refresh', async () => {
    session = await startSession({ capabilities: PULL });
    const uri = session.open('spec.yaml', SPEC);
    await session.waitFor(() => session!.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const first = await session.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(byCode(first.items, 'invalid-value')).toHaveLength(1);
    const config = join(session.root, '.acklint.yaml');
    writeFileSync(config, 'rules:\n  invalid-value: off\n');
    await session.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('.acklint.yaml'), type: 1 }] });
    await session.waitFor(() => session!.refreshes > 0);
    const second = await session.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(byCode(second.items, 'invalid-value')).toHaveLength(0);
  });
});

describe('configuration', () => {
  it('re-lints when a config file changes on disk, checked on each lint without file watching', async () => {
    session = await startSession();
    const config = join(session.root, '.acklint.yaml');
    writeFileSync(config, 'rules: {}\n');
    const uri = session.open('spec.yaml', SPEC);
    expect(byCode((await session.diagnosticsFor(uri)).diagnostics, 'invalid-value')).toHaveLength(1);
    writeFileSync(config, 'rules:\n  invalid-value: off\n');
    utimesSync(config, new Date(), new Date(Date.now() + 5000));
    const v = session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    const { diagnostics } = await session.diagnosticsFor(uri, v);
    expect(byCode(diagnostics, 'invalid-value')).toHaveLength(0);
  });

  it('re-lints when a config open in the editor is saved, and when workspace folders change', async () => {
    session = await startSession({ capabilities: { ...PUSH, workspace: { ...PUSH.workspace, workspaceFolders: true } } });
    const config = join(session.root, '.acklint.yaml');
    writeFileSync(config, 'rules: {}\n');
    const uri = session.open('spec.yaml', SPEC);
    expect(byCode((await session.diagnosticsFor(uri)).diagnostics, 'invalid-value')).toHaveLength(1);
    const configUri = session.open('.acklint.yaml', 'rules: {}\n');
    writeFileSync(config, 'rules:\n  invalid-value: off\n');
    const count = session.published.length;
    await session.client.sendNotification('textDocument/didSave', { textDocument: { uri: configUri } });
    const next = await session.waitFor(() => session!.published.slice(count).find((p) => p.uri === uri));
    expect(byCode(next.diagnostics, 'invalid-value')).toHaveLength(0);
    const again = session.published.length;
    await session.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [] } });
    await session.waitFor(() => session!.published.slice(again).find((p) => p.uri === uri));
    expect(session.logs.some((l) => l.includes('workspace folders changed'))).toBe(true);
  });

  it('uses the nearest config of each document (multi-root workspaces)', async () => {
    session = await startSession();
    mkdirSync(join(session.root, 'team-a'));
    mkdirSync(join(session.root, 'team-b'));
    writeFileSync(join(session.root, 'team-a', '.acklint.json'), '{ "rules": { "invalid-value": "off" } }');
    const a = session.open('team-a/spec.yaml', SPEC);
    const b = session.open('team-b/spec.yaml', SPEC);
    expect(byCode((await session.diagnosticsFor(a)).diagnostics, 'invalid-value')).toHaveLength(0);
    expect(byCode((await session.diagnosticsFor(b)).diagnostics, 'invalid-value')).toHaveLength(1);
    expect(session.statuses.find((s) => s.uri === a)?.config).toBe(join(session.root, 'team-a', '.acklint.json'));
    expect(session.statuses.find((s) => s.uri === b)?.config).toBeUndefined();
  });

  it('shows a broken config as a diagnostic in the config file and lints with the defaults', async () => {
    session = await startSession();
    writeFileSync(join(session.root, '.acklint.yaml'), 'rules:\n  no-such-rule: off\n');
    const uri = session.open('spec.yaml', SPEC);
    const configDiags = await session.waitFor(() => session!.published.find((p) => p.uri === session!.uri('.acklint.yaml')));
    expect(configDiags.diagnostics[0]).toMatchObject({ severity: 1, message: expect.stringContaining('no-such-rule'), range: { start: { line: 1, character: 2 } } });
    const { diagnostics } = await session.diagnosticsFor(uri);
    expect(byCode(diagnostics, 'invalid-type')).toHaveLength(1);
    expect(session.statuses.at(-1)!.reason).toContain('has an error');
    // Opened in the editor, the config keeps showing its problem (its own lint does not clear it).
    const configUri = session.open('.acklint.yaml', 'rules:\n  no-such-rule: off\n');
    const own = await session.diagnosticsFor(configUri);
    expect(own.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('unknown rule "no-such-rule"')]);
    expect(session.statuses.at(-1)).toMatchObject({ uri: configUri, linted: false, reason: expect.stringContaining('config file') });
  });

  it('shows a broken config once to a pull client: pushed, never again in the pulled report', async () => {
    session = await startSession({ capabilities: PULL });
    writeFileSync(join(session.root, '.acklint.yaml'), 'rules:\n  no-such-rule: off\n');
    const spec = session.open('spec.yaml', SPEC);
    await session.request('textDocument/diagnostic', { textDocument: { uri: spec } });
    const configUri = session.open('.acklint.yaml', 'rules:\n  no-such-rule: off\n');
    const pulled = await session.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: configUri } });
    const pushed = session.published.filter((p) => p.uri === configUri).at(-1)!;
    const all = [...pulled.items, ...pushed.diagnostics].filter((d) => String(d.message).includes('no-such-rule'));
    expect(all).toHaveLength(1);
    // Closed again, the file keeps its problem until it is fixed.
    session.close(configUri);
    await session.waitFor(() => (session!.published.filter((p) => p.uri === configUri).length > 1 ? true : undefined));
    expect(session.published.filter((p) => p.uri === configUri).at(-1)!.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('no-such-rule')]);
  });

  it('reads settings through workspace/configuration: rules map, inventory and enable', async () => {
    session = await startSession({ settings: { rules: { 'invalid-value': 'off', 'invalid-type': 'warning' } } });
    const uri = session.open('spec.yaml', SPEC);
    const { diagnostics } = await session.diagnosticsFor(uri);
    expect(byCode(diagnostics, 'invalid-value')).toHaveLength(0);
    expect(byCode(diagnostics, 'invalid-type')[0]!.severity).toBe(2);
    await session.end();
    session = await startSession({ settings: { enable: false } });
    const off = session.open('spec.yaml', SPEC);
    expect((await session.diagnosticsFor(off)).diagnostics).toEqual([]);
    expect(session.statuses.at(-1)).toMatchObject({ linted: false, reason: expect.stringContaining('enable') });
  });

  it('falls back to initializationOptions.settings, and applies didChangeConfiguration', async () => {
    session = await startSession({ initializationOptions: { settings: { rules: { 'invalid-value': 'off' } } } });
    const uri = session.open('spec.yaml', SPEC);
    expect(byCode((await session.diagnosticsFor(uri)).diagnostics, 'invalid-value')).toHaveLength(0);
    const count = session.published.length;
    await session.client.sendNotification('workspace/didChangeConfiguration', { settings: { acklint: { rules: {} } } });
    const next = await session.waitFor(() => session!.published.slice(count).find((p) => p.uri === uri));
    expect(byCode(next.diagnostics, 'invalid-value')).toHaveLength(1);
  });

  it('loads inventory files from the settings and points related locations into them', async () => {
    session = await startSession();
    const inv = join(session.root, 'vswitches.json');
    writeFileSync(inv, JSON.stringify({ VSwitches: { VSwitch: [{ VSwitchId: 'vsw-abc', VpcId: 'vpc-other', ZoneId: 'cn-hangzhou-a', CidrBlock: '172.20.0.0/24', AvailableIpAddressCount: 200 }] } }, null, 2));
    await session.end();
    session = await startSession({ root: session.root, initializationOptions: { settings: { inventory: ['vswitches.json'] } } });
    const uri = session.open('spec.yaml', SPEC);
    const { diagnostics } = await session.diagnosticsFor(uri);
    const external = diagnostics.flatMap((d) => d.relatedInformation ?? []).filter((r) => r.location.uri.endsWith('vswitches.json'));
    expect(external.length).toBeGreaterThan(0);
  });
});

describe('hover', () => {
  it('describes keys, enum values and findings from the schema, with the path', async () => {
    session = await startSession();
    const uri = session.open('spec.yaml', SPEC);
    await session.diagnosticsFor(uri);
    const at = (line: number, character: number) => session!.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    const key = (await at(15, 10))!.contents as { value: string };
    expect(key.value).toContain('nodepools[0].scaling_group.system_disk_category');
    expect(key.value).toContain('`cloud_essd`: Enhanced SSD');
    expect(key.value).toContain('Default: `cloud_efficiency`');
    expect(key.value).toContain('CreateCluster API reference');
    const value = (await at(1, 20))!.contents as { value: string };
    expect(value.value).toContain('`ManagedKubernetes` for **cluster_type**: ACK managed cluster');
    const deprecated = (await at(8, 3))!.contents as { value: string };
    expect(deprecated.value).toContain('**Deprecated.**');
    expect(deprecated.value).toContain('nodepools[].scaling_group.instance_types');
    expect(deprecated.value).toMatch(/acklint deprecated-field\*\*: .*\[Docs\]\(https:/);
    expect(await at(40, 0)).toBeNull();
    // JSON alike.
    const json = session.open('spec.json', '{\n  "cluster_type": "ManagedKubernetes",\n  "nodepools": [{}, {}, {}, {"scaling_group": {"desired_size": 3}}]\n}\n');
    const jsonHover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: json }, position: { line: 2, character: 35 } });
    expect((jsonHover!.contents as { value: string }).value).toContain('**nodepools[3].scaling_group**: `object`');
  });
});

describe('completion', () => {
  const complete = (s: Session, uri: string, line: number, character: number) =>
    s.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });

  it('offers missing keys at the top level of YAML: required first, deprecated last and tagged, present ones left out', async () => {
    session = await startSession();
    const uri = session.open('spec.yaml', SPEC + 'pro\n');
    await session.diagnosticsFor(uri);
    const items = await complete(session, uri, 19, 3);
    const labels = items.map((i) => i.label);
    expect(labels).toContain('profile');
    expect(labels).not.toContain('cluster_type');
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(sorted.at(-1)!.tags).toEqual([1]);
    expect(items.find((i) => i.label === 'worker_vswitch_ids')!.tags).toEqual([1]);
    // Applying an object key's snippet gives valid YAML.
    const item = items.find((i) => i.label === 'maintenance_window')!;
    const doc = session.docs.get(uri)!;
    const edit = item.textEdit as { range: never; newText: string };
    const text = TextDocument.applyEdits(doc, [{ range: edit.range, newText: fillSnippet(edit.newText, 'enable: true') }]);
    expect(parseYaml(text).maintenance_window).toEqual({ enable: true });
  });

  it('knows nested YAML paths, enum values, booleans, Kubernetes versions and addon names', async () => {
    session = await startSession();
    const text = SPEC.replace('      key_pair: kp\n', '      key_pair: kp\n      sys\n') + '  - name: \nkubernetes_version: \nsnat_entry: \n';
    const uri = session.open('spec.yaml', text);
    await session.diagnosticsFor(uri);
    const nested = (await complete(session, uri, 17, 9)).map((i) => i.label);
    expect(nested).toContain('system_disk_size');
    expect(nested).not.toContain('system_disk_category');
    expect(nested).not.toContain('cluster_type');
    const addons = (await complete(session, uri, 20, 10)).map((i) => i.label);
    expect(addons).toContain('terway-eniip');
    const versions = await complete(session, uri, 21, 20);
    expect(versions.map((i) => i.label)).toContain('1.35');
    expect(versions.map((i) => i.label)).not.toContain('1.28'); // past its end of life on the test's date
    expect((versions.find((i) => i.label === '1.35')!.textEdit as { newText: string }).newText).toBe('"1.35.${1:1}-aliyun.${2:1}"');
    const booleans = (await complete(session, uri, 22, 12)).map((i) => i.label);
    expect(booleans).toEqual(['true', 'false']);
    const listed = session.open('list.yaml', 'cluster_type: ManagedKubernetes\nservice_discovery_types:\n  - \n');
    await session.diagnosticsFor(listed);
    expect((await complete(session, listed, 2, 4)).map((i) => i.label)).toEqual(['CoreDNS', 'PrivateZone']);
    const disk = await complete(session, uri, 15, 28);
    expect(disk.find((i) => i.label === 'cloud_auto')?.detail).toBe('ESSD AutoPL disk');
  });

  it('completes JSON keys with quotes, colon and the comma the position needs', async () => {
    session = await startSession();
    const json = '{\n  "cluster_type": "ManagedKubernetes",\n  "na"\n  "region_id": "cn-hangzhou"\n}\n';
    const uri = session.open('spec.json', json);
    await session.diagnosticsFor(uri);
    const items = await complete(session, uri, 2, 5);
    const name = items.find((i) => i.label === 'name')!;
    expect(name).toBeDefined();
    const edit = name.textEdit as { range: never; newText: string };
    const text = TextDocument.applyEdits(session.docs.get(uri)!, [{ range: edit.range, newText: fillSnippet(edit.newText, 'x') }]);
    expect(JSON.parse(text)).toMatchObject({ name: 'x', region_id: 'cn-hangzhou' });
    // Typed without quotes after an entry that lacks its comma: the comma goes in too.
    const bare = session.open('bare.json', '{\n  "cluster_type": "ManagedKubernetes"\n  regi\n}\n');
    await session.diagnosticsFor(bare);
    const region = (await complete(session, bare, 2, 6)).find((i) => i.label === 'region_id')!;
    const regionEdit = region.textEdit as { range: never; newText: string };
    const fixed = TextDocument.applyEdits(session.docs.get(bare)!, [{ range: regionEdit.range, newText: fillSnippet(regionEdit.newText, 'cn-hangzhou') }, ...(region.additionalTextEdits ?? [])]);
    expect(JSON.parse(fixed)).toEqual({ cluster_type: 'ManagedKubernetes', region_id: 'cn-hangzhou' });
    const values = await complete(session, uri, 1, 20);
    expect(values.map((i) => i.label)).toContain('Kubernetes');
    expect((values.find((i) => i.label === 'Kubernetes')!.textEdit as { newText: string }).newText).toBe('"Kubernetes"');
  });
});

describe('code actions and commands', () => {
  const actionsAt = (s: Session, uri: string, line: number, only?: string[]) =>
    s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 80 } }, context: { diagnostics: [], ...(only ? { only } : {}) } });

  it('offers each fix as a quick fix (safe preferred, unsafe labelled), turn-off and docs actions', async () => {
    session = await startSession();
    const uri = session.open('spec.yaml', SPEC.replace('name: demo', 'name: my cluster!'));
    await session.diagnosticsFor(uri);
    const safe = await actionsAt(session, uri, 7);
    const fix = safe.find((a) => a.title === 'Write true')!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    expect(safe.map((a) => a.title)).toContain('Turn invalid-type off in .acklint.yaml');
    expect(safe.map((a) => a.title)).toContain('Open docs for invalid-type');
    const unsafe = (await actionsAt(session, uri, 0)).find((a) => a.title.startsWith('Rename the cluster'))!;
    expect(unsafe.title).toContain('(unsafe: review the change)');
    expect(unsafe.isPreferred).toBe(false);
    // Applying the quick fix removes the finding.
    session.applyEdit(fix.edit!);
    const after = await session.diagnosticsFor(uri);
    expect(byCode(after.diagnostics, 'invalid-type')).toHaveLength(0);
    // Open docs: the command asks the client to show the page (or says where it is).
    const docs = safe.find((a) => a.title === 'Open docs for invalid-type')!;
    await session.request('workspace/executeCommand', docs.command);
    await session.waitFor(() => session!.shown.find((s) => s.includes('rules/invalid-type.md')));
  });

  it('disables a rule for one line or the whole file with an acklint-disable comment, and the finding goes', async () => {
    session = await startSession();
    const uri = session.open('spec.yaml', SPEC);
    await session.diagnosticsFor(uri);
    const line = (await actionsAt(session, uri, 7)).find((a) => a.title === 'Disable invalid-type for this line')!;
    session.applyEdit(line.edit!);
    expect(session.docs.get(uri)!.getText()).toContain('vswitch_ids: [vsw-abc]\n# acklint-disable-next-line invalid-type\ndeletion_protection: "true"\n');
    expect(byCode((await session.diagnosticsFor(uri)).diagnostics, 'invalid-type')).toHaveLength(0);
    const file = (await actionsAt(session, uri, 10)).find((a) => a.title === 'Disable invalid-value for this file')!;
    session.applyEdit(file.edit!);
    expect(session.docs.get(uri)!.getText()).toMatch(/^# acklint-disable invalid-value\nname: demo/);
    expect(byCode((await session.diagnosticsFor(uri)).diagnostics, 'invalid-value')).toHaveLength(0);
    // Inside a block scalar (an addon's JSON config) a comment line would be part of the string: file-wide only.
    const block = session.open('block.yaml', 'cluster_type: ManagedKubernetes\naddons:\n  - name: logtail-ds\n    config: |\n      {"IngressDashboardEnabled": "true",\n       "sls_project_name": }\n');
    const inBlock = (await session.diagnosticsFor(block)).diagnostics.find((d) => d.code === 'addon-config-json' && d.range.start.line >= 4)!;
    expect(inBlock).toBeDefined();
    const blockTitles = (await actionsAt(session, block, inBlock.range.start.line)).map((a) => a.title);
    expect(blockTitles).toContain('Disable addon-config-json for this file');
    expect(blockTitles).not.toContain('Disable addon-config-json for this line');
    // Strict JSON has no comments: only the config action is offered there.
    const json = session.open('spec.json', JSON.stringify({ cluster_type: 'ManagedKubernetes', deletion_protection: 'true' }, null, 2));
    await session.diagnosticsFor(json);
    const titles = (await actionsAt(session, json, 2)).map((a) => a.title);
    expect(titles).toContain('Turn invalid-type off in .acklint.yaml');
    expect(titles.filter((t) => t.startsWith('Disable'))).toEqual([]);
  });

  it('ends the comment with " -- " when the config requires a reason, and offers none when inline comments are off', async () => {
    const [s, uri] = await specUnder('suppressions:\n  requireReason: true\n');
    const line = (await actionsAt(s, uri, 7)).find((a) => a.title === 'Disable invalid-type for this line')!;
    expect((line.edit!.documentChanges![0] as { edits: Array<{ newText: string }> }).edits[0]!.newText).toBe('# acklint-disable-next-line invalid-type -- \n');
    writeFileSync(join(s.root, '.acklint.yaml'), 'suppressions:\n  inline: false\n');
    utimesSync(join(s.root, '.acklint.yaml'), new Date(), new Date(Date.now() + 5000));
    const v = s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await s.diagnosticsFor(uri, v);
    expect((await actionsAt(s, uri, 7)).filter((a) => a.title.startsWith('Disable'))).toEqual([]);
  });

  it('describes the findings about directives on hover', async () => {
    const [s, uri] = await specUnder('suppressions:\n  reportUnused: warning\n');
    s.replaceAll(uri, '# acklint-disable-next-line cluster-name-format\n' + SPEC);
    const { diagnostics } = await s.diagnosticsFor(uri);
    const unused = diagnostics.find((d) => d.range.start.line === 0)!;
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: unused.range.start });
    expect((hover.contents as { value: string }).value).toContain(`**acklint ${unused.code}**: An acklint-disable comment suppresses nothing.`);
  });

  it('turns a rule off in an existing YAML or JSON config, keeping it valid', async () => {
    const [s, uri] = await specUnder('# team config\nfiles: ["*.yaml"]\n');
    const off = (await actionsAt(s, uri, 7)).find((a) => a.title === 'Turn invalid-type off in .acklint.yaml')!;
    const change = off.edit!.documentChanges![0] as { edits: Array<{ newText: string }> };
    const text = change.edits[0]!.newText;
    expect(text).toContain('# team config');
    expect(parseYaml(text)).toEqual({ files: ['*.yaml'], rules: { 'invalid-type': 'off' } });
    const { setRuleOff } = await import('../src/server.js');
    const json = '{\n  "rules": { "a": "warning" }\n}\n';
    const edits = setRuleOff(json, '.acklint.json', 'invalid-type')!;
    const applied = TextDocument.applyEdits(TextDocument.create('x', 'json', 1, json), edits);
    expect(JSON.parse(applied)).toEqual({ rules: { a: 'warning', 'invalid-type': 'off' } });
  });

  it('creates .acklint.yaml when there is no config', async () => {
    session = await startSession();
    const uri = session.open('spec.yaml', SPEC);
    await session.diagnosticsFor(uri);
    const off = (await actionsAt(session, uri, 7)).find((a) => a.title === 'Turn invalid-type off in .acklint.yaml')!;
    expect(off.edit!.documentChanges![0]).toMatchObject({ kind: 'create', uri: session.uri('.acklint.yaml') });
    expect((off.edit!.documentChanges![1] as { edits: Array<{ newText: string }> }).edits[0]!.newText).toBe('rules:\n  invalid-type: off\n');
  });

  it('fixes all safe problems as acklint --fix does: source.fixAll.acklint (also resolved lazily) and acklint.applyFixAll', async () => {
    session = await startSession({ capabilities: { ...PUSH, textDocument: { ...PUSH.textDocument, codeAction: { resolveSupport: { properties: ['edit'] } } } } });
    const original = SPEC.replace('name: demo', 'name: my cluster!');
    const uri = session.open('spec.yaml', original);
    await session.diagnosticsFor(uri);
    // What core's fix loop (acklint --fix) makes of the text.
    await loadYamlParser();
    const expected = fixUntilStable(original, (t) => lintSync(t, { fileName: join(session!.root, 'spec.yaml'), rules: builtinRules, now: NOW })).text;
    expect(expected).not.toBe(original);
    expect(expected).toContain('name: my cluster!'); // the unsafe rename is not applied
    const [fixAll] = await actionsAt(session, uri, 0, ['source.fixAll']);
    expect(fixAll).toMatchObject({ kind: 'source.fixAll.acklint' });
    const doc = session.docs.get(uri)!;
    const edits = (fixAll!.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    expect(TextDocument.applyEdits(doc, edits)).toBe(expected);
    // In the light bulb list the edit comes on resolve.
    const lazy = (await actionsAt(session, uri, 7)).find((a) => a.kind === 'source.fixAll.acklint')!;
    expect(lazy.edit).toBeUndefined();
    const resolved = await session.request<CodeAction>('codeAction/resolve', lazy);
    expect(TextDocument.applyEdits(doc, (resolved.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[])).toBe(expected);
    await session.request('workspace/executeCommand', { command: 'acklint.applyFixAll', arguments: [uri] });
    await session.waitFor(() => session!.applied.length === 1);
    expect(session.docs.get(uri)!.getText()).toBe(expected);
  });

  it('fix-all never sends the unchanged text between two fixes when a password is written there', async () => {
    session = await startSession();
    const original = '{\n  "cluster_type": "ManagedKubernetes",\n  "addons": [{"name": "flannel", "config": {}}],\n  "login_password": "Hunter2SecretPw",\n  "nodepools": [{"nodepool_info": {"name": false}}]\n}\n';
    const uri = session.open('spec.json', original);
    await session.diagnosticsFor(uri);
    const [fixAll] = await actionsAt(session, uri, 0, ['source.fixAll']);
    const edits = (fixAll!.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    expect(edits.length).toBeGreaterThan(1);
    expect(JSON.stringify(edits)).not.toContain('Hunter2SecretPw');
    const fixed = TextDocument.applyEdits(session.docs.get(uri)!, edits);
    expect(fixed).toContain('"config": "{}"');
    expect(fixed).toContain('"name": "false"');
  });

  it('masks a password that names the cluster or a node pool in the outline and in hovers', async () => {
    session = await startSession();
    const text = 'cluster_type: ManagedKubernetes\nlogin_password: &pw Hunter2SecretPw\nname: *pw\nnodepools:\n  - nodepool_info:\n      name: Hunter2SecretPw\n';
    const uri = session.open('spec.yaml', text);
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toHaveLength(1);
    expect(JSON.stringify(symbols)).not.toContain('Hunter2SecretPw');
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 15 } });
    expect(hover).not.toBeNull();
    expect(JSON.stringify(hover)).not.toContain('Hunter2SecretPw');
  });

  it('reads a position between the halves of a surrogate pair as the start of its character', async () => {
    session = await startSession();
    const uri = session.open('spec.json', '{\n  "cluster_type": "ManagedKubernetes",\n  𝒜\n}\n');
    const items = await session.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 3 } });
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const range = (item.textEdit as TextEdit).range;
      expect([range.start.character, range.end.character]).not.toContain(3);
    }
  });

  it('answers acklint/plan with the plan report of the open text', async () => {
    session = await startSession();
    const uri = session.open('spec.yaml', SPEC);
    const { text } = await session.request<{ text: string }>('acklint/plan', { uri });
    expect(text).toContain('Address plan: spec.yaml, cluster demo, Flannel');
    expect(text).toContain('Pod CIDR       172.20.0.0/16');
    const other = session.open('compose.yaml', 'services: {}\n');
    expect((await session.request<{ text: string }>('acklint/plan', { uri: other })).text).toMatch(/^No address plan: not a CreateCluster body/);
  });

  it('outlines the cluster, its node pools by name and its addons', async () => {
    session = await startSession();
    const uri = session.open('spec.yaml', SPEC);
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['demo']);
    expect(symbols[0]!.children!.map((c) => [c.name, c.children!.map((x) => x.name)])).toEqual([
      ['nodepools', ['pool-a']],
      ['addons', ['flannel']],
    ]);
  });
});

describe('robustness', () => {
  it('answers requests about unknown documents and odd positions with empty results', async () => {
    session = await startSession();
    const missing = session.uri('missing.yaml');
    expect(await session.request('textDocument/hover', { textDocument: { uri: missing }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await session.request('textDocument/completion', { textDocument: { uri: missing }, position: { line: 0, character: 0 } })).toEqual([]);
    const uri = session.open('spec.yaml', SPEC);
    expect(await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: -5 } })).toBeNull();
    expect(await session.request('textDocument/completion', { textDocument: { uri }, position: { line: 9999, character: 9999 } })).toBeDefined();
    await expect(session.request('workspace/executeCommand', { command: 'acklint.applyFixAll', arguments: [42] })).rejects.toMatchObject({ code: -32602 });
    // A handler that throws (here on malformed parameters) is logged and answered with an empty result.
    expect(await session.request('textDocument/hover', {})).toBeNull();
    expect(await session.request('textDocument/codeAction', { textDocument: { uri } })).toEqual([]);
    expect(session.logs.some((l) => /code action failed: TypeError/.test(l))).toBe(true);
    expect(await session.request('textDocument/documentSymbol', { textDocument: { uri } })).toHaveLength(1);
  });

  /**
   * Random edits (insertions of junk, deletions, YAML and JSON fragments), with hover and completion asked at random
   * places on the way; the server must stay up and end with exactly a fresh core lint of the final text.
   */
  async function fuzz(name: string, base: string, junk: string[], edits: number): Promise<void> {
    session = await startSession();
    // Named by the config's files:, the document is linted whatever the edits do to its cluster_type.
    writeFileSync(join(session.root, '.acklint.yaml'), `files: [${JSON.stringify(name)}]\n`);
    const uri = session.open(name, base);
    await session.diagnosticsFor(uri);
    await loadYamlParser();
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    /** The published diagnostics of the current version equal a fresh core lint of the text; returns their count. */
    const check = async (): Promise<number> => {
      const published = await session!.diagnosticsFor(uri);
      const text = session!.docs.get(uri)!.getText();
      const fresh = lintSync(text, { fileName: join(session!.root, name), rules: builtinRules, now: NOW });
      const hadBom = text.charCodeAt(0) === 0xfeff;
      const shift = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({
        start: { line: r.start.line, character: r.start.character + (hadBom && r.start.line === 0 ? 1 : 0) },
        end: { line: r.end.line, character: r.end.character + (hadBom && r.end.line === 0 ? 1 : 0) },
      });
      expect(published.diagnostics.map((d) => [d.code, d.range, d.message])).toEqual(fresh.diagnostics.map((d) => [d.ruleId, shift(d.range), d.message]));
      return fresh.diagnostics.length;
    };
    let nonEmpty = 0;
    for (let i = 0; i < edits; i++) {
      const doc = session.docs.get(uri)!;
      const len = doc.getText().length;
      const a = rand(len + 1);
      const kind = rand(3);
      const start = doc.positionAt(a);
      const end = kind === 1 ? doc.positionAt(Math.min(len, a + 1 + rand(4))) : start;
      const text = kind === 1 ? '' : junk[rand(junk.length)]!;
      session.change(uri, [{ range: { start, end }, text }]);
      // Keep the text about the size of a spec, and let some lints and requests through.
      if (len > 4000 || len < base.length / 2) session.replaceAll(uri, base);
      if (i % 500 === 499 && (await check()) > 0) nonEmpty++;
      if (i % 97 === 0) {
        const position = session.docs.get(uri)!.positionAt(rand(len + 1));
        await session.request('textDocument/hover', { textDocument: { uri }, position });
        await session.request('textDocument/completion', { textDocument: { uri }, position });
      }
    }
    // The comparisons were about real findings, not about empty lists.
    expect(nonEmpty).toBe(Math.floor(edits / 500));
    expect(session.logs.filter((l) => l.includes('failed'))).toEqual([]);
    // The server is alive and answering.
    expect(await session.request('textDocument/documentSymbol', { textDocument: { uri } })).toBeDefined();
  }

  it('survives 10,000 random edits of YAML and ends with the diagnostics of a fresh lint of the final text', async () => {
    const junk = ['\n', ': ', '- ', '  ', '"', "'", '{', '}', '[', ']', ',', '#', '&a ', '*a', '<<: ', '\t', '\r\n', '💥', '\u0000', 'cluster_type: ', 'nodepools:\n  - ', 'x'.repeat(40), '\uFEFF', '---\n'];
    await fuzz('fuzz.yaml', SPEC, junk, 10_000);
  }, 60_000);

  it('survives 3,000 random edits of JSON likewise', async () => {
    const json = JSON.stringify({ name: 'demo', cluster_type: 'ManagedKubernetes', region_id: 'cn-hangzhou', deletion_protection: 'true', nodepools: [{ nodepool_info: { name: 'a' } }] }, null, 2);
    const junk = ['\n', ':', ',', '"', '{', '}', '[', ']', '// c\n', '/*', '*/', 'true', 'null', '1e999', '"cluster_type": ', '💥', '\\', '\\u12', '\r\n'];
    await fuzz('fuzz.json', json, junk, 3_000);
  }, 60_000);
});

describe('policies', () => {
  const POLICY = `policies:
  - id: policy/regions
    severity: warning
    description: Clusters only in the regions the platform team runs.
    docs: https://wiki.example.com/regions
    schema:
      properties:
        region_id: {enum: [cn-shanghai], errorMessage: "\${0} is not one of our regions"}
`;

  it('the config\'s policies are linted like rules: exact range, docs link, hover, disable and turn-off actions', async () => {
    const [s, uri] = await specUnder(POLICY);
    const { diagnostics } = await s.diagnosticsFor(uri);
    const [finding] = byCode(diagnostics, 'policy/regions');
    expect(finding).toMatchObject({ severity: 2, message: 'region_id: "cn-hangzhou" is not one of our regions', codeDescription: { href: 'https://wiki.example.com/regions' } });
    expect(textAt(s.docs.get(uri)!, finding!.range)).toBe('cn-hangzhou');
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: finding!.range.start });
    expect(JSON.stringify(hover.contents)).toContain('**acklint policy/regions**: Clusters only in the regions the platform team runs. [Docs](https://wiki.example.com/regions)');
    const titles = (await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: finding!.range, context: { diagnostics: [] } })).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['Disable policy/regions for this line', 'Turn policy/regions off in .acklint.yaml', 'Open docs for policy/regions']));
  });

  it('a policy that is not safe is a diagnostic in the config file, at its place', async () => {
    const [s] = await specUnder(POLICY.replace('{enum: [cn-shanghai]', '{$ref: "https://example.com/r.json"'));
    const configUri = pathToFileURL(join(s.root, '.acklint.yaml')).href;
    const { diagnostics } = await s.diagnosticsFor(configUri);
    expect(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message])).toEqual([
      [7, 26, expect.stringContaining('policy "policy/regions": $ref "https://example.com/r.json" points outside the policy')],
    ]);
  });
});
