import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { absolutizeErrorPaths, formatLocation, parseErrorLocations } from '../src/run/error-location';

const cwd = path.resolve('/work/project');

test('finds file:line:col: message lines and resolves relative paths', () => {
  const stderr = 'some output\nsrc/main.sema:3:7: Unbound variable: foo\n  more context\n/abs/lib.sema:10:1: Type error: expected int, got string\n';
  assert.deepEqual(parseErrorLocations(stderr, cwd), [
    { file: path.join(cwd, 'src/main.sema'), line: 3, col: 7, message: 'Unbound variable: foo' },
    { file: '/abs/lib.sema', line: 10, col: 1, message: 'Type error: expected int, got string' },
  ]);
});

test('the CLI report: an Error: line, then an arrow line with the location', () => {
  const stderr = 'Error: Unbound variable: +\n  --> /w/basics.sema:11:2\n     |\n  11 | (+ 1 2)\n     |  ^\nError: Reader error: unterminated list\n  --> rel/u.sema:2:1\n  hint: add `)` to close it\n';
  assert.deepEqual(parseErrorLocations(stderr, cwd), [
    { file: '/w/basics.sema', line: 11, col: 2, message: 'Unbound variable: +' },
    { file: path.join(cwd, 'rel/u.sema'), line: 2, col: 1, message: 'Reader error: unterminated list' },
  ]);
});

test('prose with colons is not an error location', () => {
  assert.deepEqual(parseErrorLocations('note: the time is 10:30: late\n', cwd), []);
});

test('formatLocation gives the clickable file:line:col form', () => {
  assert.equal(formatLocation({ file: '/a/b.sema', line: 2, col: 5, message: 'm' }), '/a/b.sema:2:5');
});

test('relative error paths in output become absolute; absolute ones stay', () => {
  const text = 'x.sema:1:2: boom\n/abs/y.sema:3:4: bang\n  --> z.sema:5:6\nplain line\n';
  assert.equal(absolutizeErrorPaths(text, cwd), `${path.join(cwd, 'x.sema')}:1:2: boom\n/abs/y.sema:3:4: bang\n  --> ${path.join(cwd, 'z.sema')}:5:6\nplain line\n`);
});
