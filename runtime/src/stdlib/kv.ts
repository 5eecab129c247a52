// `kv/*`: named key-value stores, each backed by a pretty-printed JSON object in a file
// (kv-store.md). Every write rewrites the whole file; the file is not created until the
// first write. Values go through JSON on the way in, so `kv/get` returns what the file
// would give back (vectors come back as lists, NaN as nil).

import * as fs from 'node:fs';
import { evalError, ioError } from '../eval/errors';
import { Keyword, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str } from './text-args';
import { JsonSyntaxError, parseJson, toJson, writeJson } from './json-text';
import { io } from './file-io';

type Json = ReturnType<typeof toJson>;

interface Store {
  readonly path: string;
  readonly data: Map<string, Json>;
}

/** Open stores by name; like the reference's, they live as long as the process. */
const stores = new Map<string, Store>();

function jsonKind(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return `boolean \`${v}\``;
  if (typeof v === 'number') return `integer \`${v}\``;
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return 'sequence';
  return v.kind === 'float' ? `floating point \`${v.value}\`` : v.kind;
}

function load(path: string): Map<string, Json> {
  const data = new Map<string, Json>();
  if (!fs.existsSync(path)) return data;
  const text = io('kv/open', () => fs.readFileSync(path, 'utf8'));
  let parsed: Value;
  try {
    parsed = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw ioError(`kv/open: malformed JSON in ${path}: ${e.message}`);
    throw e;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || parsed.kind !== 'map') {
    throw ioError(`kv/open: malformed JSON in ${path}: invalid type: ${jsonKind(parsed)}, expected a map`);
  }
  for (const [k, v] of parsed.entries()) data.set(k instanceof Keyword ? k.name : String(k), toJson(v, true));
  return data;
}

function flush(store: Store): void {
  const text = writeJson(new Map(store.data), '  ');
  io('kv/flush', () => fs.writeFileSync(store.path, text));
}

function storeOf(name: string): Store {
  const store = stores.get(name);
  if (store === undefined) throw evalError(`kv store '${name}' not open`);
  return store;
}

/** A JSON value back as a Sema value, exactly as reading the file again would give it. */
function fromJson(j: Json): Value {
  return parseJson(writeJson(j));
}

const builtins: BuiltinSpec[] = [
  fn('kv/open', 2, 2, (args) => {
    const name = str('kv/open', args, 0);
    const path = str('kv/open', args, 1);
    stores.set(name, { path, data: load(path) });
    return name;
  }),
  fn('kv/get', 2, 2, (args) => {
    const store = storeOf(str('kv/get', args, 0));
    const value = store.data.get(str('kv/get', args, 1));
    return value === undefined ? null : fromJson(value);
  }),
  fn('kv/set', 3, 3, (args) => {
    const name = str('kv/set', args, 0);
    const key = str('kv/set', args, 1);
    const value = args[2] ?? null;
    const store = storeOf(name);
    store.data.set(key, toJson(value, true));
    flush(store);
    return value;
  }),
  fn('kv/delete', 2, 2, (args) => {
    const store = storeOf(str('kv/delete', args, 0));
    const existed = store.data.delete(str('kv/delete', args, 1));
    flush(store);
    return existed;
  }),
  fn('kv/keys', 1, 1, (args) => {
    const store = storeOf(str('kv/keys', args, 0));
    // serde_json's map is ordered by key, so the reference lists keys sorted.
    return [...store.data.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  }),
  fn('kv/close', 1, 1, (args) => {
    const name = str('kv/close', args, 0);
    const store = stores.get(name);
    if (store !== undefined) {
      stores.delete(name);
      try {
        flush(store);
      } catch {
        // The reference ignores a failed flush on close: every write already flushed.
      }
    }
    return null;
  }),
];

export const kvModule: StdlibModule = { name: 'kv', builtins };
