import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkError, errorOf, show } from './harness';

test('core map operations', () => {
  check([
    ['(map/new :a 1 :b 2)', '{:a 1 :b 2}'],
    ['(hash-map :b 2 :a 1)', '{:a 1 :b 2}'],
    ['(map/new)', '{}'],
    ['(get {:a 1 :b 2} :a)', '1'],
    ['(get {:a 1 :b 2} :z)', 'nil'],
    ['(get {:a 1} :z 0)', '0'],
    ['(get {:a nil} :a 0)', 'nil'],
    ['(hashmap/get (hashmap/new :a nil) :a 0)', 'nil'],
    ['(assoc {:a 1} :b 2)', '{:a 1 :b 2}'],
    ['(assoc {:a 1} :a 99)', '{:a 99}'],
    ['(assoc {} :a 1 :b 2 :a 3)', '{:a 3 :b 2}'],
    ['(dissoc {:a 1 :b 2} :a)', '{:b 2}'],
    ['(dissoc {:a 1 :b 2 :c 3} :a :c :z)', '{:b 2}'],
    ['(merge {:a 1} {:b 2} {:c 3})', '{:a 1 :b 2 :c 3}'],
    ['(merge {:a 1} {:a 99})', '{:a 99}'],
    ['(merge)', '{}'],
    ['(keys {:a 1 :b 2})', '(:a :b)'],
    ['(vals {:a 1 :b 2})', '(1 2)'],
    ['(contains? {:a 1} :a)', '#t'],
    ['(contains? {:a 1} :b)', '#f'],
    ['(count {:a 1 :b 2})', '2'],
    ['(count [10 20 30])', '3'],
    ['(count "abc")', '3'],
    ['(count nil)', '0'],
    ['(map/entries {:a 1 :b 2})', '((:a 1) (:b 2))'],
    ["(map/from-entries '((:a 1) (:b 2)))", '{:a 1 :b 2}'],
    ['(map/from-entries [[:a 1]])', '{:a 1}'],
    ['(keys {2 :b 1 :a "s" :c})', '(1 2 "s")'],
  ]);
  checkError('(map/new :a)', 'hash-map: requires even number of arguments');
  checkError('(assoc {:a 1} :b)', 'assoc: requires (key alist) or (map key val ...)');
  checkError('(assoc 1 2 3)', 'expected map or hashmap, got int');
  checkError('(get [1 2] 0)', 'expected map or hashmap, got vector', 'type-error');
  assert.equal(errorOf('(get [1 2] 0)').hint, 'get works on maps; use (nth coll i) to index a list or vector');
  checkError('(count 5)', 'expected collection, got int');
  checkError('(merge {:a 1} 2)', 'expected map or hashmap, got int');
  checkError("(map/from-entries '((:a 1 2)))", 'map/from-entries: each entry must be a pair (key value)');
});

test('maps are values: assoc and dissoc leave the original alone', () => {
  check([
    ['(define m1 {:a 1 :b 2})', 'nil'],
    ['(define m2 (assoc m1 :c 3))', 'nil'],
    ['(define m3 (dissoc m2 :a))', 'nil'],
    ['(list m1 m2 m3)', '({:a 1 :b 2} {:a 1 :b 2 :c 3} {:b 2 :c 3})'],
    ['(equal? (dissoc m2 :c) m1)', '#t'],
    ['(get m3 :a)', 'nil'],
  ]);
});

test('higher-order map operations', () => {
  check([
    ['(map/map-vals (fn (v) (* v 2)) {:a 1 :b 2})', '{:a 2 :b 4}'],
    ['(map/map-keys (fn (k) (list k)) {:a 1})', '{(:a) 1}'],
    ['(map/filter (fn (k v) (> v 1)) {:a 1 :b 2 :c 3})', '{:b 2 :c 3}'],
    ["(map/select-keys {:a 1 :b 2 :c 3} '(:a :c))", '{:a 1 :c 3}'],
    ['(map/select-keys {:a 1} [:a :z])', '{:a 1}'],
    ['(map/update {:a 1} :a (fn (v) (+ v 10)))', '{:a 11}'],
    ['(map/update {} :n (fn (v) (if (nil? v) 1 v)))', '{:n 1}'],
    ['(map/sort-keys (hashmap/new :c 3 :a 1 :b 2))', '{:a 1 :b 2 :c 3}'],
    ["(map/except {:a 1 :b 2 :c 3} '(:b))", '{:a 1 :c 3}'],
    ["(map/except {:a 1 :b 2 :c 3} '(:a :c))", '{:b 2}'],
    ["(map/zip '(:a :b :c) '(1 2 3))", '{:a 1 :b 2 :c 3}'],
    ["(map/zip '(:a :b) '(1))", '{:a 1}'],
  ]);
  checkError('(map/map-vals (fn (v) v) 5)', 'expected map or hashmap, got int');
});

