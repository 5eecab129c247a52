// The evaluator's side of `http/serve`: a helper thread (server-worker.ts) owns the socket;
// this thread blocks on a shared flag in short slices (so an interrupt is seen quickly)
// and takes the queued requests off the port without an event-loop turn.

import { helperScript } from './helper-thread';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { ioError } from '../eval/errors';
import { osReason } from './file-io';
import type { RawRequest, ServerCommand, ServerEvent } from './server-worker';

export type { RawRequest } from './server-worker';

const SLICE_MS = 50;

export class ServerBridge {
  private readonly queue: RawRequest[] = [];
  private readonly gone = new Set<number>();
  /** Text messages received per WebSocket, and the sockets whose client has left. */
  private readonly wsInbox = new Map<number, string[]>();
  private readonly wsClosed = new Set<number>();
  private state: 'starting' | 'ready' | 'closed' = 'starting';
  private failure: { code?: string; message: string } | undefined;

  private constructor(
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
  ) {}

  /** Binds `host:port` on a new helper thread; a bind failure is an `io` error. */
  static open(host: string, port: number, interrupted: () => boolean): ServerBridge | 'interrupted' {
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(helperScript('server-worker.js', 'http/serve'), {
      workerData: { port: port2, signal, host, portNumber: port },
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    const bridge = new ServerBridge(port1, signal);
    if (bridge.waitFor(() => bridge.state !== 'starting' || bridge.failure !== undefined, interrupted) === 'interrupted') {
      bridge.close();
      return 'interrupted';
    }
    if (bridge.failure !== undefined) {
      const f = bridge.failure;
      throw ioError(`bind ${host}:${port}: ${osReason(Object.assign(new Error(f.message), f.code === undefined ? {} : { code: f.code }))}`);
    }
    return bridge;
  }

  /** The next request, waiting for one; 'interrupted' once `interrupted()` says so. */
  next(interrupted: () => boolean): RawRequest | 'interrupted' {
    const r = this.waitFor(() => this.queue.length > 0, interrupted);
    return r === 'interrupted' ? r : this.queue.shift()!;
  }

  send(c: ServerCommand): void {
    if (this.state !== 'closed') this.port.postMessage(c);
  }

  /** The next message of WebSocket `id`, waiting for one; null once the client has closed it. */
  wsReceive(id: number, interrupted: () => boolean): string | null | 'interrupted' {
    const has = (): boolean => (this.wsInbox.get(id)?.length ?? 0) > 0 || this.wsClosed.has(id);
    if (this.waitFor(has, interrupted) === 'interrupted') return 'interrupted';
    return this.wsInbox.get(id)?.shift() ?? null;
  }

  /** True once the client of WebSocket `id` has closed it. */
  wsIsClosed(id: number): boolean {
    this.pump();
    return this.wsClosed.has(id);
  }

  /** True once the client of request `id` has disconnected. */
  isGone(id: number): boolean {
    this.pump();
    return this.gone.has(id);
  }

  /** Stops listening and drops open connections; waits (briefly) until the port is free. */
  close(): void {
    if (this.state === 'closed') return;
    this.port.postMessage({ t: 'close' } satisfies ServerCommand);
    const deadline = Date.now() + 2000;
    this.waitFor(() => this.state === 'closed' || this.failure !== undefined, () => Date.now() > deadline);
    this.state = 'closed';
    this.port.close();
  }

  private pump(): void {
    for (let m = receiveMessageOnPort(this.port); m !== undefined; m = receiveMessageOnPort(this.port)) {
      const e = m.message as ServerEvent;
      switch (e.t) {
        case 'request':
          this.queue.push(e);
          break;
        case 'gone':
          this.gone.add(e.id);
          break;
        case 'ready':
          this.state = 'ready';
          break;
        case 'failed':
          this.failure = e;
          break;
        case 'closed':
          this.state = 'closed';
          break;
        case 'ws-message': {
          const inbox = this.wsInbox.get(e.id);
          if (inbox) inbox.push(e.data);
          else this.wsInbox.set(e.id, [e.data]);
          break;
        }
        case 'ws-closed':
          this.wsClosed.add(e.id);
          break;
      }
    }
  }

  /**
   * Blocks until `done()`. The flag is cleared before the port is read, so a message
   * posted after that read sets it again and ends the wait at once.
   */
  private waitFor(done: () => boolean, stop: () => boolean): 'ok' | 'interrupted' {
    for (;;) {
      Atomics.store(this.signal, 0, 0);
      this.pump();
      if (done()) return 'ok';
      if (stop()) return 'interrupted';
      Atomics.wait(this.signal, 0, 0, SLICE_MS);
    }
  }
}
