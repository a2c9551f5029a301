import { isMainThread, workerData } from 'node:worker_threads';
import { main, workerMain } from './main.js';

// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
if (!isMainThread && (workerData as { acklintWorker?: boolean } | null)?.acklintWorker) {
  // A worker thread of a large run (see lintAll in main.ts).
  void workerMain(workerData);
} else {
  // `acklint -f sarif . | head -1`: the reader has gone; stop quietly, as Unix tools do, instead of an EPIPE trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw err;
    });
  }
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
