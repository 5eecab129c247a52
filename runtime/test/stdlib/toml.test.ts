import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SemaError } from '../../src/eval/errors';
import { stringRepr } from '../../src/stdlib/toml-encode';
import { checkAll, checkError, Session } from './text-harness';

/** The message `toml/decode` gives for `text` (which must be bad). */
function decodeError(text: string): string {
  const s = new Session();
  s.define('text', text);
  try {
    s.run('(toml/decode text)');
  } catch (e) {
    assert.ok(e instanceof SemaError, String(e));
    return e.message;
  }
  assert.fail(`${JSON.stringify(text)} decoded without error`);
}

function decoded(text: string): string {
  const s = new Session();
  s.define('text', text);
  return s.interp.print(s.run('(toml/decode text)'));
}

test('the docs examples decode', () => {
  checkAll([
    ['(toml/decode "[package]\\nname = \\"my-app\\"\\nversion = \\"1.0.0\\"")', '{:package {:name "my-app" :version "1.0.0"}}'],
    ['(toml/decode "point = { x = 1, y = 2 }")', '{:point {:x 1 :y 2}}'],
    ['(toml/decode "created = 2024-01-15T10:30:00Z")', '{:created "2024-01-15T10:30:00Z"}'],
  ]);
  assert.equal(
    decoded('colors = ["red", "green"]\n[[fruits]]\nname = "apple"\n[[fruits]]\nname = "banana"\n'),
    '{:colors ("red" "green") :fruits ({:name "apple"} {:name "banana"})}',
  );
});

test('tables: headers, dotted keys, sub-tables and arrays of tables', () => {
  assert.equal(decoded('a.b.c = 1\na.d = 2\n[x.y]\nz = 1\n[x]\nw = 2'), '{:a {:b {:c 1} :d 2} :x {:w 2 :y {:z 1}}}');
  assert.equal(decoded('[[a]]\nb=1\n[[a.c]]\nd=2\n[a.e]\nf=3\n[[a]]\nb=3'), '{:a ({:b 1 :c ({:d 2}) :e {:f 3}} {:b 3})}');
  assert.equal(decoded('[ a . "b c" ]\n\'d\' = 1'), '{:a {:b c {:d 1}}}');
  assert.equal(decoded('p = { x = 1, y = { z = [1, 2.5, "s", [true]] } }\nq = []\nr = [ 1,\n 2, # c\n ]'), '{:p {:x 1 :y {:z (1 2.5 "s" (#t))}} :q () :r (1 2)}');
  assert.equal(decoded('a = { c.d = 1, c.e = 2 }'), '{:a {:c {:d 1 :e 2}}}');
  assert.equal(decoded('\ufeff# comment\r\na = 1 # trailing\r\n'), '{:a 1}');
  assert.equal(decoded(''), '{}');
});

test('integers, floats and booleans', () => {
  assert.equal(
    decoded('a = 1_000\nb = 0xDEAD_beef\nc = 0o755\nd = 0b1101\ne = +5\nf = -0\ng = 1e3\nh = -1.5E3\ni = 224_617.445_991\nj = true\nk = false'),
    '{:a 1000 :b 3735928559 :c 493 :d 13 :e 5 :f 0 :g 1000.0 :h -1500.0 :i 224617.445991 :j #t :k #f}',
  );
  assert.equal(decoded('a = inf\nb = -inf\nc = +nan\nd = -0.0\ne = 0.1e-2'), '{:a inf :b -inf :c NaN :d -0.0 :e 0.001}');
});

test('all four string kinds with escapes and line-ending backslashes', () => {
  assert.equal(decoded('s = "a\\tb\\u00e9\\U0001F600\\\\\\"\\e\\x41"'), '{:s "a\\tbé😀\\\\\\"\\u{1b}A"}'.replace('\\u{1b}', '\x1b'));
  assert.equal(decoded("s = 'C:\\path'"), '{:s "C:\\\\path"}');
  assert.equal(decoded('s = """\nline1\nline2\\\n    cont"""'), '{:s "line1\\nline2cont"}');
  assert.equal(decoded("s = '''\nraw\\n\nx'''"), '{:s "raw\\\\n\\nx"}');
  assert.equal(decoded('s = """a""b"""""'), '{:s "a\\"\\"b\\"\\""}');
  // Line breaks inside multi-line strings are kept as written.
  assert.equal(decoded('s = """\r\nx\r\ny"""'), '{:s "x\\r\\ny"}');
});

test('date-times are normalised strings', () => {
  assert.equal(
    decoded('a = 1979-05-27 07:32:00z\nb = 1979-05-27T00:32:00.999999-07:00\nc = 1979-05-27T07:32:00\nd = 1979-05-27\ne = 07:32:00.500\nf = 07:32\ng = 1979-05-27T07:32:00.123456789123Z'),
    '{:a "1979-05-27T07:32:00Z" :b "1979-05-27T00:32:00.999999-07:00" :c "1979-05-27T07:32:00" :d "1979-05-27" :e "07:32:00.5" :f "07:32" :g "1979-05-27T07:32:00.123456789Z"}',
  );
});

