// The evaluation thread of the `sema` CLI. It runs with a large stack (deep recursion)
// and streams output to the main thread as it is produced.

import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { Interpreter } from '../eval/interpreter';
import { SemaError } from '../eval/errors';
import { describeError, errorPosition, formatError } from '../eval/format-error';
import { printValue } from '../reader/printer';
import type { EvalReply, EvalRequest, WorkerInit, WorkerMessage } from './protocol';
import { flushTelemetry, setWarningWriter } from '../otel/telemetry';
import { commandCode, rememberError, rememberResult, replCommand, shadowWarnings, startupNames } from './repl-commands';

const port = parentPort!;
const init = workerData as WorkerInit;
let capture: { out: string; err: string } | undefined;
const post = (m: WorkerMessage): void => port.postMessage(m);

const interp = new Interpreter({
  args: init.args,
  interruptFlag: init.interrupt,
  maxDepth: 100_000,
  ...(init.sandbox ? { sandbox: init.sandbox } : {}),
  stdout: (s) => (capture ? (capture.out += s) : post({ t: 'out', s })),
  stderr: (s) => (capture ? (capture.err += s) : post({ t: 'err', s })),
});

const startup = startupNames(interp);

function errorReply(e: unknown, code: string, file: string | undefined): EvalReply['error'] {
  const err = e instanceof SemaError ? e : new SemaError(e instanceof Error ? e.message : String(e), 'eval');
  const pos = errorPosition(err, file === undefined ? code : undefined);
  let report = formatError(err, file === undefined ? code : undefined);
  if (process.env.SEMA_DEBUG === '1' && e instanceof Error) report += `\n${(err as { cause?: Error }).cause?.stack ?? e.stack}`;
  return {
    message: err.type === 'interrupted' ? 'Interrupted' : describeError(err),
    ...(err.hint ? { hint: err.hint } : {}),
    ...(pos ? { line: pos.line, col: pos.col } : {}),
    report: err.type === 'interrupted' ? 'Interrupted' : report,
  };
}

// Telemetry warnings reach the user like the program's own stderr; batched spans are
// handed over before each reply, within a bounded wait, so nothing is lost at exit.
setWarningWriter((s) => interp.writeErr(s));
function done(reply: EvalReply): void {
  flushTelemetry();
  post(reply);
}

port.on('message', (req: EvalRequest) => {
  capture = req.capture ? { out: '', err: '' } : undefined;
  const start = performance.now();
  let reply: EvalReply;
  try {
    if (req.mode === 'command') {
      const o = replCommand(interp, req.code, startup) ?? { out: '', err: `Unknown command: ${req.code.trim().split(/\s+/)[0]} (see ,help)\n` };
      if (o.out) post({ t: 'out', s: o.out });
      if (o.err) post({ t: 'err', s: o.err });
      reply = { t: 'done', id: req.id, ok: true, value: null, stdout: '', stderr: '', error: null, elapsedMs: Math.round(performance.now() - start) };
      Atomics.store(init.interrupt, 0, 0);
      done(reply);
      return;
    }
    if (req.mode === 'repl') {
      const warnings = shadowWarnings(interp, req.code);
      if (warnings) post({ t: 'err', s: warnings });
    }
    const v = interp.evalString(req.code, req.file);
    if (req.mode === 'repl') rememberResult(interp, v);
    const value = v === null ? null : printValue(v);
    if (!req.capture && (req.print === 'always' || (req.print === 'non-nil' && value !== null))) post({ t: 'out', s: (value ?? 'nil') + '\n' });
    reply = { t: 'done', id: req.id, ok: true, value, stdout: capture?.out ?? '', stderr: capture?.err ?? '', error: null, elapsedMs: Math.round(performance.now() - start) };
  } catch (e) {
    if (e instanceof SemaError && e.type === 'exit') {
      const exitCode = typeof e.fields.code === 'number' ? e.fields.code : 0;
      reply = { t: 'done', id: req.id, ok: exitCode === 0, value: null, stdout: capture?.out ?? '', stderr: capture?.err ?? '', error: null, elapsedMs: Math.round(performance.now() - start), exitCode };
      Atomics.store(init.interrupt, 0, 0);
      done(reply);
      return;
    }
    const error = errorReply(e, req.mode === 'command' ? commandCode(req.code) : req.code, req.file)!;
    if (req.mode === 'repl') rememberError(interp, error.message);
    // `,time` reports how long the failed evaluation ran, after the error.
    const took = (e as { elapsed?: unknown }).elapsed;
    const report = typeof took === 'string' ? `${error.report}\nelapsed: ${took}` : error.report;
    reply = { t: 'done', id: req.id, ok: false, value: null, stdout: capture?.out ?? '', stderr: capture?.err ?? '', error: { ...error, report }, elapsedMs: Math.round(performance.now() - start) };
  }
  Atomics.store(init.interrupt, 0, 0);
  done(reply);
});
