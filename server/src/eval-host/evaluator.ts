// The session's interpreter inside the evaluation thread: evaluates each request and
// reports value, error (with offsets into the evaluated code) and elapsed time.

import { Interpreter, SemaError, describeError, flushTelemetry, printValue } from '@sema/runtime';
import type { EvalMessage, FromWorker, ResultMessage, WorkerError } from './messages';

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

function errorOf(e: unknown, file: string | undefined): WorkerError {
  if (e instanceof SemaError) {
    const loc = e.location;
    const here = loc && loc.file === file;
    return here ? { message: describeError(e), start: loc.span.start, end: loc.span.end } : { message: describeError(e) };
  }
  if (e instanceof RangeError) return { message: 'Eval error: stack depth exceeded' };
  return { message: `Internal error: ${e instanceof Error ? e.message : String(e)}` };
}

/** Creates the session; the returned function evaluates one request and posts its result. */
export function evaluator(interruptFlag: Int32Array, post: (m: FromWorker) => void): (m: EvalMessage) => void {
  let current = 0;
  const interp = new Interpreter({
    modules: extraModules(),
    interruptFlag,
    maxDepth: 100_000,
    stdout: (text) => post({ type: 'output', id: current, stream: 'stdout', text }),
    stderr: (text) => post({ type: 'output', id: current, stream: 'stderr', text }),
  });
  return (m) => {
    current = m.id;
    const t0 = performance.now();
    const elapsed = () => performance.now() - t0;
    let result: ResultMessage;
    try {
      const v = interp.evalString(m.code, m.file);
      result = { type: 'result', id: m.id, ok: true, value: printValue(v), error: null, elapsedMs: elapsed() };
    } catch (e) {
      if (e instanceof SemaError && e.type === 'exit') {
        // `(exit n)` ends a script; in an editor session it only ends this evaluation.
        const code = typeof e.fields['code'] === 'number' ? e.fields['code'] : 0;
        const error = code === 0 ? null : { message: `exit with status ${code}` };
        result = { type: 'result', id: m.id, ok: code === 0, value: null, error, elapsedMs: elapsed() };
      } else if (e instanceof SemaError && e.type === 'interrupted') {
        result = { type: 'result', id: m.id, ok: false, value: null, error: { message: 'Interrupted' }, elapsedMs: elapsed(), interrupted: true };
      } else {
        result = { type: 'result', id: m.id, ok: false, value: null, error: errorOf(e, m.file), elapsedMs: elapsed() };
      }
    }
    // Spans of this evaluation go out now (a session lives long; waiting for exit loses them).
    flushTelemetry();
    post(result);
  };
}
