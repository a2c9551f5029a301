#!/usr/bin/env node
// The editor path: acklint-lsp (the built bundle, over stdio, as an editor runs it) re-linting after one keystroke.
// Time from sending textDocument/didChange to receiving the publishDiagnostics of that version, with the server's
// debounce set to 0 (initializationOptions.lintDelay) so that only the work is measured. Specs: about 200 lines, and
// about 20,000 lines (many node pools); and the server's memory after 1,000 edits.
// Usage: node scripts/bench-editor.mjs [--samples N]   (run `npm run build` first; `npm run bench` runs it at the end)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { yamlWithoutTokenLog } from './esbuild-yaml.mjs';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { samples: { type: 'string', default: '300' } } });
const samples = Number(values.samples);

/** A YAML CreateCluster body with `pools` node pools (about 18 lines each). */
function spec(pools) {
  const lines = [
    'name: bench-cluster',
    'cluster_type: ManagedKubernetes',
    'cluster_spec: ack.pro.small',
    'region_id: cn-hangzhou',
    'kubernetes_version: 1.35.1-aliyun.1',
    'vpcid: vpc-bp1example0000000000',
    'vswitch_ids: [vsw-bp1example000000000a, vsw-bp1example000000000b]',
    'container_cidr: 172.20.0.0/16',
    'service_cidr: 172.21.0.0/20',
    'deletion_protection: true',
    'addons:',
    '  - name: flannel',
    '  - name: csi-plugin',
    'nodepools:',
  ];
  for (let i = 0; i < pools; i++) {
    lines.push(
      `  - nodepool_info:`,
      `      name: pool-${i}`,
      `    scaling_group:`,
      `      vswitch_ids:`,
      `        - vsw-bp1example000000000a`,
      `        - vsw-bp1example000000000b`,
      `      instance_types: [ecs.g7.xlarge, ecs.g6.xlarge]`,
      `      system_disk_category: cloud_essd`,
      `      system_disk_size: 120`,
      `      key_pair: ops-keypair`,
      `      desired_size: 3`,
      `      data_disks:`,
      `        - category: cloud_essd`,
      `          size: 200`,
      `    management:`,
      `      enable: true`,
      `      auto_repair: true`,
      `    kubernetes_config: { runtime: containerd }`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * The same re-lints without the server: core's lint session (what the server keeps per open document, reusing the
 * previous parse) updated with the edited text in one process (bundled on the fly from the sources), so the output
 * shows what the protocol and the server add.
 */
async function coreOnly(text, n) {
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'editor-spec.yaml');
  writeFileSync(input, text);
  const script = join(dir, 'editor-core.cjs');
  const entry = `
    const { LintSession, loadYamlParser } = require('@acklint/core');
    const { builtinRules } = require('@acklint/rules');
    const text = require('node:fs').readFileSync(${JSON.stringify(input)}, 'utf8');
    const at = text.indexOf('name: pool-0') + 12;
    loadYamlParser().then(() => {
      const session = new LintSession({ fileName: 'spec.yaml', rules: builtinRules });
      const times = [];
      let cpu0;
      for (let i = 0; i < ${n} + 10; i++) {
        if (i === 10) cpu0 = process.cpuUsage();
        const t = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text;
        const t0 = performance.now();
        session.update(t);
        if (i >= 10) times.push(performance.now() - t0);
      }
      const used = process.cpuUsage(cpu0);
      console.log(JSON.stringify({ times, cpu: (used.user + used.system) / 1000 / ${n} }));
    });`;
  // Built like the server bundle (the same yaml plugin), so that the two differ only by the server.
  await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: 'js' }, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: script, logLevel: 'warning', plugins: [yamlWithoutTokenLog] });
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  const { times, cpu } = JSON.parse(r.stdout);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), cpu };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** CPU time the process has used, in ms (user + system, from /proc; clock ticks of 10 ms, so only means are precise). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function main() {
  const child = spawn(process.execPath, [join(root, 'packages/lsp/bin/acklint-lsp.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}#${p.version}`;
    waiting.get(key)?.(p);
    waiting.delete(key);
  });
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { lintDelay: 0 } });
  conn.sendNotification('initialized', {});
  const published = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));

  /** Opens `text`, then times `n` keystrokes (alternately typing and deleting one character in a node pool name). */
  async function keystrokes(name, text, n, warmup) {
    const uri = pathToFileURL(join(root, '.bench', name)).href;
    let version = 1;
    let ready = published(uri, version);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const first = await ready;
    const line = text.split('\n').findIndex((l) => l.includes('name: pool-0'));
    const times = [];
    let cpu0 = 0;
    for (let i = 0; i < n + warmup; i++) {
      if (i === warmup) cpu0 = cpuMs(child.pid);
      version++;
      const typing = i % 2 === 0;
      const change = typing
        ? { range: { start: { line, character: 18 }, end: { line, character: 18 } }, text: 'x' }
        : { range: { start: { line, character: 18 }, end: { line, character: 19 } }, text: '' };
      ready = published(uri, version);
      const t0 = performance.now();
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await ready;
      if (i >= warmup) times.push(performance.now() - t0);
    }
    const cpu = (cpuMs(child.pid) - cpu0) / n;
    conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), cpu, lines: text.split('\n').length - 1, findings: first.diagnostics.length };
  }

  const show = (r, core, target) => {
    console.log(`acklint-lsp re-lint after one keystroke, ${r.lines}-line spec (${r.findings} findings): p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (target p95 <= ${target} ms, ${(r.p95 / target).toFixed(2)}x the target); CPU ${r.cpu.toFixed(2)} ms per keystroke`);
    console.log(`  core parse + lint alone, same edits in one process:   p50 ${core.p50.toFixed(2)} ms, p95 ${core.p95.toFixed(2)} ms (server/core ratio ${(r.p50 / core.p50).toFixed(2)}x p50); CPU ${core.cpu.toFixed(2)} ms per lint`);
  };

  // Memory first, in the fresh server: after opening a spec, then after 1,000 edits of it.
  const before = rssMiB(child.pid);
  await keystrokes('memory.yaml', spec(11), 1000, 0);
  const after = rssMiB(child.pid);
  console.log(`acklint-lsp memory (RSS) after 1,000 edits of a 212-line spec: ${after.toFixed(1)} MiB (${before.toFixed(1)} MiB when it started)`);

  const smallText = spec(11);
  const small = await keystrokes('small.yaml', smallText, samples, 50);
  show(small, await coreOnly(smallText, samples), 10);
  const largeText = spec(1111);
  const largeSamples = Math.max(15, Math.floor(samples / 20));
  const large = await keystrokes('large.yaml', largeText, largeSamples, 3);
  show(large, await coreOnly(largeText, largeSamples), 200);


  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  conn.dispose();
  child.kill();
}

await main();
