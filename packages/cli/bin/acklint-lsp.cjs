#!/usr/bin/env node
// Launcher of the acklint language server in the published package: the server bundle is copied to ../dist/lsp by
// scripts/prepack.mjs (from packages/lsp/dist). In a checkout, use packages/lsp/bin/acklint-lsp.cjs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const server = path.join(__dirname, '..', 'dist', 'lsp', 'acklint-lsp.cjs');
if (!fs.existsSync(server)) {
  process.stderr.write('acklint-lsp: this build of acklint does not include the language server (dist/lsp/acklint-lsp.cjs)\n');
  process.exit(2);
}
require(server);
