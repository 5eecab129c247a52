// `fs/watch`, `fs/watch-events`, `fs/unwatch`: filesystem change events collected by a
// helper thread (fs-watch-worker.ts) and drained without blocking.

import { helperScript } from './helper-thread';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { evalError, ioError } from '../eval/errors';
import { SemaMap, isTruthy, kw, type Value } from '../eval/values';
import { mapFromPairs, mapGet } from '../eval/equality';
import { fn, type BuiltinSpec } from './registry';
import { str, typeErr } from './text-args';
import type { WatchCommand, WatchMessage } from './fs-watch-worker';

interface Host {
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

let host: Host | undefined;
let nextId = 1;
/** Events received per watcher and not yet drained; a key exists while the watcher lives. */
const pending = new Map<number, Value[]>();

function start(): Host {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(helperScript('fs-watch-worker.js', 'fs/watch'), { workerData: { port: port2, signal }, transferList: [port2] });
  worker.unref();
  port1.unref();
  return { port: port1, signal };
}

/** Moves every message waiting on the port into `pending`; returns a reply for `awaiting`, if seen. */
function pump(h: Host, awaiting?: number): { error?: string } | undefined {
  let reply: { error?: string } | undefined;
  for (let m = receiveMessageOnPort(h.port); m !== undefined; m = receiveMessageOnPort(h.port)) {
    const msg = m.message as WatchMessage;
    if ('reply' in msg) {
      if (msg.reply === awaiting) reply = msg.error === undefined ? {} : { error: msg.error };
    } else {
      pending.get(msg.event)?.push(mapFromPairs([kw('kind'), kw(msg.kind), kw('paths'), msg.paths]));
    }
  }
  return reply;
}

function handle(name: string, v: Value | undefined): number {
  if (typeof v !== 'number') throw typeErr(name, 'integer (watcher handle)', v ?? null);
  return v;
}

export const fsWatchBuiltins: BuiltinSpec[] = [
  fn('fs/watch', 1, 2, (args) => {
    const path = str('fs/watch', args, 0);
    const opts = args[1];
    const rec = opts instanceof SemaMap ? mapGet(opts, kw('recursive')) : undefined;
    const h = (host ??= start());
    const id = nextId++;
    pending.set(id, []);
    Atomics.store(h.signal, 0, 0);
    h.port.postMessage({ watch: id, path, recursive: rec === undefined ? true : isTruthy(rec) } satisfies WatchCommand);
    for (;;) {
      Atomics.wait(h.signal, 0, 0, 50);
      const r = pump(h, id);
      if (r === undefined) {
        Atomics.store(h.signal, 0, 0);
        continue;
      }
      if (r.error !== undefined) {
        pending.delete(id);
        throw ioError(`fs/watch ${path}: ${r.error}`);
      }
      return id;
    }
  }),
  fn('fs/watch-events', 1, 1, (args) => {
    const id = handle('fs/watch-events', args[0]);
    const events = pending.get(id);
    if (events === undefined) throw evalError(`fs/watch-events: no such watcher ${id}`);
    if (host) pump(host);
    pending.set(id, []);
    return events;
  }),
  fn('fs/unwatch', 1, 1, (args) => {
    const id = handle('fs/unwatch', args[0]);
    if (pending.delete(id) && host) host.port.postMessage({ unwatch: id } satisfies WatchCommand);
    return null;
  }),
];
