import { main, WORKER_ARG, workerMain } from './main.js';

// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
// A worker thread is started with a marker argument, so that a plain run does not load node:worker_threads (a few
// per cent of its start-up) only to find that it is the main thread.
const threads = process.argv.includes(WORKER_ARG) ? process.getBuiltinModule('node:worker_threads') : undefined;
const workerData = threads && !threads.isMainThread ? threads.workerData : undefined;
if ((workerData as { acklintWorker?: boolean } | null | undefined)?.acklintWorker) {
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
