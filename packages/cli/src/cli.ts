import { main } from './main.js';

// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
