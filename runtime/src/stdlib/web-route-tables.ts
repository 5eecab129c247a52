// Builders of route tables for `http/router`: `route/prefix` mounts routes under a path,
// `tools->routes` (alias `route/from-tools`) exposes `deftool` tools as JSON endpoints.

import { evalError } from '../eval/errors';
import { Vector, kw, type Value } from '../eval/values';
import { mapFromPairs, mapGet } from '../eval/equality';
import { ToolValue } from '../llm/values';
import { fn, toNative, type BuiltinSpec } from './registry';
import { aliases, str, typeErr } from './text-args';
import { toJson, writeJson } from './json-text';
import { response } from './web-responses';
import { isMapLike } from './support';

function items(name: string, v: Value): readonly Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Vector) return v.items;
  throw typeErr(name, 'list or vector', v);
}

const jsonOk = (v: Value): Value => response(200, writeJson(toJson(v, true)), [['content-type', 'application/json']]);

function prefix(args: Value[]): Value {
  const base = str('route/prefix', args, 0).replace(/\/+$/, '');
  return items('route/prefix', args[1]!).map((route) => {
    if (!(route instanceof Vector)) throw evalError('route/prefix: each route must be a vector [method pattern handler]');
    if (route.items.length < 3) throw evalError('route/prefix: each route must have at least 3 elements');
    const [method, pattern, ...rest] = route.items as [Value, Value, ...Value[]];
    if (typeof pattern !== 'string') throw typeErr('route/prefix', 'string', pattern);
    return new Vector([method, base + pattern, ...rest]);
  });
}

/** `POST /tools/<name>` runs the tool on the JSON body; `GET /tools/<name>/schema` describes it. */
function toolRoutes(args: Value[]): Value {
  return items('tools->routes', args[0]!).flatMap((t) => {
    if (!(t instanceof ToolValue)) throw typeErr('tools->routes', 'tool', t);
    const run = toNative(
      fn(`tools->routes/${t.name}`, 1, 1, ([req], ctx) => {
        const body = req !== undefined && isMapLike(req) ? mapGet(req, kw('json')) : undefined;
        return jsonOk(ctx.apply(t.handler, [body === undefined || body === null ? mapFromPairs([]) : body]));
      }),
    );
    // The parameter schema is itself JSON text inside the description, as the reference sends it.
    const schema = toNative(
      fn(`tools->routes/${t.name}/schema`, 0, -1, () =>
        jsonOk(mapFromPairs(['name', t.name, 'description', t.description, 'parameters', writeJson(toJson(t.parameters, true))])),
      ),
    );
    return [new Vector([kw('post'), `/tools/${t.name}`, run]), new Vector([kw('get'), `/tools/${t.name}/schema`, schema])];
  });
}

export const routeTableBuiltins: BuiltinSpec[] = [fn('route/prefix', 2, 2, prefix), ...aliases(fn('tools->routes', 1, 1, toolRoutes), 'route/from-tools')];
