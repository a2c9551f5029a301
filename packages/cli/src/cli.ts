import { isMainThread, workerData } from 'node:worker_threads';
import { main, workerMain } from './main.js';

// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
if (!isMainThread && (workerData as { acklintWorker?: boolean } | null)?.acklintWorker) {
  // A worker thread of a large run (see lintAll in main.ts).
  void workerMain(workerData);
} else {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
