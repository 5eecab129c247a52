import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BuiltinDoc } from '@sema/runtime/docs';
import { arityOfDoc } from '../../src/analysis/checks';

function arity(...signatures: string[]) {
  const doc: BuiltinDoc = { name: 'f', kind: 'function', module: 'm', signatures, params: [], summary: '', examples: [] };
  const a = arityOfDoc(doc);
  return a && [a.min, a.max];
}

test('arity from catalogue signatures', () => {
  assert.deepEqual(arity('(f a b)'), [2, 2]);
  assert.deepEqual(arity('(f s start [end])'), [2, 3]);
  assert.deepEqual(arity('(f prompt)', '(f prompt opts)'), [1, 2]);
  assert.deepEqual(arity('(f n ...)'), [0, Infinity]);
  assert.deepEqual(arity('(map f list1 list2 ...)'), [2, Infinity]);
  assert.deepEqual(arity('(hashmap/new key value ...)'), [0, Infinity]);
  assert.deepEqual(arity('(apply f x ... args)'), [1, Infinity]);
  assert.deepEqual(arity('(f a . rest)'), [1, Infinity]);
  assert.deepEqual(arity('(f {:keys [a b]})'), [1, 1]);
  assert.equal(arity(), undefined);
});
