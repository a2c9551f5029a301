#!/usr/bin/env node
// Thin launcher: the CLI is bundled into ../dist by `npm run build` (run by `npm install`'s prepare step).
import('../dist/acklint.mjs').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('acklint.mjs')) {
    process.stderr.write('acklint: the CLI bundle is missing; run `npm run build` in the acklint checkout\n');
  } else {
    process.stderr.write(`acklint: ${err && err.message ? err.message : err}\n`);
  }
  process.exitCode = 2;
});
