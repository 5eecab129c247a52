// `http/serve`: runs the program's handler as the server loop, one request at a time on
// the evaluator thread; the socket lives on a helper thread (server-bridge.ts). Handler
// errors become 500 responses; an interrupt (Ctrl+C) stops the server and frees the port.

import { SemaError, evalError } from '../eval/errors';
import { describeError } from '../eval/format-error';
import { SemaHashMap, SemaMap, kw, type CallContext, type Value } from '../eval/values';
import { mapFromPairs, mapGet } from '../eval/equality';
import { printValue } from '../reader/printer';
import { fn, toNative, type StdlibModule } from './registry';
import { str } from './text-args';
import { parseJson, toJson, writeJson } from './json-text';
import { ServerBridge, type RawRequest } from './server-bridge';
import { isMarker, responseBuiltins } from './web-responses';
import { routerBuiltins } from './web-router';
import { runWebSocket, websocketBuiltins } from './web-websocket';
import { routeTableBuiltins } from './web-route-tables';

/** Errors that end the server instead of becoming a 500: Ctrl+C and `(exit)`. */
function stopsServer(e: unknown): boolean {
  return e instanceof SemaError && (e.type === 'interrupted' || e.type === 'exit');
}

function asSemaError(e: unknown): SemaError {
  return e instanceof SemaError ? e : new SemaError(e instanceof Error ? e.message : String(e), 'eval');
}

function queryMap(query: string | null): SemaMap {
  const pairs: Value[] = [];
  for (const part of (query ?? '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(kw(eq < 0 ? part : part.slice(0, eq)), eq < 0 ? '' : part.slice(eq + 1));
  }
  return mapFromPairs(pairs);
}

/** The request map handlers receive (web-server.md "Request Map"). */
export function requestValue(raw: RawRequest): SemaMap {
  const pairs: Value[] = [
    kw('method'), kw(raw.method.toLowerCase()),
    kw('path'), raw.path,
    kw('headers'), mapFromPairs(raw.headers.flat()),
    kw('query'), queryMap(raw.query),
    kw('params'), mapFromPairs([]),
    kw('body'), raw.body,
  ];
  const type = raw.headers.find(([k]) => k === 'content-type')?.[1] ?? '';
  if (type.includes('json') && raw.body !== '') {
    try {
      pairs.push(kw('json'), parseJson(raw.body));
    } catch {
      // A body that is not valid JSON leaves :json out; :body still has the text.
    }
  }
  return mapFromPairs(pairs);
}

const text = (v: Value): string => (typeof v === 'string' ? v : printValue(v));

/** A plain response map as status, header pairs and body; anything else is shown as text. */
function rawResponse(v: Value): { status: number; headers: [string, string][]; body: string } {
  if (!(v instanceof SemaMap || v instanceof SemaHashMap)) return { status: 200, headers: [['content-type', 'text/plain']], body: printValue(v) };
  const status = mapGet(v, kw('status'));
  const body = mapGet(v, kw('body'));
  const h = mapGet(v, kw('headers'));
  const headers: [string, string][] = [];
  if (h instanceof SemaMap || h instanceof SemaHashMap) for (const [k, val] of h.entries()) headers.push([text(k), text(val)]);
  // The reference narrows the status to 16 bits; out-of-range statuses then answer 500.
  return { status: typeof status === 'number' ? status & 0xffff : 200, headers, body: typeof body === 'string' ? body : '' };
}

/** Runs an `http/stream` handler, sending each `(send text)` to the client as an event. */
function stream(ctx: CallContext, server: ServerBridge, id: number, marker: SemaMap | SemaHashMap): void {
  server.send({ t: 'stream-open', id });
  let open = true;
  const send = toNative(
    fn('http/stream/send', 1, 1, (args) => {
      const data = str('http/stream/send', args, 0);
      if (!open || server.isGone(id)) throw evalError('SSE stream closed');
      server.send({ t: 'event', id, data });
      return null;
    }),
  );
  try {
    ctx.apply(mapGet(marker, kw('__stream_handler')) ?? null, [send]);
  } catch (e) {
    if (stopsServer(e)) throw e;
    ctx.interp.writeErr(`http/stream handler error: ${describeError(asSemaError(e))}\n`);
  } finally {
    open = false;
    server.send({ t: 'stream-end', id });
  }
}

function serveOne(ctx: CallContext, server: ServerBridge, handler: Value, raw: RawRequest): void {
  let answer: Value;
  try {
    answer = ctx.apply(handler, [requestValue(raw)]);
  } catch (e) {
    if (stopsServer(e)) throw e;
    const message = describeError(asSemaError(e));
    ctx.interp.writeErr(`http/serve handler error: ${message}\n`);
    server.send({ t: 'reply', id: raw.id, status: 500, headers: [['content-type', 'application/json']], body: writeJson(toJson(mapFromPairs([kw('error'), message]))) });
    return;
  }
  if (isMarker(answer, 'stream')) return stream(ctx, server, raw.id, answer);
  if (isMarker(answer, 'websocket')) return runWebSocket(ctx, server, raw, answer);
  if (isMarker(answer, 'file')) {
    const path = mapGet(answer, kw('__file_path'));
    const type = mapGet(answer, kw('__file_content_type'));
    server.send({ t: 'file', id: raw.id, path: typeof path === 'string' ? path : '', contentType: typeof type === 'string' ? type : 'application/octet-stream' });
    return;
  }
  server.send({ t: 'reply', id: raw.id, ...rawResponse(answer) });
}

function options(v: Value | undefined): { host: string; port: number } {
  let host = '0.0.0.0';
  let port = 3000;
  if (v instanceof SemaMap || v instanceof SemaHashMap) {
    const p = mapGet(v, kw('port'));
    if (typeof p === 'number') {
      if (p < 1 || p > 65535) throw evalError(`http/serve: port must be in 1..=65535, got ${p}`);
      port = p;
    }
    const h = mapGet(v, kw('host'));
    if (typeof h === 'string') host = h;
  }
  return { host, port };
}

function serve(args: Value[], ctx: CallContext): Value {
  const handler = args[0]!;
  const { host, port } = options(args[1]);
  const interrupted = (): boolean => ctx.interp.interrupted();
  const server = ServerBridge.open(host, port, interrupted);
  if (server === 'interrupted') throw new SemaError('interrupted', 'interrupted');
  ctx.interp.writeErr(`Listening on ${host}:${port}\n`);
  try {
    for (;;) {
      const raw = server.next(interrupted);
      if (raw === 'interrupted') throw new SemaError('interrupted', 'interrupted');
      serveOne(ctx, server, handler, raw);
    }
  } finally {
    server.close();
  }
}

export const webModule: StdlibModule = {
  name: 'web-server',
  builtins: [...responseBuiltins, ...routerBuiltins, ...routeTableBuiltins, ...websocketBuiltins, fn('http/serve', 1, 2, serve)],
};
