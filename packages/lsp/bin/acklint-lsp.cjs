#!/usr/bin/env node
// Launcher for the language server bundle (built by `npm run build` into ../dist).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'acklint-lsp.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('acklint-lsp: the server bundle is missing; run `npm run build` in the acklint checkout\n');
  process.exit(2);
}
require(bundle);