test('bad documents name the line and column and show the line', () => {
  assert.equal(
    decodeError('invalid = '),
    'toml/decode: parse error: TOML parse error at line 1, column 11\n  |\n1 | invalid = \n  |           ^\nstring values must be quoted, expected literal string\n',
  );
  assert.match(decodeError('abc = 1\nabc = 2'), /line 2, column 1\n  \|\n2 \| abc = 2\n  \| \^\^\^\nduplicate key/);
  assert.match(decodeError('[a]\n[a]'), /line 2, column 2[\s\S]*duplicate key/);
  assert.match(decodeError('[[a]]\n[a]'), /duplicate key/);
  assert.match(decodeError('a = []\n[[a]]'), /duplicate key/);
  assert.match(decodeError('a.b = 1\na.b.c = 2'), /line 2, column 3[\s\S]*cannot extend value of type integer with a dotted key/);
  assert.match(decodeError('a = { b = 1 }\na.c = 2'), /cannot extend value of type inline table with a dotted key/);
  assert.match(decodeError('a = "unterminated'), /column 18[\s\S]*invalid basic string, expected `"`/);
  assert.match(decodeError("a = '''abc"), /invalid multi-line literal string, expected `'`/);
  assert.match(decodeError('a = "x\\q"'), /column 8[\s\S]*missing escaped value/);
  assert.match(decodeError('a = "\\u12"'), /too few unicode value digits/);
  assert.match(decodeError('a = 01'), /unexpected leading zero/);
  assert.match(decodeError('a = 1__0'), /column 6[\s\S]*`_` may only go between digits/);
  assert.match(decodeError('a = 1.'), /invalid fraction, expected digits/);
  assert.match(decodeError('a = 1e'), /invalid exponent, expected digits/);
  assert.match(decodeError('a = -0x1'), /integers with a radix cannot be signed/);
  assert.match(decodeError('a = 0b102'), /column 9[\s\S]*invalid binary number/);
  assert.match(decodeError('a = 9223372036854775808'), /\^{19}\nu64 value was too large/);
  assert.match(decodeError('a = tru'), /invalid boolean, expected `true`/);
  assert.match(decodeError('a = 2024-13-01'), /invalid date, expected month between 01 and 12/);
  assert.match(decodeError('a = 2023-02-29'), /invalid date, expected day between 01 and 28/);
  assert.match(decodeError('a = 25:00:00'), /invalid time, expected hour between 00 and 23/);
  assert.match(decodeError('a = 1979-05-27T07:32:00+25:00'), /invalid offset, expected hours between 00 and 23/);
  assert.match(decodeError('a = 1 b = 2'), /unexpected key or value, expected newline, `#`/);
  assert.match(decodeError('[a\nb = 1'), /unclosed table, expected `\]`/);
  assert.match(decodeError('[[a]\nb = 1'), /unclosed array table, expected `\]`/);
  assert.match(decodeError('= 1'), /unquoted keys cannot be empty/);
  assert.match(decodeError('a = {b = 1 c = 2}'), /extra assignment between key-value pairs, expected `,`/);
  assert.match(decodeError('a = 1\rb = 2'), /carriage return must be followed by newline/);
  assert.match(decodeError('a = "\u0001"'), /invalid basic string/);
  assert.match(decodeError('a = {b=1}\n[a.c]'), /line 2, column 2[\s\S]*cannot extend value of type inline table with a dotted key/);
  assert.match(decodeError('"""a""" = 1'), /\^{7}\nkeys cannot be multi-line basic strings/);
  assert.match(decodeError('y = [,]'), /extra comma in array, expected value/);
  assert.match(decodeError('a = 07:32:00Z'), /invalid datetime/);
  assert.match(decodeError('a = 1 # ok\n# \u0001'), /line 2, column 3[\s\S]*invalid comment character/);
  assert.match(decodeError('\n\n\n\n\n\n\n\n\nkey = value'), /at line 10, column 7\n   \|\n10 \| key = value\n   \|       \^{5}\n/);
});

