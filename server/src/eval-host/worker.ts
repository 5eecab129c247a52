// Child-process entry of the eval host: one interpreter per process (the session), fed
// code over IPC; output is sent back as it is printed. Killing the process is how a
// runaway evaluation is stopped, so nothing here needs to cooperate with cancellation.

import { Interpreter, SemaError, describeError, printValue } from '@sema/runtime';
import type { FromWorker, ToWorker, WorkerError } from './messages';

function send(m: FromWorker): void {
  process.send?.(m);
}

/**
 * Embedders and tests can install extra builtins: SEMA_EVAL_EXTRA_MODULES names a module
 * exporting `modules` (an array of stdlib modules).
 */
function extraModules(): NonNullable<ConstructorParameters<typeof Interpreter>[0]>['modules'] {
  const path = process.env['SEMA_EVAL_EXTRA_MODULES'];
  if (!path) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path) as { modules?: [] }).modules ?? [];
}

let current = 0;
const interp = new Interpreter({
  modules: extraModules(),
  stdout: (text) => send({ type: 'output', id: current, stream: 'stdout', text }),
  stderr: (text) => send({ type: 'output', id: current, stream: 'stderr', text }),
});

function errorOf(e: unknown, file: string | undefined): WorkerError {
  if (e instanceof SemaError) {
    const loc = e.location;
    const here = loc && loc.file === file;
    return here ? { message: describeError(e), start: loc.span.start, end: loc.span.end } : { message: describeError(e) };
  }
  if (e instanceof RangeError) return { message: 'Eval error: stack depth exceeded' };
  return { message: `Internal error: ${e instanceof Error ? e.message : String(e)}` };
}

process.on('message', (m: ToWorker) => {
  if (m.type !== 'eval') return;
  current = m.id;
  const t0 = performance.now();
  try {
    const v = interp.evalString(m.code, m.file);
    send({ type: 'result', id: m.id, ok: true, value: printValue(v), error: null, elapsedMs: performance.now() - t0 });
  } catch (e) {
    send({ type: 'result', id: m.id, ok: false, value: null, error: errorOf(e, m.file), elapsedMs: performance.now() - t0 });
  }
});

// The parent going away must not leave an orphan spinning.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
