// The eval host: owns one child process per session, queues evaluations and streams their
// output. On time-out or cancellation it interrupts the interpreter (definitions survive)
// and kills the process only if that does not stop it within a grace period (the next
// evaluation then starts afresh and is told so). The server's event loop never evaluates.

import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { FromWorker, ResultMessage, WorkerError } from './messages';

export type EvalStatus = 'ok' | 'error' | 'cancelled' | 'timeout' | 'crashed';

export interface HostResult {
  readonly status: EvalStatus;
  readonly value: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error: WorkerError | null;
  readonly elapsedMs: number;
  /** True when this evaluation ran in a fresh process after an earlier one was killed. */
  readonly sessionReset: boolean;
}

export interface EvalJob {
  readonly code: string;
  readonly file?: string;
  readonly onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  /** When it fires the evaluation is cancelled (interrupted, or its process killed). */
  readonly signal?: AbortSignal;
}

export interface SessionOptions {
  readonly timeoutMs: number;
  /** The compiled worker entry; defaults to worker.js beside this file. */
  readonly workerPath?: string;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** How long an interrupted evaluation may take to stop before its process is killed. */
  readonly graceMs?: number;
}

export class EvalSession {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private killed = false;

  constructor(private readonly opts: SessionOptions) {}

  /** Runs `job` after every earlier one; never rejects. */
  evaluate(job: EvalJob): Promise<HostResult> {
    const run = this.queue.then(() => this.run(job));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Discards the session's definitions (kills its process). */
  reset(): void {
    this.kill();
    this.killed = false;
  }

  dispose(): void {
    this.kill();
  }

  private spawn(): ChildProcess {
    const child = fork(this.opts.workerPath ?? join(__dirname, 'worker.js'), [], {
      cwd: this.opts.cwd,
      env: this.opts.env ?? process.env,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'json',
    });
    child.on('exit', () => {
      if (this.child === child) this.child = undefined;
    });
    child.on('error', () => undefined);
    return child;
  }

  private kill(): void {
    const c = this.child;
    this.child = undefined;
    if (c && c.exitCode === null) {
      c.kill('SIGKILL');
      this.killed = true;
    }
  }

  private run(job: EvalJob): Promise<HostResult> {
    const sessionReset = this.killed;
    this.killed = false;
    const child = (this.child ??= this.spawn());
    const id = this.nextId++;
    const t0 = performance.now();
    let stdout = '';
    let stderr = '';
    return new Promise<HostResult>((resolve) => {
      let done = false;
      const finish = (r: Omit<HostResult, 'stdout' | 'stderr' | 'sessionReset'>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        job.signal?.removeEventListener('abort', onAbort);
        resolve({ ...r, stdout, stderr, sessionReset });
      };
      let stopping: 'cancelled' | 'timeout' | undefined;
      const message = (status: 'cancelled' | 'timeout', restarted: boolean) =>
        (status === 'timeout' ? `Evaluation timed out after ${this.opts.timeoutMs} ms` : 'Evaluation cancelled') + (restarted ? ' (session restarted)' : '');
      // First ask the interpreter to stop (the session survives); kill it if it does not.
      const stop = (status: 'cancelled' | 'timeout') => {
        if (stopping) return;
        stopping = status;
        child.send({ type: 'interrupt' });
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (this.child === child) this.kill();
          else child.kill('SIGKILL');
          finish({ status, value: null, error: { message: message(status, true) }, elapsedMs: performance.now() - t0 });
        }, this.opts.graceMs ?? 1000);
      };
      const onMessage = (m: FromWorker) => {
        if (m.type === 'output' && m.id === id) {
          // The result keeps at most MAX_KEPT characters per stream; everything is streamed.
          if (m.stream === 'stdout') stdout = keep(stdout, m.text);
          else stderr = keep(stderr, m.text);
          job.onOutput?.(m.stream, m.text);
        } else if (m.type === 'result' && m.id === id) {
          const r = m as ResultMessage;
          if (stopping && r.interrupted) finish({ status: stopping, value: null, error: { message: message(stopping, false) }, elapsedMs: r.elapsedMs });
          else finish({ status: r.ok ? 'ok' : 'error', value: r.value, error: r.error, elapsedMs: r.elapsedMs });
        }
      };
      const onExit = () => {
        this.killed = true;
        finish({ status: 'crashed', value: null, error: { message: 'The evaluation process exited unexpectedly (session restarted)' }, elapsedMs: performance.now() - t0 });
      };
      const onAbort = () => stop('cancelled');
      let timer = setTimeout(() => stop('timeout'), this.opts.timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      if (job.signal?.aborted) return finish({ status: 'cancelled', value: null, error: { message: message('cancelled', false) }, elapsedMs: 0 });
      job.signal?.addEventListener('abort', onAbort);
      child.send({ type: 'eval', id, code: job.code, ...(job.file !== undefined ? { file: job.file } : {}) });
    });
  }
}

const MAX_KEPT = 1024 * 1024;

/** Appends `more`, keeping the last MAX_KEPT characters (the end of the output matters most). */
function keep(have: string, more: string): string {
  const all = have + more;
  return all.length <= MAX_KEPT ? all : '…' + all.slice(all.length - MAX_KEPT + 1);
}
