// Entry of the eval host's child process, in two roles. In the process's main thread it
// relays IPC from the server to an evaluation thread (started from this same file, so a
// bundle needs one entry) and sets the shared interrupt flag on request. In that thread
// one interpreter (the session) evaluates with a large stack, streaming its output.
// Killing the process stops anything the interrupt flag cannot.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './messages';

if (isMainThread) runProcess();
else runThread();

function runProcess(): void {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const thread = new Worker(__filename, {
    workerData: { flag },
    // Deep (non-tail) recursion needs far more stack than a thread's default.
    resourceLimits: { stackSizeMb: 256 },
    stdout: false,
    stderr: false,
  });
  thread.on('message', (m: FromWorker) => process.send?.(m));
  // The host sees the process exit and reports the session as restarted.
  thread.on('error', () => process.exit(70));
  thread.on('exit', () => process.exit(70));
  process.on('message', (m: ToWorker) => {
    if (m.type === 'interrupt') Atomics.store(flag, 0, 1);
    else {
      Atomics.store(flag, 0, 0);
      thread.postMessage(m);
    }
  });
  // The server going away must not leave an orphan spinning.
  process.on('disconnect', () => process.exit(0));
}

function runThread(): void {
  // Loaded only here: the process's main thread stays small and never evaluates.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { evaluator } = require('./evaluator') as typeof import('./evaluator');
  const port = parentPort!;
  const run = evaluator((workerData as { flag: Int32Array }).flag, (m) => port.postMessage(m));
  port.on('message', (m: ToWorker) => {
    if (m.type === 'eval') run(m);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
