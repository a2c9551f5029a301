#!/usr/bin/env node
// The CLI is bundled into ../dist by `npm run build` (which `npm install` and `npm ci` run through `prepare`).
'use strict';
try {
  require.resolve('../dist/acklint.cjs');
} catch {
  process.stderr.write('acklint: the CLI bundle is missing; run `npm run build` in the acklint checkout\n');
  process.exit(2);
}
require('../dist/acklint.cjs');
