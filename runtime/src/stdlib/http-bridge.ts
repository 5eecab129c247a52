// Synchronous HTTP for natives: requests run on a helper thread (http-worker.ts) while
// this thread blocks on a shared flag, then the answer is taken off the port without
// an event-loop turn (`receiveMessageOnPort`). Interrupts cancel the request.

import { helperScript } from './helper-thread';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

export interface HttpRequest {
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly headers: [string, string][];
  readonly body?: string;
  readonly timeoutMs?: number;
}

export type HttpReply =
  | { id: number; ok: true; status: number; headers: [string, string][]; body: string }
  | { id: number; ok: false; error: string };

interface Bridge {
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

let bridge: Bridge | undefined;
let nextId = 1;

function start(): Bridge {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(helperScript('http-worker.js', 'http'), { workerData: { port: port2, signal }, transferList: [port2] });
  worker.unref();
  port1.unref();
  return { port: port1, signal };
}

/** Performs `req` and waits for it; `interrupted` is polled so a long request can be abandoned. */
export function requestSync(req: Omit<HttpRequest, 'id'>, interrupted: () => boolean): HttpReply | 'interrupted' {
  bridge ??= start();
  const { port, signal } = bridge;
  const id = nextId++;
  Atomics.store(signal, 0, 0);
  port.postMessage({ ...req, id });
  for (;;) {
    Atomics.wait(signal, 0, 0, 50);
    const m = receiveMessageOnPort(port);
    if (m !== undefined) {
      const r = m.message as HttpReply;
      if (r.id === id) return r;
      continue;
    }
    if (interrupted()) {
      port.postMessage({ cancel: id });
      return 'interrupted';
    }
    Atomics.store(signal, 0, 0);
  }
}
