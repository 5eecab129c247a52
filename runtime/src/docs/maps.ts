// Catalogue entries for maps and hashmaps (stdlib/maps.ts, map-nested.ts).

import { functionDocs } from './function-doc';
import type { BuiltinDoc } from './types';

const fn = functionDocs('maps');

export const mapDocs: BuiltinDoc[] = [
  fn('map/new', '(map/new key value ...)', 'A sorted map from alternating keys and values.', ['(map/new :b 2 :a 1)  ; => {:a 1 :b 2}', '(map/new)  ; => {}'], ['hash-map']),
  fn('get', ['(get map key)', '(get map key default)'], 'The value under `key` in a map or hashmap; `default` (or nil) when the key is absent.', ['(get {:a 1} :a)  ; => 1', '(get {:a 1} :b 0)  ; => 0'], ['hash-ref']),
  fn('assoc', ['(assoc map key value ...)', '(assoc key alist)'], 'A copy of the map with the keys set to the values. With a key and an association list instead, finds the pair for that key (or #f).', ['(assoc {:a 1} :b 2)  ; => {:a 1 :b 2}', "(assoc 'y '((x 1) (y 2)))  ; => (y 2)"]),
  fn('dissoc', '(dissoc map key ...)', 'A copy of the map without the given keys.', ['(dissoc {:a 1 :b 2} :a)  ; => {:b 2}']),
  fn('merge', '(merge map ...)', 'One map with the entries of all arguments; later maps win. The result has the kind of the first map.', ['(merge {:a 1} {:a 2 :b 3})  ; => {:a 2 :b 3}']),
  fn('keys', '(keys map)', 'The keys as a list (sorted for maps, insertion order for hashmaps).', ['(keys {:b 2 :a 1})  ; => (:a :b)']),
  fn('vals', '(vals map)', 'The values as a list, in key order.', ['(vals {:b 2 :a 1})  ; => (1 2)']),
  fn('contains?', '(contains? map key)', 'True when the map has an entry for `key` (even if its value is nil).', ['(contains? {:a nil} :a)  ; => #t', '(contains? {} :a)  ; => #f']),
  fn('count', '(count coll)', 'Number of entries of a map, elements of a list or vector, or characters of a string; 0 for nil.', ['(count {:a 1 :b 2})  ; => 2', '(count "hey")  ; => 3']),
  fn('map/entries', '(map/entries map)', 'The entries as a list of `(key value)` lists, in key order.', ['(map/entries {:a 1 :b 2})  ; => ((:a 1) (:b 2))']),
  fn('map/from-entries', '(map/from-entries entries)', 'A map from a list of `(key value)` pairs (lists or vectors).', ["(map/from-entries '((:x 1) (:y 2)))  ; => {:x 1 :y 2}"]),
  fn('map/map-vals', '(map/map-vals f map)', 'The map with `f` applied to every value.', ['(map/map-vals - {:a 1 :b 2})  ; => {:a -1 :b -2}']),
  fn('map/map-keys', '(map/map-keys f map)', 'The map with `f` applied to every key.', ['(map/map-keys (fn (k) [k]) {:a 1})  ; => {[:a] 1}']),
  fn('map/filter', '(map/filter pred map)', 'The entries for which `(pred key value)` is true.', ['(map/filter (fn (k v) (odd? v)) {:a 1 :b 2})  ; => {:a 1}']),
  fn('map/select-keys', '(map/select-keys map keys)', 'Only the entries whose keys are listed.', ['(map/select-keys {:a 1 :b 2 :c 3} [:a :c])  ; => {:a 1 :c 3}']),
  fn('map/except', '(map/except map keys)', 'The map without the listed keys.', ['(map/except {:a 1 :b 2} [:a])  ; => {:b 2}']),
  fn('map/update', '(map/update map key f)', 'The map with the value under `key` replaced by `(f old-value)` (old value nil when absent).', ['(map/update {:n 1} :n (fn (x) (* x 10)))  ; => {:n 10}']),
  fn('map/sort-keys', '(map/sort-keys map)', 'A sorted map with the same entries (turns a hashmap into a map).', ['(map/sort-keys (hashmap/new :b 1 :a 2))  ; => {:a 2 :b 1}']),
  fn('map/zip', '(map/zip keys values)', 'A map pairing each key with the value at the same position.', ["(map/zip '(:a :b) '(1 2))  ; => {:a 1 :b 2}"]),
  fn('map/get-in', ['(map/get-in map path)', '(map/get-in map path default)'], 'Follows a list or vector of keys into nested maps; `default` (or nil) when a key is missing.', ['(map/get-in {:a {:b 5}} [:a :b])  ; => 5', '(map/get-in {:a {}} [:a :b] :none)  ; => :none'], ['get-in']),
  fn('map/assoc-in', '(map/assoc-in map path value)', 'Sets the value at a nested key path, creating maps along the way.', ['(map/assoc-in {} [:a :b] 1)  ; => {:a {:b 1}}'], ['assoc-in']),
  fn('map/update-in', '(map/update-in map path f)', 'Replaces the value at a nested key path with `(f old-value)`.', ['(map/update-in {:a {:n 1}} [:a :n] (fn (x) (+ x 1)))  ; => {:a {:n 2}}'], ['update-in']),
  fn('map/deep-merge', '(map/deep-merge map ...)', 'Merges maps, merging nested maps under the same key instead of replacing them.', ['(map/deep-merge {:a {:x 1}} {:a {:y 2}})  ; => {:a {:x 1 :y 2}}'], ['deep-merge']),
  fn('hashmap/new', '(hashmap/new key value ...)', 'A hashmap (unsorted, insertion-ordered) from alternating keys and values.', ['(hashmap/new :a 1 :b 2)  ; => {:a 1 :b 2}']),
  fn('hashmap/get', ['(hashmap/get map key)', '(hashmap/get map key default)'], 'The value under `key`; `default` (or nil) when absent.', ['(hashmap/get (hashmap/new :a 1) :a)  ; => 1']),
  fn('hashmap/assoc', '(hashmap/assoc hashmap key value ...)', 'A copy of the hashmap with the keys set to the values.', ['(hashmap/assoc (hashmap/new) :a 1)  ; => {:a 1}']),
  fn('hashmap/to-map', '(hashmap/to-map hashmap)', 'A sorted map with the same entries.', ['(hashmap/to-map (hashmap/new :b 2 :a 1))  ; => {:a 1 :b 2}']),
  fn('hashmap/keys', '(hashmap/keys hashmap)', 'The keys of a hashmap as a list, in insertion order.', ['(hashmap/keys (hashmap/new :b 1 :a 2))  ; => (:b :a)']),
  fn('hashmap/contains?', '(hashmap/contains? hashmap key)', 'True when the hashmap has an entry for `key`.', ['(hashmap/contains? (hashmap/new :a 1) :a)  ; => #t']),
];
