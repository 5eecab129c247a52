// Named in-memory vector stores (`vector-store/*`): documents with an id, an embedding
// bytevector and metadata, searched by cosine similarity, saved to / opened from a
// JSON file (`{"version":1,"documents":[{"id","embedding":<base64>,"metadata"}]}`,
// the reference's format; keywords in metadata are written as ":name" strings).

import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mapFromPairs } from '../eval/equality';
import { evalError, ioError, typeError } from '../eval/errors';
import { Bytevector, Float, Keyword, SemaHashMap, SemaMap, typeName, Vector, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { osReason } from '../stdlib/file-io';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { keyName } from './convert';
import { cosine, unpackFloats } from './builtins-vectors';

interface StoredDocument {
  readonly id: string;
  readonly embedding: Uint8Array;
  readonly metadata: Value;
}

class VectorStore {
  documents: StoredDocument[] = [];
  path: string | undefined;
}

const stores = new Map<string, VectorStore>();

/** Forgets every store (a fresh session). */
export function resetVectorStores(): void {
  stores.clear();
}

function store(fn: string, name: string): VectorStore {
  const s = stores.get(name);
  if (s === undefined) throw evalError(`${fn}: vector store '${name}' not found`);
  return s;
}

function toJson(v: Value): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof Float) return Number.isFinite(v.value) ? v.value : null;
  if (v instanceof Keyword) return `:${v.name}`;
  if (Array.isArray(v) || v instanceof Vector) return (Array.isArray(v) ? v : v.items).map(toJson);
  if (v instanceof SemaMap || v instanceof SemaHashMap) {
    return Object.fromEntries(v.entries().map(([k, x]) => [keyName(k), toJson(x)]));
  }
  return printValue(v);
}

function fromJson(j: unknown): Value {
  if (j === null || j === undefined) return null;
  if (typeof j === 'boolean') return j;
  if (typeof j === 'number') return Number.isInteger(j) ? j : new Float(j);
  if (typeof j === 'string') return j.startsWith(':') ? Keyword.of(j.slice(1)) : j;
  if (Array.isArray(j)) return j.map(fromJson);
  return mapFromPairs(Object.entries(j as Record<string, unknown>).flatMap(([k, x]) => [Keyword.of(k), fromJson(x)]));
}

function serialize(s: VectorStore): string {
  const documents = s.documents.map((d) => ({
    id: d.id,
    embedding: Buffer.from(d.embedding).toString('base64'),
    metadata: toJson(d.metadata),
  }));
  return JSON.stringify({ version: 1, documents }, null, 2);
}

/** Reads a saved store; returns a problem description when the file is not one. */
function deserialize(text: string): StoredDocument[] | string {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    return `invalid JSON: ${(e as Error).message}`;
  }
  const docs = (root as { documents?: unknown } | null)?.documents;
  if (!Array.isArray(docs)) return "missing 'documents' array";
  const out: StoredDocument[] = [];
  for (const d of docs as Record<string, unknown>[]) {
    if (typeof d?.['id'] !== 'string') return "document missing 'id'";
    if (typeof d['embedding'] !== 'string') return `document '${d['id']}' missing 'embedding'`;
    out.push({ id: d['id'], embedding: new Uint8Array(Buffer.from(d['embedding'], 'base64')), metadata: fromJson(d['metadata']) });
  }
  return out;
}

function search(fn: string, s: VectorStore, query: Uint8Array, k: number): Value[] {
  const q = unpackFloats(query);
  const scored = s.documents.map((d) => {
    if (d.embedding.length !== query.length) {
      throw evalError(
        `${fn}: embedding dimension mismatch for document '${d.id}': query has ${query.length / 8} dims but the stored embedding has ` +
          `${d.embedding.length / 8} dims; the query and stored embeddings must come from the same model`,
      );
    }
    return { d, score: cosine(q, unpackFloats(d.embedding)) };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, k).map(({ d, score }) => mapFromPairs([Keyword.of('id'), d.id, Keyword.of('score'), new Float(score), Keyword.of('metadata'), d.metadata]));
}

function embedding(fn: string, v: Value | undefined, i: number): Uint8Array {
  if (!(v instanceof Bytevector)) throw typeError(fn, 'bytevector', typeName(v ?? null), i);
  if (v.bytes.length === 0 || v.bytes.length % 8 !== 0) throw evalError(`${fn}: embedding length ${v.bytes.length} is not a positive multiple of 8`);
  return v.bytes;
}

export const vectorStoreBuiltins: BuiltinSpec[] = [
  fn('vector-store/create', 1, 1, ([n]) => {
    const name = arg.str('vector-store/create', n, 0);
    stores.set(name, new VectorStore());
    return name;
  }),
  fn('vector-store/open', 2, 2, ([n, p]) => {
    const f = 'vector-store/open';
    const name = arg.str(f, n, 0);
    const path = arg.str(f, p, 1);
    const s = new VectorStore();
    if (existsSync(path)) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        throw ioError(`${f}: ${path}: ${osReason(e)}`);
      }
      const docs = deserialize(text);
      if (typeof docs === 'string') throw ioError(`${f}: ${path}: ${docs}`);
      s.documents = docs;
    }
    s.path = path;
    stores.set(name, s);
    return name;
  }),
  fn('vector-store/add', 4, 4, ([n, id, e, meta]) => {
    const f = 'vector-store/add';
    const s = store(f, arg.str(f, n, 0));
    const doc = { id: arg.str(f, id, 1), embedding: new Uint8Array(embedding(f, e, 2)), metadata: meta ?? null };
    s.documents = [...s.documents.filter((d) => d.id !== doc.id), doc];
    return doc.id;
  }),
  fn('vector-store/search', 3, 3, ([n, q, k]) => {
    const f = 'vector-store/search';
    const s = store(f, arg.str(f, n, 0));
    const query = embedding(f, q, 1);
    if (typeof k !== 'number' || k < 0) throw typeError(f, 'non-negative integer', typeName(k ?? null), 2);
    return search(f, s, query, k);
  }),
  fn('vector-store/delete', 2, 2, ([n, id]) => {
    const f = 'vector-store/delete';
    const s = store(f, arg.str(f, n, 0));
    const before = s.documents.length;
    const gone = arg.str(f, id, 1);
    s.documents = s.documents.filter((d) => d.id !== gone);
    return s.documents.length < before;
  }),
  fn('vector-store/count', 1, 1, ([n]) => store('vector-store/count', arg.str('vector-store/count', n, 0)).documents.length),
  fn('vector-store/save', 1, 2, ([n, p]) => {
    const f = 'vector-store/save';
    const s = store(f, arg.str(f, n, 0));
    const path = p === undefined ? s.path : arg.str(f, p, 1);
    if (path === undefined) throw evalError(`${f}: no path associated. Use (vector-store/save name path)`);
    // Written beside and renamed over, so a failed write never leaves half a file.
    try {
      writeFileSync(`${path}.tmp`, serialize(s));
      renameSync(`${path}.tmp`, path);
    } catch (e) {
      throw ioError(`${f}: ${path}: ${osReason(e)}`);
    }
    return path;
  }),
];
