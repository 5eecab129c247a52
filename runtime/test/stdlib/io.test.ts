import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAll, checkError, Session, stdinFrom } from './text-harness';


test('display, print, println, newline and pprint write to the interpreter', () => {
  const s = new Session();
  s.run('(display "no newline") (display 42) (newline)');
  s.run('(println "with newline" 42 "x") (print "hello" #\\a 1.5) (display #\\a \'("q"))');
  assert.equal(s.out, 'no newline42\nwith newline 42 x\n"hello" #\\a 1.5#\\a ("q")');
  s.out = '';
  s.run('(io/print-error "warn") (io/println-error "e" 1)');
  assert.equal(s.out, '');
  assert.equal(s.err, 'warne 1\n');
  s.run('(pprint \'(1 2 3))');
  assert.equal(s.out, '(1 2 3)\n');
  s.out = '';
  s.run('(pprint {:name "a very long name that keeps going" :items [1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20]})');
  assert.equal(s.out, '{:items [1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20]\n :name "a very long name that keeps going"}\n');
});

test('read and read-many parse text into values', () => {
  checkAll([
    ['(read "(+ 1 2)")', '(+ 1 2)'],
    ['(read "42 43")', '42'],
    ['(read "")', 'nil'],
    ['(read "{:a [1 \\"x\\"]}")', '{:a [1 "x"]}'],
    ['(io/read-many "1 :k (a b)")', '(1 :k (a b))'],
  ]);
  checkError('(read "(1 2")', 'reader', 'at 1:1');
  checkError('(read 5)', 'type-error', 'expected string, got int');
});

test('stdin: lines, EOF and the rest of input', () => {
  stdinFrom(Buffer.from('first\r\nsecond\n\nlast'));
  checkAll([
    ['(io/read-line)', '"first"'],
    ['(io/eof?)', '#f'],
    ['(io/read-line)', '"second"'],
    ['(io/read-line)', '""'],
    ['(io/read-line)', '"last"'],
    ['(io/read-line)', 'nil'],
    ['(io/eof?)', '#t'],
  ]);
  stdinFrom(Buffer.from('all of it\nand more'));
  checkAll([['(io/read-stdin)', '"all of it\\nand more"']]);
});
