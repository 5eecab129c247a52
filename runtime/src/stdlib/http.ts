// HTTP client builtins (`http/get`, `http/post`, ...). Requests are synchronous for the
// program (http-bridge.ts) and return `{:status :headers :body}`.

import { SemaError, evalError, ioError } from '../eval/errors';
import { Keyword, SemaHashMap, SemaMap, kw, type CallContext, type Value } from '../eval/values';
import { mapFromPairs, mapGet } from '../eval/equality';
import { printValue } from '../reader/printer';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str, textOf } from './text-args';
import { toJson, writeJson } from './json-text';
import { requestSync } from './http-bridge';

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']);

function interrupted(ctx: CallContext): () => boolean {
  const interp = ctx.interp as { interrupted?: () => boolean };
  return () => interp.interrupted?.() === true;
}

function request(ctx: CallContext, method: string, url: string, body: Value | undefined, opts: Value | undefined): Value {
  if (!METHODS.has(method)) throw evalError(`http: unknown method ${method}`);
  const headers: [string, string][] = [];
  let timeoutMs: number | undefined;
  if (opts instanceof SemaMap) {
    const h = mapGet(opts, kw('headers'));
    if (h instanceof SemaMap) {
      for (const [k, v] of h.entries()) {
        const key = typeof k === 'string' ? k : k instanceof Keyword ? k.name : printValue(k);
        headers.push([key, textOf(v)]);
      }
    }
    const t = mapGet(opts, kw('timeout'));
    if (typeof t === 'number') timeoutMs = Math.max(0, t);
  }
  let text: string | undefined;
  if (body !== undefined) {
    if (typeof body === 'string') text = body;
    else if (body instanceof SemaMap || body instanceof SemaHashMap) {
      text = writeJson(toJson(body, true));
      headers.push(['Content-Type', 'application/json']);
    } else text = printValue(body);
  }
  const r = requestSync({ method, url, headers, ...(text === undefined ? {} : { body: text }), ...(timeoutMs === undefined ? {} : { timeoutMs }) }, interrupted(ctx));
  if (r === 'interrupted') throw new SemaError('interrupted', 'interrupted');
  if (!r.ok) throw ioError(`http ${method} ${url}: ${r.error}`);
  return mapFromPairs([
    kw('status'), r.status,
    kw('headers'), mapFromPairs(r.headers.flatMap(([k, v]) => [kw(k), v])),
    kw('body'), r.body,
  ]);
}

const builtins: BuiltinSpec[] = [
  fn('http/get', 1, 2, (args, ctx) => request(ctx, 'GET', str('http/get', args, 0), undefined, args[1])),
  fn('http/post', 2, 3, (args, ctx) => request(ctx, 'POST', str('http/post', args, 0), args[1], args[2])),
  fn('http/put', 2, 3, (args, ctx) => request(ctx, 'PUT', str('http/put', args, 0), args[1], args[2])),
  fn('http/delete', 1, 2, (args, ctx) => request(ctx, 'DELETE', str('http/delete', args, 0), undefined, args[1])),
  fn('http/request', 2, 4, (args, ctx) =>
    request(ctx, str('http/request', args, 0).toUpperCase(), str('http/request', args, 1), args[3], args[2]),
  ),
];

export const httpModule: StdlibModule = { name: 'http', builtins };
