// The evaluator is synchronous but HTTP is not. A long-lived worker thread does the
// requests (bridge-worker.ts); the main thread blocks in `Atomics.wait` on a shared
// counter and pulls each event off a MessagePort with `receiveMessageOnPort`, so stream
// chunks reach `onChunk` one by one as they arrive. The wait is sliced (50 ms) so a
// cancellation (the interpreter's interrupt flag, set by another thread) is
// noticed promptly and forwarded to the worker, which aborts the HTTP request.
// (A shared flag, not an AbortSignal: no JS runs on this thread while it waits.)

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import {
  ProviderError,
  type ChunkSink,
  type LlmFailure,
  type LlmRequest,
  type LlmResponse,
  type ProviderConfig,
} from './provider';

export type BridgeRequest =
  | {
      readonly type: 'call';
      readonly id: number;
      readonly config: ProviderConfig;
      readonly request: LlmRequest;
      readonly stream: boolean;
    }
  | { readonly type: 'abort'; readonly id: number };

export type BridgeEvent =
  /** Sent once when the worker has loaded (id 0). */
  | { readonly id: number; readonly type: 'ready' }
  | { readonly id: number; readonly type: 'chunk'; readonly text: string }
  | { readonly id: number; readonly type: 'done'; readonly response: LlmResponse }
  | { readonly id: number; readonly type: 'error'; readonly failure: LlmFailure };

export interface Cancellation {
  /**
   * Polled between wait slices: true once the user asked to stop. The interpreter's
   * `interrupted()` reads a shared flag that another thread (the CLI's main thread on
   * Ctrl+C, the editor on Cancel) sets while this one is blocked here.
   */
  readonly isCancelled?: () => boolean;
}

const SLICE_MS = 50;

export interface Job {
  readonly request: LlmRequest;
  /** Given: a streaming request, called with each text delta. */
  readonly onChunk?: ChunkSink | undefined;
}
/** A worker that has not said `ready` by then will not (bad path in a bundle, crash). */
const STARTUP_TIMEOUT_MS = 15_000;

/** File name of the worker entry, resolved next to this module (tsc output or bundle). */
export const BRIDGE_WORKER_FILE = 'bridge-worker.js';

export class Bridge {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counter: Int32Array;
  private nextId = 1;
  private ready = false;
  /**
   * Events of calls still waiting further up this thread's stack: a stream callback may
   * itself make an LLM call, whose wait loop then sees the outer call's events.
   */
  private readonly parked = new Map<number, BridgeEvent[]>();
  private failure: string | undefined;