test('hostile TOML: deep nesting, long dotted keys and garbage fail cleanly', () => {
  assert.match(decodeError('a = ' + '['.repeat(100_000)), /column 85[\s\S]*cannot recurse further; max recursion depth met/);
  assert.match(decodeError('a = ' + '{b='.repeat(1000)), /cannot recurse further/);
  assert.equal(decodeError(Array(100_000).fill('a').join('.') + ' = 1'), 'toml/decode: parse error: recursion limit');
  assert.equal(decodeError('[' + Array(81).fill('a').join('.') + ']'), 'toml/decode: parse error: recursion limit');
  assert.match(decoded(Array(80).fill('a').join('.') + ' = 1'), /^\{:a \{:a/);
  assert.match(decodeError('\u0000\u0001garbage = = ]]'), /unquoted keys cannot be empty/);
  assert.match(decodeError('a = "' + 'x'.repeat(1_000_000)), /invalid basic string, expected `"`/);
  assert.match(decodeError('a = [1, 2'), /unclosed array, expected `\]`/);
  assert.match(decodeError('a = {'), /unquoted keys cannot be empty/);
});

test('toml/encode lays out tables as the reference does', () => {
  checkAll([
    ['(toml/encode {:package {:name "my-app" :version "1.0.0"}})', '"[package]\\nname = \\"my-app\\"\\nversion = \\"1.0.0\\"\\n"'],
    ['(toml/encode {:database {:host "localhost" :port 5432 :credentials {:user "admin" :password "secret"}}})', '"[database]\\nhost = \\"localhost\\"\\nport = 5432\\n\\n[database.credentials]\\npassword = \\"secret\\"\\nuser = \\"admin\\"\\n"'],
    ['(toml/encode {:arr [{:a 1} {:a 2 :sub {:z 1}}] :top 1})', '"top = 1\\n\\n[[arr]]\\na = 1\\n\\n[[arr]]\\na = 2\\n\\n[arr.sub]\\nz = 1\\n"'],
    ['(toml/encode {:a {:b {:c {:d 1}}}})', '"[a.b.c]\\nd = 1\\n"'],
    ['(toml/encode {:t {} :u 1})', '"u = 1\\n\\n[t]\\n"'],
    ['(toml/encode {:a [{:x {:y [{:z 1}]}}]})', '"[[a]]\\n\\n[[a.x.y]]\\nz = 1\\n"'],
    ['(toml/encode {:a [{:x 1} {}]})', '"[[a]]\\nx = 1\\n\\n[[a]]\\n"'],
    ['(toml/encode {:v [1 [2 3] "x" {:a [1 {:b 2}]}] :e [] :n [[]]})', '"e = []\\nn = [[]]\\nv = [1, [2, 3], \\"x\\", { a = [1, { b = 2 }] }]\\n"'],
    ['(toml/encode {"string key" 1 :a-b 2 "a.b" 3 "" 4 "é" 6})', '"\\"\\" = 4\\na-b = 2\\n\\"a.b\\" = 3\\n\\"string key\\" = 1\\n\\"é\\" = 6\\n"'],
    ['(toml/encode (hash-map :b 1 :a 2))', '"a = 2\\nb = 1\\n"'],
    ['(toml/encode {})', '""'],
  ]);
});

test('toml/encode writes floats without exponents, like Rust', () => {
  checkAll([
    ['(toml/encode {:a 1.5 :b 3.0 :c -0.0 :d 1e20 :e 1e-7 :f 0.1})', '"a = 1.5\\nb = 3.0\\nc = -0.0\\nd = 100000000000000000000.0\\ne = 0.0000001\\nf = 0.1\\n"'],
    ['(toml/encode {:i math/infinity :j (- math/infinity) :n math/nan})', '"i = inf\\nj = -inf\\nn = nan\\n"'],
  ]);
});

test('strings take the first form that needs no escapes', () => {
  const cases: [string, string][] = [
    ['plain', '"plain"'],
    ["it's", `"it's"`],
    ['a\\b', "'a\\b'"],
    ['a"b', `'a"b'`],
    ["a'b\\c", "'''a'b\\c'''"],
    ["x'''y\\", '"x\'\'\'y\\\\"'],
    ['tab\there', '"tab\\there"'],
    ['a\t\\', "'a\t\\'"],
    ['two\nlines', '"""\ntwo\nlines"""'],
    ['a"b\nc', '"""\na"b\nc"""'],
    ['a\\b\nc', "'''\na\\b\nc'''"],
    ['a"""b\nc', "'''\na\"\"\"b\nc'''"],
    [`"'`, `""""'"""`],
    ['a\rb', '"a\\rb"'],
    ['\u007f\u001b\b\f', '"\\u007F\\u001B\\b\\f"'],
    ['\\\n\u0001', '"""\n\\\\\n\\u0001"""'],
  ];
  for (const [value, repr] of cases) assert.equal(stringRepr(value), repr, JSON.stringify(value));
});

test('toml/encode round-trips through toml/decode', () => {
  const s = new Session();
  // Vectors come back as lists: TOML arrays decode to lists.
  const v = '{:a {:b (1 2) :c "x\\"y\\\\z\\nw" :d {:e 1.5}} :f ({:g #t} {:g #f}) :h "it\'s"}';
  assert.equal(s.interp.print(s.run(`(toml/decode (toml/encode '${v}))`)), v);
});

test('toml/encode errors', () => {
  checkError('(toml/encode "hello")', 'eval', 'toml/encode: top-level value must be a map');
  checkError('(toml/encode [1])', 'eval', 'toml/encode: top-level value must be a map');
  checkError('(toml/encode {:key nil})', 'eval', 'toml/encode: cannot encode nil');
  checkError('(toml/encode {:t [1 nil]})', 'eval', 'toml/encode: cannot encode nil');
  checkError('(toml/encode {:callback println})', 'eval', 'toml/encode: cannot encode native-fn');
  checkError('(toml/encode {:c #\\a})', 'eval', 'toml/encode: cannot encode char');
  checkError('(toml/decode 5)', 'type-error', 'expected string, got int');
});
