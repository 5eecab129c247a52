// The thread that performs HTTP requests for the synchronous `http/*` builtins (see
// http-bridge.ts). It answers each request on its port, then wakes the waiting caller.

import { workerData, type MessagePort } from 'node:worker_threads';
import type { HttpReply, HttpRequest } from './http-bridge';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
const running = new Map<number, AbortController>();

function reply(r: HttpReply): void {
  port.postMessage(r);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function reason(e: unknown): string {
  if (e instanceof Error && e.name === 'TimeoutError') return 'operation timed out';
  const cause = (e as { cause?: unknown }).cause;
  if (cause instanceof Error) return cause.message;
  return e instanceof Error ? e.message : String(e);
}

async function perform(req: HttpRequest): Promise<void> {
  const abort = new AbortController();
  running.set(req.id, abort);
  const signals = [abort.signal, ...(req.timeoutMs === undefined ? [] : [AbortSignal.timeout(req.timeoutMs)])];
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.any(signals),
    });
    const body = req.method === 'HEAD' ? '' : await res.text();
    reply({ id: req.id, ok: true, status: res.status, headers: [...res.headers.entries()], body });
  } catch (e) {
    reply({ id: req.id, ok: false, error: reason(e) });
  } finally {
    running.delete(req.id);
  }
}

port.on('message', (m: HttpRequest | { cancel: number }) => {
  if ('cancel' in m) running.get(m.cancel)?.abort();
  else void perform(m);
});
