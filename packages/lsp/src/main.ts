/**
 * acklint-lsp: the language server over stdio (`--stdio`), Node IPC (`--node-ipc`) or a socket (`--socket=N`), as
 * vscode-languageserver reads them from the command line.
 */
import { setFlagsFromString } from 'node:v8';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { VERSION } from '@acklint/core';
import { startServer } from './server.js';

if (process.argv.includes('--version') || process.argv.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.stderr.write('acklint-lsp: the acklint language server; start it from an editor with --stdio (or --node-ipc, --socket=PORT)\n');
  process.exit(2);
}

// As in the CLI: without inlining, V8 spends far less time optimising the hundred rules the server calls after each
// keystroke (CPU per re-lint of a 200-line spec about a tenth lower, the first re-lints of a 20,000-line JSON spec
// about a quarter lower; start-up unchanged). Optimisation happens later, so setting it here covers every way the
// server is started (the launcher, the VS Code extension loading the bundle directly).
setFlagsFromString('--no-turbo-inlining');
const connection = createConnection(ProposedFeatures.all);
// The server never dies of its own errors: anything that escapes a handler is logged and the server carries on.
process.on('uncaughtException', (err) => connection.console.error(`acklint: unexpected error: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`acklint: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
startServer(connection);
connection.listen();
