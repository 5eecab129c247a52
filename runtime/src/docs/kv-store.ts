// Catalogue entries for the JSON-file key-value store (stdlib/kv.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const k = (sig: string, summary: string, examples: string[]): BuiltinDoc => fnDoc('kv', sig, summary, examples);

export const kvDocs: BuiltinDoc[] = [
  k('(kv/open name path)', 'Opens the store `name`, backed by the JSON file at `path` (relative to the working directory), loading the file if it exists; returns the name. The file is created on the first write; malformed JSON in an existing file is an error. Opening a name again replaces the old handle.', [
    '(kv/open "config" "config.json")  ; => "config"',
  ]),
  k('(kv/get name key)', 'The value stored under the string `key`, or nil when there is none. Values come back as JSON gives them: maps with keyword keys, lists for lists and vectors.', [
    '(kv/get "config" "theme")  ; => "dark" or nil',
  ]),
  k('(kv/set name key value)', 'Stores `value` under `key` and rewrites the backing file at once (pretty-printed JSON, keys sorted); returns the value. NaN and infinities are stored as null.', [
    '(kv/set "config" "retries" 3)  ; => 3',
    '(kv/set "config" "user" {:name "Alice" :role "admin"})',
  ]),
  k('(kv/delete name key)', 'Removes `key` and rewrites the file; #t when the key was there, #f otherwise.', [
    '(kv/delete "config" "retries")  ; => #t',
  ]),
  k('(kv/keys name)', 'The keys of the store as a sorted list of strings.', ['(kv/keys "config")  ; => ("theme" "user")']),
  k('(kv/close name)', 'Flushes the store and forgets its name; returns nil. Closing a name that is not open does nothing.', ['(kv/close "config")']),
];
