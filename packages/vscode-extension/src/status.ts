import * as vscode from 'vscode';

/** The server's `acklint/status` notification: why a document is or is not linted, and which config applies. */
export interface StatusParams {
  uri: string;
  linted: boolean;
  reason: string;
  config?: string;
}

type ServerState = 'starting' | 'running' | 'stopped';

/**
 * The language-status item (the `{}` in the status bar of a JSON or YAML editor): whether acklint lints the active
 * document and why, or why not. It shows the last status the server sent for that document.
 */
export class LintStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private state: ServerState = 'starting';

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('acklint.status', selector);
    this.item.name = 'acklint';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    );
    this.render();
  }

  update(params: StatusParams): void {
    this.byUri.set(params.uri, params);
    this.render();
  }

  serverState(state: ServerState): void {
    this.state = state;
    this.render();
  }

  clear(): void {
    this.byUri.clear();
    this.render();
  }

  /** What the item shows for a document in a given server state. */
  private static describe(status: StatusParams | undefined, state: ServerState): { text: string; detail: string; severity: vscode.LanguageStatusSeverity; busy: boolean } {
    const info = vscode.LanguageStatusSeverity.Information;
    if (state === 'stopped') return { text: 'acklint: stopped', detail: 'The language server is not running', severity: vscode.LanguageStatusSeverity.Error, busy: false };
    if (!status) return { text: 'acklint', detail: state === 'starting' ? 'Starting…' : 'Waiting for the server', severity: info, busy: state === 'starting' };
    const config = status.config ? ` · config ${displayPath(status.config)}` : '';
    return { text: status.linted ? 'acklint: linted' : 'acklint: not linted', detail: `${status.reason}${config}`, severity: info, busy: false };
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const shown = LintStatus.describe(uri === undefined ? undefined : this.byUri.get(uri), this.state);
    this.item.text = shown.text;
    this.item.detail = shown.detail;
    this.item.severity = shown.severity;
    this.item.busy = shown.busy;
    this.item.command = { title: 'Show output', command: 'acklint.showOutput' };
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** A config given as a file URI or path, shown relative to the workspace when it is inside it. */
function displayPath(config: string): string {
  const uri = /^[a-z][a-z0-9+.-]*:/i.test(config) ? vscode.Uri.parse(config) : vscode.Uri.file(config);
  return vscode.workspace.asRelativePath(uri, false);
}
