// Runs a Sema program that calls `http/serve` on an Interpreter in a worker thread (the
// server blocks its thread), so a test can talk to it over real HTTP on 127.0.0.1.

import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SandboxSpec } from '../../src/eval/sandbox';

const RUNNER = `
const { workerData, parentPort } = require('node:worker_threads');
const { Interpreter } = require(workerData.interpreter);
const interp = new Interpreter({
  interruptFlag: workerData.flag,
  ...(workerData.sandbox ? { sandbox: workerData.sandbox } : {}),
  stdout: (s) => parentPort.postMessage({ t: 'out', s }),
  stderr: (s) => parentPort.postMessage({ t: 'err', s }),
});
try {
  interp.evalString(workerData.code);
  parentPort.postMessage({ t: 'done' });
} catch (e) {
  parentPort.postMessage({ t: 'done', error: { type: e.type, message: e.message } });
}
`;

export interface Finished {
  readonly error?: { type: string; message: string };
}

export class ServedProgram {
  out = '';
  err = '';
  ended = false;
  readonly finished: Promise<Finished>;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private readonly watchers: (() => void)[] = [];

  constructor(code: string, sandbox?: SandboxSpec) {
    this.worker = new Worker(RUNNER, {
      eval: true,
      workerData: { code, flag: this.flag, interpreter: join(__dirname, '../../src/eval/interpreter.js'), ...(sandbox ? { sandbox } : {}) },
    });
    this.finished = new Promise((resolve, reject) => {
      this.worker.on('error', reject);
      this.worker.on('message', (m: { t: string; s?: string; error?: Finished['error'] }) => {
        if (m.t === 'out') this.out += m.s;
        else if (m.t === 'err') this.err += m.s;
        else {
          this.ended = true;
          resolve(m.error ? { error: m.error } : {});
        }
        for (const w of this.watchers.splice(0)) w();
      });
    });
  }

  /** Resolves once the program has written `text` to stderr (or fails once it has finished). */
  stderrIncludes(text: string): Promise<void> {
    return this.written('err', text);
  }

  /** Resolves once the program has written `text` to stdout (or fails once it has finished). */
  stdoutIncludes(text: string): Promise<void> {
    return this.written('out', text);
  }

  private async written(stream: 'out' | 'err', text: string): Promise<void> {
    while (!this[stream].includes(text) && !this.ended) await new Promise<void>((r) => this.watchers.push(r));
    if (!this[stream].includes(text)) throw new Error(`program ended before writing ${JSON.stringify(text)}; stderr: ${this.err}`);
  }

  /** Sets the interpreter's interrupt flag (what Ctrl+C does) and waits for the program to end. */
  async interrupt(): Promise<Finished> {
    Atomics.store(this.flag, 0, 1);
    const f = await this.finished;
    await this.worker.terminate();
    return f;
  }
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

/** Starts `program` (which should end in `(http/serve ... {:port PORT ...})`, PORT replaced) and waits until it listens. */
export async function serve(program: string, sandbox?: SandboxSpec): Promise<{ base: string; port: number; app: ServedProgram }> {
  const port = await freePort();
  const app = new ServedProgram(program.replaceAll('PORT', String(port)), sandbox);
  await app.stderrIncludes(`Listening on 127.0.0.1:${port}`);
  return { base: `http://127.0.0.1:${port}`, port, app };
}
