import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../src/stdlib/csv';
import { checkAll, checkError, Session } from './text-harness';

test('csv/parse reads quoted fields, doubled quotes and line breaks inside quotes', () => {
  checkAll([
    ['(csv/parse "a,b\\n1,2\\n3,4")', '(("a" "b") ("1" "2") ("3" "4"))'],
    ['(csv/parse "name,bio\\n\\"Ada\\",\\"Mathematician, writer\\"\\n")', '(("name" "bio") ("Ada" "Mathematician, writer"))'],
    ['(csv/parse "\\"a\\"\\"b\\",\\"x\\ny\\"")', '(("a\\"b" "x\\ny"))'],
    ['(csv/parse ",,\\n")', '(("" "" ""))'],
    ['(csv/parse " a , b ")', '((" a " " b "))'],
  ]);
});

test('csv/parse ends records at \\n, \\r\\n or \\r and skips blank lines', () => {
  assert.deepEqual(parseCsv('a,b\r\n1,2\r\n'), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(parseCsv('a,b\r1,2'), [['a', 'b'], ['1', '2']]);
  assert.deepEqual(parseCsv('a\n\n\r\n\nb'), [['a'], ['b']]);
  assert.deepEqual(parseCsv('"a\r\nb",c\r\n'), [['a\r\nb', 'c']]);
  assert.deepEqual(parseCsv(''), []);
  assert.deepEqual(parseCsv('\n\n'), []);
  assert.deepEqual(parseCsv('\ufeffa,b'), [['a', 'b']]);
});

test('csv/parse is lenient about stray quotes the way the reference is', () => {
  // A quote opens a quoted field only at its start; text after a closing quote is kept.
  assert.deepEqual(parseCsv('a,x"b"x,c'), [['a', 'x"b"x', 'c']]);
  assert.deepEqual(parseCsv('a,"b"x,c'), [['a', 'bx', 'c']]);
  assert.deepEqual(parseCsv('"a" ,b'), [['a ', 'b']]);
  // An unterminated quote runs to the end of the text.
  assert.deepEqual(parseCsv('x,"abc\ndef'), [['x', 'abc\ndef']]);
  assert.deepEqual(parseCsv('"'), [['']]);
});

test('rows of different lengths fail with the record, line and byte where the row starts', () => {
  checkError('(csv/parse "a,b\\n1,2,3")', 'eval', 'csv/parse: parse error: CSV error: record 1 (line: 2, byte: 4): found record with 3 fields, but the previous record has 2 fields');
  checkError('(csv/parse "a,b\\n1,2\\n\\n1,2\\n1,2,3")', 'eval', 'record 3 (line: 5, byte: 13)');
  checkError('(csv/parse "a\\r\\n\\"b\\r\\nc\\"\\r\\n1,2")', 'eval', 'record 2 (line: 3, byte: 10)');
  // Byte offsets count UTF-8 bytes, as the reference's do.
  checkError('(csv/parse "é,b\\n1,2,3")', 'eval', 'record 1 (line: 2, byte: 5)');
  checkError('(csv/parse-maps "a,b\\n1")', 'eval', 'csv/parse-maps: parse error: CSV error: record 1 (line: 2, byte: 4): found record with 1 fields');
});

test('csv/parse-maps keys rows by the header row', () => {
  checkAll([
    ['(csv/parse-maps "name,age\\nAda,36\\nBob,25")', '({:age "36" :name "Ada"} {:age "25" :name "Bob"})'],
    ['(:name (first (csv/parse-maps "name,age\\nAda,36")))', '"Ada"'],
    ['(csv/parse-maps "")', '()'],
    ['(csv/parse-maps "a,b")', '()'],
    ['(csv/parse-maps "a,a\\n1,2")', '({:a "2"})'],
    ['(csv/parse-maps "a,b\\n\\"x\\ny\\",2\\n")', '({:a "x\\ny" :b "2"})'],
  ]);
});

test('csv/encode quotes only what needs quoting and prints non-strings', () => {
  checkAll([
    ["(csv/encode '((\"a\" \"b\") (\"1\" \"2\")))", '"a,b\\n1,2\\n"'],
    ["(csv/encode '((\"name\" \"score\") (\"Ada\" 100)))", '"name,score\\nAda,100\\n"'],
    ["(csv/encode '((\"a,b\" \"c\\\"d\" \"e\\nf\" \" g\" \"\")))", '"\\"a,b\\",\\"c\\"\\"d\\",\\"e\\nf\\", g,\\n"'],
    ['(csv/encode (list [1.5 :k \'sym nil #t #\\a]))', '"1.5,:k,sym,nil,#t,#\\\\a\\n"'],
    ["(csv/encode '(()))", '"\\"\\"\\n"'],
    ["(csv/encode '((\"\") (\"a\")))", '"\\"\\"\\na\\n"'],
    ["(csv/encode '())", '""'],
    ["(csv/encode '((\"a\\rb\" \"x\\ty\")))", '"\\"a\\rb\\",x\\ty\\n"'],
  ]);
});

test('csv/encode round-trips what csv/parse reads', () => {
  const s = new Session();
  const text = 'name,note\nAda,"says ""hi"", twice"\nBob,"two\nlines"\n';
  s.define('text', text);
  assert.equal(s.run('(csv/encode (csv/parse text))'), text);
});

test('csv/encode rejects bad shapes with clear errors', () => {
  checkError("(csv/encode '((\"a\") (\"b\" \"c\")))", 'eval', 'csv/encode: CSV error: found record with 2 fields, but the previous record has 1 fields');
  checkError('(csv/encode [["a"]])', 'type-error', 'expected list, got vector');
  checkError("(csv/encode '((1) 2))", 'type-error', 'expected list, got int');
  checkError('(csv/encode "a")', 'type-error', 'expected list, got string');
});

test('csv/parse type-checks its argument', () => {
  checkError('(csv/parse 1)', 'type-error', 'expected string, got int');
  checkError('(csv/parse-maps nil)', 'type-error', 'expected string, got nil');
  checkError('(csv/parse "a" "b")', 'arity', 'csv/parse');
});

test('hostile CSV: binary garbage and a large unterminated quote finish with data, not a hang', () => {
  assert.deepEqual(parseCsv('\u0000,\u0001\n\u0002,\u0003'), [['\u0000', '\u0001'], ['\u0002', '\u0003']]);
  const big = '"' + 'x,\n'.repeat(100_000);
  const rows = parseCsv(big);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]![0]!.length, 300_000);
});
