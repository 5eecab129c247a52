// pty/*: children on a pseudo-terminal (util-linux `script` here), driven by handle.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkError, evalText } from './harness';
import { executable } from '../../src/stdlib/executable';

const supported = process.platform === 'linux' && executable('script', { PATH: process.env.PATH ?? '' }, undefined) !== undefined;

test('the child sees a terminal of the requested size', { skip: !supported && 'no util-linux script here' }, () => {
  evalText('(define t (pty/spawn ["sh" "-c" "test -t 1 && printf TTY || printf NOTTY; stty size"] {:rows 40 :cols 120}))');
  check([['(pty/wait t)', '0']]);
  assert.match(String(evalText('(pty/read t)')), /^TTY40 120\r?\n$/);
  check([['(pty/read t)', '""'], ['(pty/exit-code t)', '0'], ['(pty/close t)', 'nil']]);
});

test('typing into an interactive shell, its exit code, kill', { skip: !supported && 'no util-linux script here' }, () => {
  evalText('(define b (pty/spawn ["sh"]))');
  check([['(pty/running? b)', '#t'], ['(pty/write b "echo hi-$((1+2)); exit 4\\n")', 'nil'], ['(pty/wait b)', '4']]);
  assert.match(String(evalText('(pty/read b)')), /hi-3/);
  checkError('(pty/resize b 50 200)', 'pty/resize: not supported on this system');
  checkError('(proc/read-stdout b)', 'proc/read-stdout: no such handle');
  evalText('(pty/close b)');
  checkError('(pty/read b)', 'pty/read: no such handle');
  evalText('(define k (pty/spawn ["sleep" "30"]))');
  check([['(begin (pty/kill k) (pty/wait k))', '-1'], ['(pty/running? k)', '#f']]);
  evalText('(pty/close k)');
});

test('pty bad arguments are Sema errors', () => {
  checkError('(pty/spawn "sh")', 'pty/spawn: expected list of strings (argv), got string');
  checkError('(pty/spawn [])', 'pty/spawn: argv must be non-empty');
  checkError('(pty/read "x")', 'pty/read: expected integer (pty handle), got string');
  checkError('(pty/write 1 2)', 'pty/write: expected string, got int');
  checkError('(pty/resize 1 "a" 2)', 'pty/resize: expected integer, got string');
  checkError('(pty/wait 424242)', 'pty/wait: no such handle 424242');
  if (supported) {
    checkError('(pty/spawn ["no-such-program-xyz"])', 'pty/spawn no-such-program-xyz: No such file or directory');
    checkError('(pty/spawn ["sh"] {:rows "x"})', 'pty/spawn :rows: expected integer, got string');
  }
});
