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
  // `acklint --help | head -1`: the reader has gone; stop quietly, as Unix tools do, instead of an EPIPE trace. Each
  // stream is guarded when first used: Node creates process.stdout and process.stderr on first access, which is a few
  // per cent of the start-up of a clean run (it writes nothing; reports go out through fs.writeSync).
  for (const name of ['stdout', 'stderr'] as const) onFirstUse(name, guardPipe);
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

function guardPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw err;
  });
}

/** Calls `setUp` with process[name] when that stream is first used (at once if Node's lazy getter is not there). */
function onFirstUse(name: 'stdout' | 'stderr', setUp: (stream: NodeJS.WriteStream) => void): void {
  const own = Object.getOwnPropertyDescriptor(process, name);
  const get = own?.get;
  if (!own || !get || !own.configurable) {
    setUp(process[name]);
    return;
  }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: own.enumerable,
    get() {
      const stream = get.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, name, { configurable: true, enumerable: own.enumerable, get: () => stream });
      setUp(stream);
      return stream;
    },
  });
}
