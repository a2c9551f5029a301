import * as vscode from 'vscode';

/** Documents of this scheme are read-only views: VS Code gives a content provider's documents no save. */
const SCHEME = 'acklint-plan';

type PlanRequest = (source: vscode.Uri) => Promise<{ text: string }>;

/**
 * "acklint: Show address plan": the `acklint plan` report of a spec (its VPC, vSwitch, pod and service ranges and
 * their checks), asked of the server with `acklint/plan` and shown in a read-only document beside the spec. The view
 * follows the spec: it is asked again, after a pause, whenever the spec changes while the view is open.
 */
export class PlanDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly request: PlanRequest) {
    this.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri)),
    );
  }

  async show(source: vscode.Uri): Promise<void> {
    const view = planUri(source);
    this.changed.fire(view);
    const document = await vscode.workspace.openTextDocument(view);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }

  async provideTextDocumentContent(view: vscode.Uri): Promise<string> {
    const source = vscode.Uri.parse(view.query, true);
    try {
      return (await this.request(source)).text;
    } catch (error) {
      return `acklint could not make the address plan of ${source.fsPath}: ${error instanceof Error ? error.message : String(error)}\n`;
    }
  }

  private sourceChanged(source: vscode.Uri): void {
    if (source.scheme === SCHEME) return;
    const view = planUri(source);
    const key = view.toString();
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return;
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.changed.fire(view);
      }, 300),
    );
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

/** The view of a spec's plan: named after the spec, the spec's URI carried in the query. */
function planUri(source: vscode.Uri): vscode.Uri {
  const name = source.path.slice(source.path.lastIndexOf('/') + 1) || 'spec';
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name} (address plan).txt`, query: source.toString() });
}
