// Embeddings as values: bytevectors of packed little-endian f64s (what `llm/embed`
// returns), their accessors, vector math, `llm/similarity`, and token estimates.

import { mapFromPairs } from '../eval/equality';
import { evalError, typeError } from '../eval/errors';
import { Bytevector, Float, Keyword, typeName, Vector, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { fn, type BuiltinSpec } from '../stdlib/registry';

/** Packs numbers into an embedding bytevector. */
export function packFloats(xs: readonly number[]): Bytevector {
  const bytes = new Uint8Array(xs.length * 8);
  const view = new DataView(bytes.buffer);
  xs.forEach((x, i) => view.setFloat64(i * 8, x, true));
  return new Bytevector(bytes);
}

export function unpackFloats(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  for (let at = 0; at + 8 <= bytes.length; at += 8) out.push(view.getFloat64(at, true));
  return out;
}

function bytes(name: string, v: Value | undefined, i: number): Uint8Array {
  if (v instanceof Bytevector) return v.bytes;
  throw typeError(name, 'bytevector', typeName(v ?? null), i);
}

/** An embedding bytevector's numbers; its length must be a multiple of 8. */
function floats(name: string, v: Value | undefined, i: number): number[] {
  const b = bytes(name, v, i);
  if (b.length % 8 !== 0) throw evalError(`${name}: bytevector length ${b.length} is not divisible by 8`);
  return unpackFloats(b);
}

/** Two embeddings of the same, non-zero length. */
function pair(name: string, args: Value[]): [number[], number[]] {
  const a = bytes(name, args[0], 0);
  const b = bytes(name, args[1], 1);
  if (a.length !== b.length) throw evalError(`${name}: length mismatch (${a.length / 8} vs ${b.length / 8})`);
  if (a.length === 0 || a.length % 8 !== 0) throw evalError(`${name}: invalid bytevector length ${a.length}`);
  return [unpackFloats(a), unpackFloats(b)];
}

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** Cosine similarity; 0.0 when either vector is all zeros. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  const ma = Math.sqrt(dot(a, a));
  const mb = Math.sqrt(dot(b, b));
  return ma === 0 || mb === 0 ? 0 : dot(a, b) / (ma * mb);
}

function numberList(name: string, v: Value, i: number): number[] {
  const items = Array.isArray(v) ? v : v instanceof Vector ? v.items : undefined;
  if (items === undefined) throw typeError(name, 'list or vector', typeName(v), i);
  return items.map((x, j) => {
    if (typeof x === 'number') return x;
    if (x instanceof Float) return x.value;
    throw evalError(`${name}: element ${j} is ${typeName(x)}, expected number`);
  });
}

function similarity(args: Value[]): Value {
  const name = 'llm/similarity';
  const [a, b] = args as [Value, Value];
  const isSeq = (v: Value): boolean => Array.isArray(v) || v instanceof Vector;
  let va: number[];
  let vb: number[];
  if (a instanceof Bytevector && b instanceof Bytevector) {
    if (a.bytes.length !== b.bytes.length) throw evalError(`${name}: bytevectors must have same length (${a.bytes.length} vs ${b.bytes.length})`);
    if (a.bytes.length % 8 !== 0) throw evalError(`${name}: bytevector length must be a multiple of 8 (got ${a.bytes.length})`);
    [va, vb] = [unpackFloats(a.bytes), unpackFloats(b.bytes)];
  } else if (isSeq(a) && isSeq(b)) {
    [va, vb] = [numberList(name, a, 0), numberList(name, b, 1)];
    if (va.length !== vb.length) throw evalError(`${name}: vectors must have same length (${va.length} vs ${vb.length})`);
  } else {
    throw evalError(
      `${name}: both arguments must be the same type (both bytevectors or both lists). ` +
        'Use embedding/->list or embedding/list->embedding to convert between formats.',
    );
  }
  if (va.length === 0) throw evalError(`${name}: empty vectors`);
  return new Float(cosine(va, vb));
}

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The chars/4 estimate (rounded up) of a text; other values count as printed. */
function estimate(v: Value): number {
  const text = typeof v === 'string' ? v : printValue(v);
  return Math.ceil(utf8Length(text) / 4);
}

/** A list's estimate is the sum of its items' estimates. */
function tokenCount(v: Value): number {
  if (Array.isArray(v) || v instanceof Vector) return (Array.isArray(v) ? v : v.items).reduce<number>((n, x) => n + estimate(x), 0);
  return estimate(v);
}

export const vectorBuiltins: BuiltinSpec[] = [
  fn('embedding/length', 1, 1, ([v]) => floats('embedding/length', v, 0).length),
  fn('embedding/ref', 2, 2, ([v, i]) => {
    const name = 'embedding/ref';
    const xs = floats(name, v, 0);
    if (typeof i !== 'number') throw typeError(name, 'integer', typeName(i ?? null), 1);
    if (i < 0 || i >= xs.length) throw evalError(`${name}: index ${i} out of bounds (length ${xs.length})`);
    return new Float(xs[i]!);
  }),
  fn('embedding/->list', 1, 1, ([v]) => floats('embedding/->list', v, 0).map((x) => new Float(x))),
  fn('embedding/list->embedding', 1, 1, ([v]) => packFloats(numberList('embedding/list->embedding', v!, 0))),

  fn('llm/similarity', 2, 2, (args) => similarity(args)),
  fn('vector/cosine-similarity', 2, 2, (args) => new Float(cosine(...pair('vector/cosine-similarity', args)))),
  fn('vector/dot-product', 2, 2, (args) => new Float(dot(...pair('vector/dot-product', args)))),
  fn('vector/distance', 2, 2, (args) => {
    const [a, b] = pair('vector/distance', args);
    return new Float(Math.sqrt(a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0)));
  }),
  fn('vector/normalize', 1, 1, ([v]) => {
    const name = 'vector/normalize';
    const b = bytes(name, v, 0);
    if (b.length === 0 || b.length % 8 !== 0) throw evalError(`${name}: invalid bytevector`);
    const xs = unpackFloats(b);
    const mag = Math.sqrt(dot(xs, xs));
    return packFloats(xs.map((x) => (mag === 0 ? 0 : x / mag)));
  }),

  fn('llm/token-count', 1, 1, ([v]) => tokenCount(v!)),
  fn('llm/token-estimate', 1, 1, ([v]) => mapFromPairs([Keyword.of('method'), 'chars/4', Keyword.of('tokens'), tokenCount(v!)])),
];

