// The thread that owns the `http/serve` socket (see server-bridge.ts). It queues each
// request to the evaluator, then writes whatever the evaluator answers: a whole response,
// a file read here, a server-sent-event stream fed one event at a time, or a WebSocket
// (upgrade requests are queued like any other; ws-upgrade.ts speaks the protocol).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs';
import { workerData, type MessagePort } from 'node:worker_threads';
import { WsConnections } from './ws-upgrade';

/** Request bodies above this are refused with 413 (web-server.md "Request body limit"). */
const MAX_BODY = 16 * 1024 * 1024;

export interface RawRequest {
  readonly t: 'request';
  readonly id: number;
  readonly method: string;
  readonly path: string;
  readonly query: string | null;
  readonly headers: [string, string][];
  readonly body: string;
  /** A WebSocket upgrade request (answered by `ws-accept`, or a plain response). */
  readonly upgrade: boolean;
}

/** Helper thread -> evaluator. `gone`: the client of a stream went away. */
export type ServerEvent =
  | RawRequest
  | { t: 'ready' }
  | { t: 'failed'; code?: string; message: string }
  | { t: 'gone'; id: number }
  | { t: 'closed' }
  | { t: 'ws-message'; id: number; data: string }
  | { t: 'ws-closed'; id: number };

/** Evaluator -> helper thread. */
export type ServerCommand =
  | { t: 'reply'; id: number; status: number; headers: [string, string][]; body: string }
  | { t: 'file'; id: number; path: string; contentType: string }
  | { t: 'stream-open'; id: number }
  | { t: 'event'; id: number; data: string }
  | { t: 'stream-end'; id: number }
  | { t: 'ws-accept'; id: number }
  | { t: 'ws-send'; id: number; data: string }
  | { t: 'ws-close'; id: number }
  | { t: 'close' };

const { port, signal, host, portNumber } = workerData as { port: MessagePort; signal: Int32Array; host: string; portNumber: number };
const open = new Map<number, ServerResponse>();
let nextId = 1;

function post(m: ServerEvent): void {
  port.postMessage(m);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

function describe(id: number, req: IncomingMessage, body: string, upgrade: boolean): RawRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: [string, string][] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!]);
  return {
    t: 'request',
    id,
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? null : url.slice(q + 1),
    headers,
    body,
    upgrade,
  };
}

function receive(req: IncomingMessage, res: ServerResponse): void {
  // The rest of an oversized body is read and dropped (not kept), then the connection closes.
  const tooLarge = (): void => {
    res.setHeader('connection', 'close');
    plain(res, 413, `Request body too large or unreadable (max ${MAX_BODY} bytes)`);
    req.resume();
  };
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_BODY && !refused) {
      refused = true;
      tooLarge();
    } else if (!refused) chunks.push(c);
  });
  req.on('end', () => {
    if (refused) return;
    const id = nextId++;
    open.set(id, res);
    // A stream whose client leaves early: the evaluator's next `send` fails.
    res.on('close', () => {
      if (open.delete(id)) post({ t: 'gone', id });
    });
    post(describe(id, req, Buffer.concat(chunks).toString('utf8'), false));
  });
  req.on('error', () => res.destroy());
}

/** A status the HTTP layer accepts; anything else is answered as 500 (as the reference). */
function validStatus(n: number): boolean {
  return Number.isInteger(n) && n >= 100 && n <= 999;
}

function reply(res: ServerResponse, status: number, headers: [string, string][], body: string): void {
  res.statusCode = validStatus(status) ? status : 500;
  for (const [k, v] of headers) {
    try {
      res.setHeader(k, v);
    } catch {
      // Header names or values HTTP cannot carry are dropped, as the reference does.
    }
  }
  res.end(body);
}

/** One SSE event: every line of `data` becomes a `data:` field. */
function sseEvent(data: string): string {
  return data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`).join('') + '\n';
}

function perform(c: Exclude<ServerCommand, { t: 'close' }>): void {
  if (sockets.has(c.id)) return sockets.perform(c);
  const res = open.get(c.id);
  if (res === undefined) return;
  switch (c.t) {
    case 'reply':
      open.delete(c.id);
      return reply(res, c.status, c.headers, c.body);
    case 'file':
      open.delete(c.id);
      return readFile(c.path, (err, data) => {
        if (err) return plain(res, 404, 'Not Found');
        res.writeHead(200, { 'content-type': c.contentType, 'cache-control': 'public, max-age=3600' });
        res.end(data);
      });
    case 'stream-open':
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.flushHeaders();
      return;
    case 'event':
      res.write(sseEvent(c.data));
      return;
    case 'stream-end':
      open.delete(c.id);
      res.end();
      return;
    default:
      // WebSocket commands for a plain request: the evaluator answers those with 400.
      return;
  }
}

const sockets = new WsConnections(MAX_BODY, post);
const server = createServer({ noDelay: true }, receive);
server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
  const id = nextId++;
  sockets.hold(id, req, socket, head);
  post(describe(id, req, '', true));
});
server.on('error', (e: NodeJS.ErrnoException) => {
  post({ t: 'failed', ...(e.code === undefined ? {} : { code: e.code }), message: e.message });
  port.close();
});
server.listen(portNumber, host, () => post({ t: 'ready' }));

port.on('message', (c: ServerCommand) => {
  if (c.t !== 'close') return perform(c);
  server.close(() => {
    post({ t: 'closed' });
    port.close();
  });
  server.closeAllConnections();
  sockets.closeAll();
});
