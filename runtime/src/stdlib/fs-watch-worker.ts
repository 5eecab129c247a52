// The thread that owns `fs/watch` watchers: it reports each change on its port, where
// `fs/watch-events` picks events up synchronously (see fs-watch.ts).

import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';

export type WatchCommand = { watch: number; path: string; recursive: boolean } | { unwatch: number };
export type WatchMessage =
  | { reply: number; error?: string }
  | { event: number; kind: 'create' | 'modify' | 'remove'; paths: string[] };

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
const watchers = new Map<number, FSWatcher>();

function send(m: WatchMessage, wake: boolean): void {
  port.postMessage(m);
  if (wake) {
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  }
}

port.on('message', (c: WatchCommand) => {
  if ('unwatch' in c) {
    watchers.get(c.unwatch)?.close();
    watchers.delete(c.unwatch);
    return;
  }
  const base = resolve(c.path);
  try {
    const w = watch(base, { recursive: c.recursive }, (type, file) => {
      const full = file === null ? base : join(base, file.toString());
      const kind = type === 'change' ? 'modify' : existsSync(full) ? 'create' : 'remove';
      send({ event: c.watch, kind, paths: [full] }, false);
    });
    w.on('error', () => watchers.delete(c.watch));
    watchers.set(c.watch, w);
    send({ reply: c.watch }, true);
  } catch (e) {
    send({ reply: c.watch, error: e instanceof Error ? e.message : String(e) }, true);
  }
});
