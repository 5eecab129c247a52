import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachLeaf, hashKey, insert, Leaf, lookup, remove, type Slot } from '../../src/eval/hamt';
import { mapAssoc, mapDissoc, mapFromPairs, mapGet, valuesEqual } from '../../src/eval/equality';
import { SemaHashMap, SemaMap, kw, type Value } from '../../src/eval/values';
import { printValue } from '../../src/reader';

function contents(root: Slot<number> | null): Map<string, number> {
  const out = new Map<string, number>();
  forEachLeaf(root, (l) => out.set(l.key, l.entry));
  return out;
}

test('random inserts and removals agree with a plain Map, old versions unchanged', () => {
  let seed = 42;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  let root: Slot<number> | null = null;
  let model = new Map<string, number>();
  const history: [Slot<number> | null, Map<string, number>][] = [];
  for (let i = 0; i < 3000; i++) {
    const key = 'k' + rand(500);
    if (rand(3) === 0) {
      root = remove(root, key, hashKey(key), 0);
      model = new Map(model);
      model.delete(key);
    } else {
      const out = { added: false };
      root = insert(root, new Leaf(key, hashKey(key), i, i), 0, out);
      assert.equal(out.added, !model.has(key));
      model = new Map(model);
      model.set(key, i);
    }
    if (i % 300 === 0) history.push([root, model]);
  }
  assert.deepEqual(contents(root), model);
  for (const [r, m] of history) assert.deepEqual(contents(r), m);
  for (const [k, v] of model) assert.equal(lookup(root, k, hashKey(k))?.entry, v);
  assert.equal(lookup(root, 'absent', hashKey('absent')), undefined);
});

test('keys whose hashes collide are kept apart', () => {
  const out = { added: false };
  let root: Slot<string> | null = null;
  for (const key of ['a', 'b', 'c']) root = insert(root, new Leaf(key, 7, key.toUpperCase(), 0), 0, out);
  root = insert(root, new Leaf('z', 8, 'Z', 0), 0, out);
  assert.equal(lookup(root, 'b', 7)?.entry, 'B');
  root = insert(root, new Leaf('b', 7, 'B2', 0), 0, out);
  assert.equal(lookup(root, 'b', 7)?.entry, 'B2');
  root = remove(root, 'a', 7, 0);
  assert.equal(lookup(root, 'a', 7), undefined);
  assert.equal(lookup(root, 'c', 7)?.entry, 'C');
  assert.equal(lookup(root, 'z', 8)?.entry, 'Z');
});

test('maps built by assoc share nothing observable with their originals', () => {
  const base = mapFromPairs([kw('a'), 1, kw('b'), 2]);
  let m: SemaMap = base;
  for (let i = 0; i < 100; i++) m = mapAssoc(m, i, i * i);
  const smaller = mapDissoc(m, 50);
  assert.equal(printValue(base), '{:a 1 :b 2}');
  assert.equal(m.size, 102);
  assert.equal(smaller.size, 101);
  assert.equal(mapGet(m, 50), 2500);
  assert.equal(mapGet(smaller, 50), undefined);
  assert.equal(mapDissoc(smaller, 'absent'), smaller);
  assert.ok(valuesEqual(mapAssoc(smaller, 50, 2500), m));
  assert.equal(printValue(mapAssoc(mapAssoc(base, kw('c'), 3), kw('a'), 9)), '{:a 9 :b 2 :c 3}');
});

test('hashmaps keep insertion order through assoc and dissoc', () => {
  let h = new SemaHashMap();
  for (const k of ['z', 'y', 'x', 'w']) h = mapAssoc(h, kw(k), k as Value);
  h = mapAssoc(h, kw('y'), 'again');
  h = mapDissoc(h, kw('x'));
  assert.deepEqual(h.entries().map(([k]) => printValue(k)), [':z', ':y', ':w']);
  assert.equal(mapGet(h, kw('y')), 'again');
});
