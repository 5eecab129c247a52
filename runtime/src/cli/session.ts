// Main-thread side of an evaluation worker: sends code, relays streamed output,
// interrupts (Ctrl+C) and enforces time limits.

import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalReply, EvalRequest, WorkerInit, WorkerMessage } from './protocol';
import type { SandboxSpec } from '../eval/sandbox';

/** Finds the worker script both in tsc output (eval-worker.js) and in a bundle (sema-eval-worker.js). */
function workerPath(): string {
  for (const name of ['eval-worker.js', 'sema-eval-worker.js']) {
    const p = join(__dirname, name);
    if (existsSync(p)) return p;
  }
  throw new Error(`sema: evaluation worker not found next to ${__dirname}`);
}

export interface SessionOptions {
  readonly args: string[];
  readonly sandbox?: SandboxSpec;
  onStdout(s: string): void;
  onStderr(s: string): void;
}

export class EvalSession {
  private readonly worker: Worker;
  private readonly interruptFlag = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;
  private pending: { id: number; resolve: (r: EvalReply) => void } | undefined;
  private exited = false;

  constructor(private readonly opts: SessionOptions) {
    const init: WorkerInit = { args: opts.args, interrupt: this.interruptFlag, ...(opts.sandbox ? { sandbox: opts.sandbox } : {}) };
    this.worker = new Worker(workerPath(), {
      workerData: init,
      // Deep (non-tail) recursion needs far more stack than a thread's default.
      resourceLimits: { stackSizeMb: 256 },
      stdout: false,
      stderr: false,
    });
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.t === 'out') this.opts.onStdout(m.s);
      else if (m.t === 'err') this.opts.onStderr(m.s);
      else if (m.t === 'done' && this.pending && m.id === this.pending.id) {
        const p = this.pending;
        this.pending = undefined;
        p.resolve(m);
      }
    });
    const fail = (message: string): void => {
      this.exited = true;
      if (this.pending) {
        const p = this.pending;
        this.pending = undefined;
        p.resolve(failure(p.id, message));
      }
    };
    this.worker.on('error', (e) => fail(`internal error: ${e instanceof Error ? e.message : String(e)}`));
    this.worker.on('exit', () => fail('evaluation stopped'));
  }

  /** Evaluates `code`; resolves with the reply (never rejects). */
  eval(code: string, file: string | undefined, print: EvalRequest['print'], capture = false, timeoutMs?: number, mode?: EvalRequest['mode']): Promise<EvalReply> {
    if (this.exited) return Promise.resolve(failure(0, 'evaluation stopped'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      this.pending = {
        id,
        resolve: (r) => {
          if (timer) clearTimeout(timer);
          resolve(r);
        },
      };
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          // A runaway loop may never look at the flag (e.g. inside a builtin): stop the thread.
          const p = this.pending;
          this.pending = undefined;
          void this.worker.terminate();
          this.exited = true;
          p?.resolve(failure(id, `evaluation timed out after ${timeoutMs} ms`));
        }, timeoutMs);
      }
      const req: EvalRequest = { t: 'eval', id, code, file, capture, print, ...(mode ? { mode } : {}) };
      this.worker.postMessage(req);
    });
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** Asks the running evaluation to stop ("Interrupted"); the session stays usable. */
  interrupt(): void {
    Atomics.store(this.interruptFlag, 0, 1);
  }

  async close(): Promise<void> {
    this.exited = true;
    await this.worker.terminate();
  }
}

function failure(id: number, message: string): EvalReply {
  return { t: 'done', id, ok: false, value: null, stdout: '', stderr: '', error: { message, report: `Error: ${message}` }, elapsedMs: 0 };
}