  constructor(
    private readonly workerPath: string,
    private readonly startupTimeoutMs = STARTUP_TIMEOUT_MS,
  ) {
    this.counter = new Int32Array(new SharedArrayBuffer(4));
    // A missing file would only be reported asynchronously, which this thread cannot see
    // while it waits: check up front.
    if (!existsSync(workerPath)) {
      throw new ProviderError({ category: 'config', message: `the LLM worker is missing: ${workerPath} (${BRIDGE_WORKER_FILE} must sit next to the runtime)` });
    }
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerPath, {
      workerData: { port: port2, signal: this.counter },
      transferList: [port2],
    });
    // Seen only between calls (this thread is blocked during one); reported by the next.
    this.worker.on('error', (err) => (this.failure = err.message));
    this.worker.on('exit', () => (this.failure ??= 'the LLM worker stopped'));
    // Neither keeps the process alive: between calls nothing is pending.
    this.worker.unref();
    this.port.unref();
  }

  call(config: ProviderConfig, request: LlmRequest, onChunk: ChunkSink | undefined, cancel: Cancellation): LlmResponse {
    return this.callAll(config, [{ request, onChunk }], cancel)[0]!;
  }

  /**
   * Runs several requests at once (the worker overlaps them) and returns the answers in
   * order. The first failure aborts the others and is thrown.
   */
  callAll(config: ProviderConfig, jobs: readonly Job[], cancel: Cancellation): LlmResponse[] {
    if (this.failure !== undefined) {
      throw new ProviderError({ category: 'config', message: `LLM worker unavailable: ${this.failure}` });
    }
    const post = (msg: BridgeRequest): void => this.worker.postMessage(msg);
    const ids = jobs.map(() => this.nextId++);
    const mine: BridgeEvent[] = [];
    for (const id of ids) this.parked.set(id, mine);
    jobs.forEach((job, i) => post({ type: 'call', id: ids[i]!, config, request: job.request, stream: job.onChunk !== undefined }));
    const results: (LlmResponse | undefined)[] = jobs.map(() => undefined);
    let open = jobs.length;
    const abortOpen = (): void => ids.forEach((id, i) => results[i] === undefined && post({ type: 'abort', id }));
    const started = Date.now();
    try {
      for (;;) {
        const seen = Atomics.load(this.counter, 0);
        let event: BridgeEvent | undefined;
        while ((event = mine.shift() ?? this.nextEvent()) !== undefined) {
          if (event.type === 'ready') this.ready = true;
          const i = ids.indexOf(event.id);
          if (i < 0) {
            // Another call's event: keep it for that call if it is still waiting.
            this.parked.get(event.id)?.push(event);
            continue;
          }
          if (event.type === 'done') {
            results[i] = event.response;
            if (--open === 0) return results as LlmResponse[];
          } else if (event.type === 'error') {
            abortOpen();
            throw new ProviderError(event.failure);
          } else if (event.type === 'chunk') {
            try {
              jobs[i]!.onChunk?.(event.text);
            } catch (err) {
              // A failing chunk callback ends the call: stop the downloads too.
              abortOpen();
              throw err;
            }
          }
        }
        if (cancel.isCancelled?.() === true) {
          abortOpen();
          throw new ProviderError({ category: 'cancelled', message: 'LLM request cancelled' });
        }
        if (!this.ready && Date.now() - started > this.startupTimeoutMs) {
          throw new ProviderError({
            category: 'config',
            message: `the LLM worker did not start (${this.workerPath}); is ${BRIDGE_WORKER_FILE} next to the runtime?`,
          });
        }
        Atomics.wait(this.counter, 0, seen, SLICE_MS);
      }
    } finally {
      for (const id of ids) this.parked.delete(id);
    }
  }

  private nextEvent(): BridgeEvent | undefined {
    const got = receiveMessageOnPort(this.port);
    return got === undefined ? undefined : (got.message as BridgeEvent);
  }

  terminate(): Promise<number> {
    this.failure = 'the LLM worker was shut down';
    this.port.close();
    return this.worker.terminate();
  }
}

let shared: Bridge | undefined;

/**
 * Runs one provider request synchronously. `onChunk` (when given) makes it a streaming
 * request and is called on this thread for each text delta as it arrives.
 * Throws ProviderError on failure or cancellation.
 */
export function callSync(
  config: ProviderConfig,
  request: LlmRequest,
  onChunk: ChunkSink | undefined,
  cancel: Cancellation = {},
): LlmResponse {
  shared ??= new Bridge(join(__dirname, BRIDGE_WORKER_FILE));
  return shared.call(config, request, onChunk, cancel);
}

/** Runs several non-streaming requests concurrently; answers in request order. */
export function callAllSync(config: ProviderConfig, requests: readonly LlmRequest[], cancel: Cancellation = {}): LlmResponse[] {
  shared ??= new Bridge(join(__dirname, BRIDGE_WORKER_FILE));
  return shared.callAll(config, requests.map((request) => ({ request })), cancel);
}

/** Stops the worker (tests; a host shutting down). The next call starts a new one. */
export async function shutdownBridge(): Promise<void> {
  const b = shared;
  shared = undefined;
  if (b) await b.terminate();
}
