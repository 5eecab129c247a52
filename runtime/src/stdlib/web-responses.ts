// The response helpers of the web server (`http/ok`, `http/html`, `http/file`, ...). A
// response is a plain `{:status :headers :body}` map; files and SSE streams are marker
// maps (`:__file`, `:__stream`) that `http/serve` recognises, as in the reference.

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { evalError } from '../eval/errors';
import { Lambda, MultiMethod, NativeFn, SemaHashMap, SemaMap, kw, type Value } from '../eval/values';
import { mapFromPairs, mapGet } from '../eval/equality';
import { fn, type BuiltinSpec } from './registry';
import { integer, str, typeErr } from './text-args';
import { toJson, writeJson } from './json-text';
import { osReason } from './file-io';
import { contentTypeOf } from './mime-types';

/** `{:status :headers :body}` with `headers` as a map of string keys. */
export function response(status: number, body: string, headers: readonly [string, string][] = []): SemaMap {
  return mapFromPairs([kw('status'), status, kw('headers'), mapFromPairs(headers.flat()), kw('body'), body]);
}

function json(status: number, v: Value): SemaMap {
  return response(status, writeJson(toJson(v, true)), [['content-type', 'application/json']]);
}

/** The marker `http/serve` answers by sending the file at `path` (read on the I/O thread). */
export function fileMarker(path: string, contentType: string): SemaMap {
  return mapFromPairs([kw('__file'), true, kw('__file_path'), path, kw('__file_content_type'), contentType]);
}

/** True when `v` is a map whose `:__<flag>` entry is `#t` (a file, stream or websocket marker). */
export function isMarker(v: Value, flag: 'file' | 'stream' | 'websocket'): v is SemaMap | SemaHashMap {
  return (v instanceof SemaMap || v instanceof SemaHashMap) && mapGet(v, kw(`__${flag}`)) === true;
}

/** A procedure a server may call back (lambda, native or multimethod). */
export function isProcedure(v: Value): boolean {
  return v instanceof Lambda || v instanceof NativeFn || v instanceof MultiMethod;
}

function procedure(name: string, v: Value | undefined): Value {
  if (v !== undefined && isProcedure(v)) return v;
  throw typeErr(name, 'function', v ?? null);
}

function file(args: Value[]): SemaMap {
  const given = str('http/file', args, 0);
  const abs = resolve(given);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    throw evalError(`http/file: ${abs}: ${osReason(e)}`);
  }
  return fileMarker(real, args.length > 1 ? str('http/file', args, 1) : contentTypeOf(real));
}

export const responseBuiltins: BuiltinSpec[] = [
  fn('http/ok', 1, 1, ([v]) => json(200, v!)),
  fn('http/created', 1, 1, ([v]) => json(201, v!)),
  fn('http/not-found', 1, 1, ([v]) => json(404, v!)),
  fn('http/error', 2, 2, (args) => json(integer('http/error', args, 0), args[1]!)),
  fn('http/no-content', 0, 0, () => response(204, '')),
  fn('http/redirect', 1, 1, (args) => response(302, '', [['location', str('http/redirect', args, 0)]])),
  fn('http/html', 1, 1, (args) => response(200, str('http/html', args, 0), [['content-type', 'text/html']])),
  fn('http/text', 1, 1, (args) => response(200, str('http/text', args, 0), [['content-type', 'text/plain']])),
  fn('http/file', 1, 2, file),
  fn('http/stream', 1, 1, ([f]) => mapFromPairs([kw('__stream'), true, kw('__stream_handler'), procedure('http/stream', f)])),
];