test('hashmaps', () => {
  check([
    ['(hashmap/new :a 1 :b 2 :c 3)', '{:a 1 :b 2 :c 3}'],
    ['(hashmap/new)', '{}'],
    ['(hashmap/get (hashmap/new :a 1) :a)', '1'],
    ['(hashmap/get (hashmap/new :a 1) :z :d)', ':d'],
    ['(hashmap/assoc (hashmap/new) :a 1)', '{:a 1}'],
    ['(hashmap/to-map (hashmap/new :b 2 :a 1))', '{:a 1 :b 2}'],
    ['(hashmap/keys (hashmap/new :a 1 :b 2))', '(:a :b)'],
    ['(hashmap/contains? (hashmap/new :a 1) :a)', '#t'],
    ['(get (hashmap/new :a 1 :b 2) :a)', '1'],
    ['(type (assoc (hashmap/new) :x 42))', ':hashmap'],
    ['(type (dissoc (hashmap/new :a 1 :b 2) :a))', ':hashmap'],
    ['(type (merge (hashmap/new :a 1) {:b 2}))', ':hashmap'],
    ['(merge (hashmap/new :a 1) {:b 2})', '{:a 1 :b 2}'],
    ['(type (merge {:b 2} (hashmap/new :a 1)))', ':map'],
    ['(count (hashmap/new :a 1 :b 2))', '2'],
    ['(map/map-vals (fn (v) (* v 2)) (hashmap/new :a 1))', '{:a 2}'],
    ['(type (map/filter (fn (k v) (> v 1)) (hashmap/new :a 1 :b 2)))', ':hashmap'],
    ['(map/entries (hashmap/new :b 2 :a 1))', '((:a 1) (:b 2))'],
    ['(keys (hashmap/assoc (hashmap/new :z 1) :a 2))', '(:z :a)'],
  ]);
  checkError('(hashmap/new :a)', 'hashmap/new: requires even number of arguments');
  checkError('(hashmap/assoc {:a 1} :b 2)', 'expected hashmap, got map');
  checkError('(hashmap/assoc (hashmap/new) :b)', 'hashmap/assoc: requires hashmap and even number of key-value pairs');
});

test('nested map operations', () => {
  check([
    ['(map/get-in {:a {:b {:c 42}}} [:a :b :c])', '42'],
    ['(map/get-in {:a {:b 1}} [:a :c])', 'nil'],
    ['(map/get-in {:a {:b 1}} [:a :c] "default")', '"default"'],
    ['(get-in {:a nil} [:a] :d)', 'nil'],
    ['(get-in {:a 1} [])', '{:a 1}'],
    ['(map/assoc-in {:a {:b 1}} [:a :b] 42)', '{:a {:b 42}}'],
    ['(map/assoc-in {} [:a :b :c] 99)', '{:a {:b {:c 99}}}'],
    ['(assoc-in {:a 5} [:a :b] 1)', '{:a {:b 1}}'],
    ['(map/update-in {:a {:b 10}} [:a :b] #(+ % 1))', '{:a {:b 11}}'],
    ['(update-in {} [:a :n] (fn (v) (if (nil? v) 0 v)))', '{:a {:n 0}}'],
    ['(map/deep-merge {:a {:b 1 :c 2}} {:a {:b 99}})', '{:a {:b 99 :c 2}}'],
    ['(map/deep-merge {:a {:b 1}} {:a 42})', '{:a 42}'],
    ['(map/deep-merge {:a 1} {:b 2} {:c 3})', '{:a 1 :b 2 :c 3}'],
    ['(deep-merge)', '{}'],
  ]);
  checkError('(get-in {:a 1} :a)', 'expected list or vector, got keyword');
});

test('keywords work as functions on maps', () => {
  assert.equal(show('(:name {:name "Ada" :age 36})'), '"Ada"');
});
