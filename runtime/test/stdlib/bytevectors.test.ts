import { test } from 'node:test';
import { checkAll, checkError } from './text-harness';

test('bytevector page examples', () => {
  checkAll([
    ['(bytevector 1 2 3)', '#u8(1 2 3)'],
    ['(bytevector)', '#u8()'],
    ['(bytevector/new 4)', '#u8(0 0 0 0)'],
    ['(bytevector/new 3 255)', '#u8(255 255 255)'],
    ['(bytevector/length #u8(1 2 3))', '3'],
    ['(bytevector/length #u8())', '0'],
    ['(bytevector/ref #u8(10 20 30) 1)', '20'],
    ['(bytevector/set! #u8(1 2 3) 0 9)', '#u8(9 2 3)'],
    ['(define b #u8(1 2 3))', 'nil'],
    ['(bytevector-u8-set! b 1 7)', '#u8(1 7 3)'],
    ['b', '#u8(1 2 3)'],
    ['(bytevector/copy #u8(1 2 3 4 5) 1 3)', '#u8(2 3)'],
    ['(bytevector/copy #u8(1 2 3) 1)', '#u8(2 3)'],
    ['(bytevector/append #u8(1 2) #u8(3 4))', '#u8(1 2 3 4)'],
    ['(bytevector/to-list #u8(65 66))', '(65 66)'],
    ["(list/to-bytevector '(1 2 3))", '#u8(1 2 3)'],
    ['(utf8/to-string #u8(104 105))', '"hi"'],
    ['(string/to-utf8 "Hello")', '#u8(72 101 108 108 111)'],
    ['(string->bytevector "é")', '#u8(195 169)'],
  ]);
});

test('bytevector errors', () => {
  checkError('(bytevector 1 256)', 'eval', 'bytevector: byte value 256 at index 1 out of range 0..255');
  checkError('(bytevector/ref #u8(1) 1)', 'eval', 'bytevector-u8-ref: index 1 out of range for bytevector of length 1');
  checkError('(bytevector/copy #u8(1 2) 1 5)', 'eval', 'bytevector-copy: range 1..5 out of bounds for bytevector of length 2');
  checkError('(bytevector/new 2 300)', 'eval', 'make-bytevector: fill value 300 out of range 0..255');
  checkError('(utf8/to-string #u8(104 255))', 'eval', 'utf8->string: invalid UTF-8: invalid utf-8 sequence of 1 bytes from index 1');
  checkError('(utf8/to-string #u8(226 130))', 'eval', 'utf8->string: invalid UTF-8: incomplete utf-8 byte sequence from index 0');
  checkError('(utf8/to-string #u8(226 40 161))', 'eval', 'invalid utf-8 sequence of 1 bytes from index 0');
  checkError('(utf8/to-string #u8(240 159 152 40))', 'eval', 'invalid utf-8 sequence of 3 bytes from index 0');
  checkError('(bytevector/length "x")', 'type-error', 'expected bytevector, got string');
});
