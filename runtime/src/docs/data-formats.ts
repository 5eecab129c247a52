// Catalogue entries for JSON (stdlib/json.ts), regex (stdlib/regex.ts) and bytevectors
// (stdlib/bytevectors.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

export const jsonDocs: BuiltinDoc[] = [
  fnDoc('http-json', '(json/encode value)', 'Compact JSON text for a value: maps become objects (keys sorted), lists and vectors arrays, keywords strings. NaN, infinities and functions are errors.', ['(json/encode {:name "Ada" :age 36})  ; => "{\\"age\\":36,\\"name\\":\\"Ada\\"}"']),
  fnDoc('http-json', '(json/encode-pretty value)', 'Like `json/encode`, indented by two spaces over several lines.', ['(json/encode-pretty {:a [1 2]})']),
  fnDoc('http-json', '(json/decode text)', 'Parses JSON text: objects become maps with keyword keys, arrays lists, `null` nil.', ['(json/decode "{\\"name\\": \\"Ada\\"}")  ; => {:name "Ada"}', '(json/decode "[1, 2.5]")  ; => (1 2.5)']),
];

const r = (sig: string, summary: string, examples: string[]): BuiltinDoc => fnDoc('regex', sig, summary, examples);

export const regexDocs: BuiltinDoc[] = [
  r('(regex/match? pattern text)', 'True when the pattern matches anywhere in `text`. Patterns use Rust regex syntax; `#"..."` literals avoid doubled backslashes.', ['(regex/match? #"\\d+" "abc123")  ; => #t']),
  r('(regex/match pattern text)', 'The first match as `{:match :groups :start :end}` (byte offsets; groups that did not take part are nil), or nil.', ['(regex/match #"(\\d+)-(\\w+)" "item-42-foo")  ; => {:end 11 :groups ("42" "foo") :match "42-foo" :start 5}']),
  r('(regex/find-all pattern text)', 'Every non-overlapping match, as strings.', ['(regex/find-all #"\\d+" "a1b2c3")  ; => ("1" "2" "3")']),
  r('(regex/replace pattern replacement text)', 'Replaces the first match; `$1`, `$name` and `${name}` in the replacement insert groups.', ['(regex/replace #"(\\d+)-(\\w+)" "$2:$1" "item-42-foo")  ; => "item-foo:42"']),
  r('(regex/replace-all pattern replacement text)', 'Replaces every match; the replacement may refer to groups as in `regex/replace`.', ['(regex/replace-all #"\\s+" " " "a  b  c")  ; => "a b c"']),
  r('(regex/split pattern text)', 'Splits `text` at every match of the pattern.', ['(regex/split #"[,;]" "a,b;c")  ; => ("a" "b" "c")']),
];

const b = (sig: string | string[], summary: string, examples: string[], aliases?: string[]): BuiltinDoc =>
  fnDoc('bytevectors', sig, summary, examples, aliases);

export const bytevectorDocs: BuiltinDoc[] = [
  b('(bytevector byte ...)', 'A bytevector of the given byte values (0-255).', ['(bytevector 1 2 3)  ; => #u8(1 2 3)']),
  b(['(bytevector/new size)', '(bytevector/new size fill)'], 'A bytevector of `size` bytes, all `fill` (0 by default).', ['(bytevector/new 3 255)  ; => #u8(255 255 255)'], ['make-bytevector', 'bytevector/make']),
  b('(bytevector/length bv)', 'The number of bytes.', ['(bytevector/length #u8(1 2 3))  ; => 3'], ['bytevector-length']),
  b('(bytevector/ref bv index)', 'The byte at a 0-based index.', ['(bytevector/ref #u8(10 20 30) 1)  ; => 20'], ['bytevector-u8-ref', 'bytevector/u8-ref']),
  b('(bytevector/set! bv index byte)', 'A copy of `bv` with one byte changed; the original is unchanged.', ['(bytevector/set! #u8(1 2 3) 0 9)  ; => #u8(9 2 3)'], ['bytevector-u8-set!', 'bytevector/u8-set!']),
  b(['(bytevector/copy bv)', '(bytevector/copy bv start)', '(bytevector/copy bv start end)'], 'The bytes from `start` up to (not including) `end`.', ['(bytevector/copy #u8(1 2 3 4 5) 1 3)  ; => #u8(2 3)'], ['bytevector-copy']),
  b('(bytevector/append bv ...)', 'The bytevectors joined end to end.', ['(bytevector/append #u8(1 2) #u8(3 4))  ; => #u8(1 2 3 4)'], ['bytevector-append']),
  b('(bytevector/to-list bv)', 'The bytes as a list of integers.', ['(bytevector/to-list #u8(65 66))  ; => (65 66)'], ['bytevector->list']),
  b('(list/to-bytevector bytes)', 'A bytevector from a list of integers 0-255.', ["(list/to-bytevector '(1 2 3))  ; => #u8(1 2 3)"], ['list->bytevector', 'bytevector/from-list']),
  b('(utf8/to-string bv)', 'Decodes UTF-8 bytes into a string; invalid UTF-8 is an error.', ['(utf8/to-string #u8(104 105))  ; => "hi"'], ['utf8->string', 'bytevector->string']),
  b('(string/to-utf8 s)', 'The UTF-8 bytes of a string.', ['(string/to-utf8 "hi")  ; => #u8(104 105)'], ['string->utf8', 'string->bytevector']),
];

const h = (sig: string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('http-json', sig, summary, examples);
const HTTP_RESULT = 'Returns `{:status :headers :body}` (header names as lower-case keywords, the body as a string). Options: `:headers` (a map) and `:timeout` (milliseconds); network failures are `:io` errors.';

export const httpDocs: BuiltinDoc[] = [
  h(['(http/get url)', '(http/get url options)'], `Sends a GET request. ${HTTP_RESULT}`, ['(:status (http/get "https://example.com"))  ; => 200']),
  h(['(http/post url body)', '(http/post url body options)'], `Sends a POST request; a map body is sent as JSON. ${HTTP_RESULT}`, ['(http/post "https://example.com/users" {:name "Ada"})']),
  h(['(http/put url body)', '(http/put url body options)'], `Sends a PUT request; a map body is sent as JSON. ${HTTP_RESULT}`, ['(http/put "https://example.com/users/42" {:name "Ada"})']),
  h(['(http/delete url)', '(http/delete url options)'], `Sends a DELETE request. ${HTTP_RESULT}`, ['(http/delete "https://example.com/users/42")']),
  h(['(http/request method url)', '(http/request method url options)', '(http/request method url options body)'], `Sends a request with any of GET, POST, PUT, DELETE, PATCH or HEAD (any case). ${HTTP_RESULT}`, ['(http/request "PATCH" "https://example.com/users/42" {} {:name "Ada"})']),
];
