/**
 * The built server (packages/lsp/bin/acklint-lsp.cjs, as editors start it) answers over each transport it offers:
 * stdio, Node IPC and a socket. `npm test` builds the bundle first.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'acklint-lsp.cjs');
const children: ChildProcess[] = [];
let server: Server | undefined;
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
  server?.close();
});

async function initialize(conn: ProtocolConnection): Promise<unknown> {
  conn.listen();
  const r = await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  conn.dispose();
  return (r as { serverInfo: unknown }).serverInfo;
}

describe('acklint-lsp transports', () => {
  it('--stdio', async () => {
    const child = fork(bin, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'] });
    children.push(child);
    expect(await initialize(createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)))).toMatchObject({ name: 'acklint-lsp' });
  });

  it('--node-ipc', async () => {
    const child = fork(bin, ['--node-ipc'], { silent: true });
    children.push(child);
    expect(await initialize(createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child)))).toMatchObject({ name: 'acklint-lsp' });
  });

  it('--socket=PORT', async () => {
    const info = await new Promise<unknown>((resolve, reject) => {
      server = createServer((socket) => initialize(createProtocolConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket))).then(resolve, reject));
      server.listen(0, '127.0.0.1', () => {
        const port = (server!.address() as { port: number }).port;
        children.push(fork(bin, [`--socket=${port}`], { silent: true }));
      });
    });
    expect(info).toMatchObject({ name: 'acklint-lsp' });
  });

  it('says how to start it when no transport is given', async () => {
    const child = fork(bin, [], { silent: true });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(err).toContain('--stdio');
  });
});
