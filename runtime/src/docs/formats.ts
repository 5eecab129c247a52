// Catalogue entries for CSV (stdlib/csv.ts), TOML (stdlib/toml.ts) and reflection
// (stdlib/reflect.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

export const csvDocs: BuiltinDoc[] = [
  fnDoc('csv', '(csv/parse text)', 'Parses CSV text into a list of rows, each a list of strings. Quoted fields may hold commas, doubled quotes and line breaks; `\\n`, `\\r\\n` and `\\r` all end a row; blank lines are skipped; every row must have as many fields as the first.', [
    '(csv/parse "a,b\\n1,2\\n3,4")  ; => (("a" "b") ("1" "2") ("3" "4"))',
    '(csv/parse "name,bio\\n\\"Ada\\",\\"Mathematician, writer\\"\\n")  ; => (("name" "bio") ("Ada" "Mathematician, writer"))',
  ]),
  fnDoc('csv', '(csv/parse-maps text)', 'Parses CSV text whose first row is a header into a list of maps, one per row, keyed by the header names as keywords.', [
    '(csv/parse-maps "name,age\\nAda,36\\nBob,25")  ; => ({:age "36" :name "Ada"} {:age "25" :name "Bob"})',
  ]),
  fnDoc('csv', '(csv/encode rows)', 'CSV text for a list of rows (lists or vectors), one line per row. Strings are written as they are, other values as printed; fields holding commas, quotes or line breaks are quoted.', [
    '(csv/encode \'(("a" "b") ("1" "2")))  ; => "a,b\\n1,2\\n"',
    '(csv/encode \'(("name" "score") ("Ada" 100)))  ; => "name,score\\nAda,100\\n"',
  ]),
];

export const tomlDocs: BuiltinDoc[] = [
  fnDoc('toml', '(toml/decode text)', 'Parses a TOML document into a map with keyword keys: tables become maps, arrays (and arrays of tables) lists, and date-times strings such as `"1979-05-27T07:32:00Z"`. Bad input is an error naming the line and column.', [
    '(toml/decode "[package]\\nname = \\"my-app\\"\\nversion = \\"1.0.0\\"")  ; => {:package {:name "my-app" :version "1.0.0"}}',
    '(toml/decode "point = { x = 1, y = 2 }")  ; => {:point {:x 1 :y 2}}',
    '(toml/decode "created = 2024-01-15T10:30:00Z")  ; => {:created "2024-01-15T10:30:00Z"}',
  ]),
  fnDoc('toml', '(toml/encode map)', 'TOML text for a map: plain values first, then `[table]` sections and `[[array-of-tables]]` for lists of maps, keys sorted. Keywords and symbols become strings; nil, functions and other non-data values are errors.', [
    '(toml/encode {:package {:name "my-app" :version "1.0.0"}})  ; => "[package]\\nname = \\"my-app\\"\\nversion = \\"1.0.0\\"\\n"',
  ]),
];

export const reflectDocs: BuiltinDoc[] = [
  fnDoc('reflect', '(read/string text)', 'The first form of `text` as data (nil if there is none). Syntax errors are reader errors.', ['(read/string "(+ 1 2)")  ; => (+ 1 2)']),
  fnDoc('reflect', '(read/all text)', 'Every top-level form of `text`, as a list.', ['(read/all "(a) (b)")  ; => ((a) (b))']),
  fnDoc('reflect', '(format/form form)', 'The source text of a form as `sema fmt` lays it out: one line when it fits in 80 columns, otherwise indented by the shape of the form.', [
    "(format/form '(define  x  1))  ; => \"(define x 1)\"",
  ]),
  fnDoc('reflect', '(sema/check-string text)', 'Reads and compiles (without running) Sema source; returns `{:ok bool :diagnostics (...)}`, each diagnostic a map of `:level`, `:code` (`"syntax"`, `"arity"`, `"type"`, `"unbound-symbol"` or `"error"`), `:message` and, for syntax errors, `:span {:line :col :end-line :end-col}`.', [
    '(sema/check-string "(+ 1 2)")  ; => {:diagnostics () :ok #t}',
    '(sema/check-string "(+ 1 2")  ; => {:diagnostics ({:code "syntax" :level :error :message "Reader error at 1:1: unterminated list" :span {:col 1 :end-col 2 :end-line 1 :line 1}}) :ok #f}',
  ]),
  fnDoc('reflect', '(sema/check-file path)', 'Like `sema/check-string` for the contents of a file; a file that cannot be read gives one diagnostic with code `"io"`.', ['(:ok (sema/check-file "workflow.sema"))']),
];
