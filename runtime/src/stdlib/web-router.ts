// `http/router`: a route table of `[method pattern handler]` becomes one handler that
// matches requests top to bottom (path params `:id`, a `*` rest capture, `:static` file
// directories that fall through when a file is missing, `:any`, `:ws`).

import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { evalError } from '../eval/errors';
import { Keyword, Vector, kw, type CallContext, type Value } from '../eval/values';
import { mapAssoc, mapFromPairs, mapGet } from '../eval/equality';
import type { Sandbox } from '../eval/sandbox';
import { fn, toNative, type BuiltinSpec } from './registry';
import { isMapLike } from './support';
import { typeErr } from './text-args';
import { osReason } from './file-io';
import { contentTypeOf } from './mime-types';
import { fileMarker, response } from './web-responses';

interface Route {
  readonly method: string;
  readonly pattern: string;
  /** The handler, or for `:static` the canonical directory. */
  readonly target: Value;
}

function segments(path: string): string[] {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? [''] : trimmed.split('/');
}

/**
 * The params of `path` under `pattern`, or undefined when it does not match. Trailing
 * slashes are ignored; `*` takes the rest of the path (without leading slashes).
 */
export function matchPath(pattern: string, path: string): [string, string][] | undefined {
  const pat = segments(pattern);
  const segs = segments(path);
  const params: [string, string][] = [];
  for (let i = 0; i < pat.length; i++) {
    const p = pat[i]!;
    if (p === '*') {
      params.push(['*', segs.slice(i).join('/').replace(/^\/+/, '')]);
      return params;
    }
    const s = segs[i];
    if (s === undefined) return undefined;
    if (p.startsWith(':')) params.push([p.slice(1), s]);
    else if (p !== s) return undefined;
  }
  return pat.length === segs.length ? params : undefined;
}

function staticRoute(pattern: string, dirValue: Value, ctx: CallContext): Route {
  if (typeof dirValue !== 'string') throw evalError('http/router: :static route directory must be a string');
  const sandbox = (ctx.interp as { sandbox?: Sandbox }).sandbox;
  sandbox?.check('fs-read', 'http/router');
  sandbox?.checkPath(dirValue, 'http/router');
  const abs = resolve(dirValue);
  let dir: string;
  try {
    dir = realpathSync(abs);
  } catch (e) {
    throw evalError(`http/router: static directory '${abs}': ${osReason(e)}`);
  }
  const wild = pattern.endsWith('*') ? pattern : `${pattern.replace(/\/+$/, '')}/*`;
  return { method: 'static', pattern: wild, target: dir };
}

function parseRoutes(table: Value, ctx: CallContext): Route[] {
  const items = Array.isArray(table) ? table : table instanceof Vector ? table.items : undefined;
  if (items === undefined) throw typeErr('http/router', 'list or vector', table);
  return items.map((r) => {
    const parts = r instanceof Vector ? r.items : Array.isArray(r) ? r : undefined;
    if (parts === undefined) throw evalError('http/router: each route must be a vector [method path handler]');
    if (parts.length !== 3) throw evalError('http/router: each route must have exactly 3 elements [method path handler]');
    const [m, p, h] = parts as [Value, Value, Value];
    if (!(m instanceof Keyword)) throw typeErr('http/router', 'keyword', m);
    if (typeof p !== 'string') throw typeErr('http/router', 'string', p);
    return m.name === 'static' ? staticRoute(p, h, ctx) : { method: m.name, pattern: p, target: h };
  });
}

/** A `:static` route's answer for `rel`: a file marker, 400/403, or undefined to fall through. */
function staticFile(dir: string, rel: string): Value | undefined {
  if (rel.includes('..')) return response(400, 'Bad Request', [['content-type', 'text/plain']]);
  let file = join(dir, rel);
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
  } catch {
    return undefined;
  }
  if (!existsSync(file)) return undefined;
  // A symlink inside the directory may still point outside it.
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    real = '';
  }
  if (real !== dir && !real.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return response(403, 'Forbidden', [['content-type', 'text/plain']]);
  return fileMarker(file, contentTypeOf(file));
}

function dispatch(routes: readonly Route[], req: Value, ctx: CallContext): Value {
  if (!isMapLike(req)) throw typeErr('http/router', 'map', req);
  const method = mapGet(req, kw('method'));
  if (method === undefined) throw evalError('http/router: request missing :method');
  if (!(method instanceof Keyword)) throw typeErr('http/router', 'keyword', method);
  const path = mapGet(req, kw('path'));
  if (path === undefined) throw evalError('http/router: request missing :path');
  if (typeof path !== 'string') throw typeErr('http/router', 'string', path);
  const verb = method.name;
  for (const route of routes) {
    const special = route.method === 'ws' || route.method === 'static';
    if (special ? verb !== 'get' && verb !== 'head' : route.method !== 'any' && route.method !== verb) continue;
    const params = matchPath(route.pattern, path);
    if (params === undefined) continue;
    if (route.method === 'static') {
      const answer = staticFile(route.target as string, params.find(([k]) => k === '*')?.[1] ?? '');
      if (answer === undefined) continue;
      return answer;
    }
    // Route params win over any the request already carries.
    let merged = mapFromPairs(params.flatMap(([k, v]) => [kw(k), v]));
    const existing = mapGet(req, kw('params'));
    if (existing !== undefined && isMapLike(existing)) for (const [k, v] of existing.entries()) if (mapGet(merged, k) === undefined) merged = mapAssoc(merged, k, v);
    const routed = mapAssoc(req, kw('params'), merged);
    if (route.method === 'ws') return mapFromPairs([kw('__websocket'), true, kw('__ws_handler'), route.target, kw('__ws_request'), routed]);
    return ctx.apply(route.target, [routed]);
  }
  return response(404, '"Not Found"', [['content-type', 'application/json']]);
}

export const routerBuiltins: BuiltinSpec[] = [
  fn('http/router', 1, 1, ([table], ctx) => {
    const routes = parseRoutes(table!, ctx);
    return toNative(fn('http/router/dispatch', 1, 1, ([req], c) => dispatch(routes, req!, c)));
  }),
];
