/**
 * An in-process LSP session: the acklint server and a real vscode-languageserver-protocol client connected by two
 * streams, with the client side of the requests the server makes (configuration, registration, applyEdit…) recorded.
 */
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type ServerOptions, type StatusParams } from '../src/server.js';

export const NOW = new Date('2026-06-01T00:00:00Z');

export interface SessionOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** What the client answers to workspace/configuration (section acklint); undefined: no such capability. */
  settings?: unknown;
  root?: string;
  /** How the server is started (default: "today" is {@link NOW}, 5 ms between a keystroke and the lint). */
  server?: ServerOptions;
}

export const PUSH: ClientCapabilities = {
  textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, completion: { completionItem: { snippetSupport: true } } },
  workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
};

export const PULL: ClientCapabilities = {
  ...PUSH,
  textDocument: { ...PUSH.textDocument, diagnostic: { dynamicRegistration: false } },
  workspace: { ...PUSH.workspace, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true },
  window: { showDocument: { support: true } },
};

export class Session {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  readonly applied: WorkspaceEdit[] = [];
  readonly shown: string[] = [];
  refreshes = 0;
  readonly docs = new Map<string, TextDocument>();
  private waiters: Array<() => void> = [];

  constructor(
    readonly client: ProtocolConnection,
    private readonly dispose: () => void,
    readonly root: string,
  ) {}

  notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when `pred` holds (checked after each message from the server), or rejects after `ms`. */
  waitFor<T>(pred: () => T | undefined | false, ms = 5000, what = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = pred();
        if (v) {
          clearTimeout(timer);
          resolve(v);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      const loop = () => {
        if (!check()) this.waiters.push(loop);
      };
      loop();
    });
  }

  uri(name: string): string {
    return pathToFileURL(join(this.root, name)).href;
  }

  open(name: string, text: string, languageId = name.endsWith('.json') ? 'json' : 'yaml'): string {
    const uri = this.uri(name);
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    void this.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, next);
    void this.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  /** Replaces the whole text (as an incremental change of the full range). */
  replaceAll(uri: string, text: string): number {
    const doc = this.docs.get(uri)!;
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text }]);
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The diagnostics published for `uri` at its current version. */
  diagnosticsFor(uri: string, version = this.docs.get(uri)?.version): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => [...this.published].reverse().find((p) => p.uri === uri && (version === undefined || p.version === version)), 5000, `diagnostics of ${uri} v${version}`);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.client.sendRequest(method, params) as Promise<R>;
  }

  /** Applies a workspace edit to the open documents the session holds (as an editor would). */
  applyEdit(edit: WorkspaceEdit): void {
    const apply = (uri: string, edits: { range: import('vscode-languageserver-protocol').Range; newText: string }[]) => {
      const doc = this.docs.get(uri);
      if (!doc) return;
      const text = TextDocument.applyEdits(doc, edits);
      this.replaceAll(uri, text);
    };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) apply(uri, edits);
    for (const c of edit.documentChanges ?? []) if ('textDocument' in c) apply(c.textDocument.uri, c.edits as never);
  }

  /** Shuts the server down the way a client does (requests in flight are answered first), then closes the streams. */
  async end(): Promise<void> {
    await Promise.race([this.client.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    this.dispose();
  }
}

export function tempDir(): string {
  return realpathSync(mkdtempSync(join(tmpdir(), 'acklint-lsp-')));
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(serverConnection, options.server ?? { now: () => NOW, lintDelay: 5 });
  serverConnection.listen();
  const client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const root = options.root ?? tempDir();
  const session = new Session(
    client,
    () => {
      client.dispose();
      serverConnection.dispose();
      up.destroy();
      down.destroy();
    },
    root,
  );
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    session.published.push(p);
    session.notify();
  });
  client.onNotification('acklint/status', (p: StatusParams) => {
    session.statuses.push(p);
    session.notify();
  });
  client.onNotification('window/logMessage', (p: { message: string }) => {
    session.logs.push(p.message);
    session.notify();
  });
  client.onNotification('window/showMessage', (p: { message: string }) => {
    session.shown.push(p.message);
    session.notify();
  });
  client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? null));
  client.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
    session.registrations.push(...p.registrations);
    session.notify();
    return null;
  });
  client.onRequest('client/unregisterCapability', () => null);
  client.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
    session.applied.push(p.edit);
    session.applyEdit(p.edit);
    session.notify();
    return { applied: true };
  });
  client.onRequest('window/showDocument', (p: { uri: string }) => {
    session.shown.push(p.uri);
    session.notify();
    return { success: true };
  });
  client.onRequest('workspace/diagnostic/refresh', () => {
    session.refreshes++;
    session.notify();
    return null;
  });
  client.listen();
  const caps: ClientCapabilities = options.capabilities ?? PUSH;
  const withConfig = options.settings !== undefined ? { ...caps, workspace: { ...caps.workspace, configuration: true } } : caps;
  await client.sendRequest('initialize', {
    processId: null,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'root' }],
    capabilities: withConfig,
    initializationOptions: options.initializationOptions ?? null,
  });
  await client.sendNotification('initialized', {});
  return session;
}

/** The text a range covers in a document. */
export function textAt(doc: TextDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return doc.getText(range);
}
