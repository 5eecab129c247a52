// `http/websocket` and the connection a WebSocket handler gets: `{:send :recv :close}`.
// The handler runs on the evaluator like any other; `recv` blocks until a message arrives.

import { SemaError, evalError } from '../eval/errors';
import { kw, type CallContext, type SemaHashMap, type SemaMap } from '../eval/values';
import { mapFromPairs, mapGet } from '../eval/equality';
import { describeError } from '../eval/format-error';
import { fn, toNative, type BuiltinSpec } from './registry';
import { str, typeErr } from './text-args';
import { isProcedure } from './web-responses';
import type { RawRequest, ServerBridge } from './server-bridge';

/** Runs the handler of a WebSocket marker for `raw` (a plain request gets 400). */
export function runWebSocket(ctx: CallContext, server: ServerBridge, raw: RawRequest, marker: SemaMap | SemaHashMap): void {
  const id = raw.id;
  if (!raw.upgrade) {
    server.send({ t: 'reply', id, status: 400, headers: [['content-type', 'text/plain']], body: 'WebSocket upgrade required' });
    return;
  }
  server.send({ t: 'ws-accept', id });
  let open = true;
  const conn = mapFromPairs([
    kw('send'),
    toNative(
      fn('ws/send', 1, 1, (args) => {
        const text = str('ws/send', args, 0);
        if (!open || server.wsIsClosed(id)) throw evalError('WebSocket closed');
        server.send({ t: 'ws-send', id, data: text });
        return null;
      }),
    ),
    kw('recv'),
    toNative(
      fn('ws/recv', 0, 0, () => {
        if (!open) return null;
        const m = server.wsReceive(id, () => ctx.interp.interrupted());
        if (m === 'interrupted') throw new SemaError('interrupted', 'interrupted');
        return m;
      }),
    ),
    kw('close'),
    toNative(
      fn('ws/close', 0, 0, () => {
        open = false;
        server.send({ t: 'ws-close', id });
        return null;
      }),
    ),
  ]);
  try {
    ctx.apply(mapGet(marker, kw('__ws_handler')) ?? null, [conn]);
  } catch (e) {
    if (e instanceof SemaError && (e.type === 'interrupted' || e.type === 'exit')) throw e;
    const err = e instanceof SemaError ? e : new SemaError(e instanceof Error ? e.message : String(e), 'eval');
    ctx.interp.writeErr(`ws handler error: ${describeError(err)}\n`);
  } finally {
    open = false;
    server.send({ t: 'ws-close', id });
  }
}

export const websocketBuiltins: BuiltinSpec[] = [
  fn('http/websocket', 1, 1, ([f]) => {
    if (f === undefined || !isProcedure(f)) throw typeErr('http/websocket', 'function', f ?? null);
    return mapFromPairs([kw('__websocket'), true, kw('__ws_handler'), f]);
  }),
];
