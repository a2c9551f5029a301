/**
 * The acklint extension: a thin client of the acklint language server (bundled beside this file as
 * dist/server/acklint-lsp.cjs). The server decides which documents are cluster specs and does all the linting; the
 * client starts it, passes the `acklint` settings on, and shows what the server reports through its protocol extras
 * (`acklint/status`, `acklint/plan`, the `acklint.applyFixAll` command).
 */
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { PlanDocuments } from './plan.js';
import { LintStatus, type StatusParams } from './status.js';

/** The documents the server looks at; it decides by content and configuration which of them are cluster specs. */
const DOCUMENT_SELECTOR: { scheme: string; language: string }[] = ['json', 'jsonc', 'yaml'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

const SERVER_FIX_ALL = 'acklint.applyFixAll';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server/acklint-lsp.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // The server pulls settings with workspace/configuration (scoped per document) and registers for
    // workspace/didChangeConfiguration of the `acklint` section, so a change applies without a reload. Servers
    // that cannot pull read these.
    initializationOptions: { settings: plainSettings() },
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // No retry: a server that fails to initialize fails again; start() rejects and says why once (startOrReport).
    initializationFailedHandler: () => false,
  };
  const lsp = new LanguageClient('acklint', 'acklint', serverOptions, clientOptions);
  client = lsp;

  const status = new LintStatus(DOCUMENT_SELECTOR);
  const plans = new PlanDocuments(async (uri) => {
    await lsp.start();
    return lsp.sendRequest<{ text: string }>('acklint/plan', { uri: uri.toString() });
  });
  context.subscriptions.push(
    status,
    plans,
    lsp.onNotification('acklint/status', (params: StatusParams) => status.update(params)),
    lsp.onDidChangeState((e) => status.serverState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped')),
    vscode.commands.registerCommand('acklint.restartServer', async () => {
      status.clear();
      await startOrReport(lsp.state === State.Stopped ? lsp.start() : lsp.restart());
    }),
    vscode.commands.registerCommand('acklint.showOutput', () => lsp.outputChannel.show(true)),
    vscode.commands.registerCommand('acklint.fixAll', async () => {
      const document = activeSpec();
      if (!document) {
        void vscode.window.showInformationMessage('acklint: open a JSON or YAML cluster spec to fix it.');
        return;
      }
      await lsp.sendRequest(ExecuteCommandRequest.type, { command: SERVER_FIX_ALL, arguments: [document.uri.toString()] });
    }),
    vscode.commands.registerCommand('acklint.showPlan', async () => {
      const document = activeSpec();
      if (!document) {
        void vscode.window.showInformationMessage('acklint: open a JSON or YAML cluster spec to see its address plan.');
        return;
      }
      await plans.show(document.uri);
    }),
  );
  // Activation does not wait for the server: the commands and the status item are there at once.
  void startOrReport(lsp.start());
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** The active editor's document when it is one the server looks at. */
function activeSpec(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && vscode.languages.match(DOCUMENT_SELECTOR, document) > 0 ? document : undefined;
}

/** The `acklint` settings as plain JSON, for servers that read them from initializationOptions. */
function plainSettings(): unknown {
  const c = vscode.workspace.getConfiguration('acklint');
  return { enable: c.get('enable', true), inventory: c.get('inventory', []), rules: c.get('rules', {}), trace: { server: c.get('trace.server', 'off') } };
}

async function startOrReport(starting: Promise<void>): Promise<void> {
  try {
    await starting;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const choice = await vscode.window.showErrorMessage(`acklint: the language server did not start: ${message}`, 'Show output');
    if (choice) client?.outputChannel.show(true);
  }
}
