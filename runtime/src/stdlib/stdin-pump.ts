// Reads of stdin that can give up after a timeout, for `io/read-key-timeout` and for
// telling a lone Escape key from an escape sequence. Node has no synchronous select(),
// so once a timed read is needed a worker thread takes over reading fd 0 and hands the
// chunks over a message port; the interpreter's thread waits on a shared counter with
// a time limit and picks them up with receiveMessageOnPort. From then on every stdin
// read goes through the worker, so no byte is read by two readers.

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

// The worker's whole program: read fd 0 in a loop, post each chunk (null at the end),
// then bump the counter the reading thread waits on.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { port, counter } = workerData;
const pause = new Int32Array(new SharedArrayBuffer(4));
const buf = Buffer.alloc(65536);
for (;;) {
  let n = 0;
  try {
    n = readSync(0, buf, 0, buf.length, null);
  } catch (e) {
    if (e.code === 'EAGAIN') { Atomics.wait(pause, 0, 0, 10); continue; }
    n = 0;
  }
  port.postMessage(n > 0 ? buf.subarray(0, n) : null);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
  if (n <= 0) break;
}
`;

interface Pump {
  readonly port: MessagePort;
  readonly counter: Int32Array;
  /** Bytes received but not yet handed out. */
  leftover: Uint8Array;
  ended: boolean;
}

let pump: Pump | undefined;

export function pumpRunning(): boolean {
  return pump !== undefined;
}

function start(): Pump {
  const { port1, port2 } = new MessageChannel();
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, counter }, transferList: [port2] });
  // Neither may keep the process alive once the program is done.
  worker.unref();
  port1.unref();
  return { port: port1, counter, leftover: new Uint8Array(0), ended: false };
}

/** The next chunk from the worker within `ms` milliseconds: bytes, null at the end, undefined on timeout. */
function nextChunk(p: Pump, ms: number): Uint8Array | null | undefined {
  const deadline = Date.now() + ms;
  for (;;) {
    const seen = Atomics.load(p.counter, 0);
    const m = receiveMessageOnPort(p.port);
    if (m !== undefined) return m.message === null ? null : new Uint8Array(m.message as Uint8Array);
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    Atomics.wait(p.counter, 0, seen, Math.min(left, 50));
  }
}

/**
 * Fills `buf` from stdin through the worker (started on first use), waiting at most
 * `ms` milliseconds (forever when undefined). Returns the byte count, 0 at the end of
 * input, or -1 when nothing arrived in time.
 */
export function pumpRead(buf: Uint8Array, ms?: number): number {
  pump ??= start();
  if (pump.leftover.length === 0) {
    if (pump.ended) return 0;
    const chunk = nextChunk(pump, ms ?? Infinity);
    if (chunk === undefined) return -1;
    if (chunk === null) {
      pump.ended = true;
      return 0;
    }
    pump.leftover = chunk;
  }
  const n = Math.min(buf.length, pump.leftover.length);
  buf.set(pump.leftover.subarray(0, n));
  pump.leftover = pump.leftover.subarray(n);
  return n;
}
