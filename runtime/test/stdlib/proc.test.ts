// proc/*: real child processes (sh, cat, sleep) driven through their handles.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { Interpreter } from '../../src/eval/interpreter';
import { SemaError } from '../../src/eval/errors';
import { printValue } from '../../src/reader/printer';
import { check, checkError, evalText } from './harness';

test('output, stderr and the exit code of a finished child', () => {
  evalText('(define p (proc/spawn ["sh" "-c" "printf hello; printf oops 1>&2; exit 3"]))');
  check([
    ['(proc/wait p)', '3'],
    ['(proc/read-stdout p)', '"hello"'],
    ['(proc/read-stderr p)', '"oops"'],
    ['(proc/read-stdout p)', '""'],
    ['(proc/exit-code p)', '3'],
    ['(proc/running? p)', '#f'],
    ['(proc/wait p)', '3'],
    ['(proc/close p)', 'nil'],
  ]);
});

test('stdin round trip through cat, and writes after close-stdin fail', () => {
  evalText('(define c (proc/spawn (list "cat")))');
  check([
    ['(proc/write-stdin c "ping\\n")', 'nil'],
    ['(proc/write-stdin c "pong\\n")', 'nil'],
    ['(proc/close-stdin c)', 'nil'],
    ['(proc/wait c)', '0'],
    ['(proc/read-stdout c)', '"ping\\npong\\n"'],
  ]);
  checkError('(proc/write-stdin c "more")', 'proc/write-stdin: stdin already closed');
  evalText('(proc/close c)');
});

test('output arrives while the child still runs; reads never block', () => {
  evalText('(define s (proc/spawn ["sh" "-c" "echo first; read x; echo $x"]))');
  check([['(proc/read-stderr s)', '""']]);
  assert.equal(printValue(evalText('(let loop () (let ((o (proc/read-stdout s))) (if (= o "") (begin (sleep 10) (loop)) o)))')), '"first\\n"');
  check([
    ['(proc/running? s)', '#t'],
    ['(proc/exit-code s)', 'nil'],
    ['(begin (proc/write-stdin s "second\\n") (proc/wait s))', '0'],
    ['(proc/read-stdout s)', '"second\\n"'],
  ]);
  evalText('(proc/close s)');
});

test('kill ends a sleeping child with -1; closed handles are clear errors', () => {
  evalText('(define k (proc/spawn ["sleep" "30"]))');
  check([
    ['(proc/running? k)', '#t'],
    ['(proc/kill k)', 'nil'],
    ['(proc/wait k)', '-1'],
    ['(proc/running? k)', '#f'],
    ['(proc/kill k)', 'nil'],
    ['(proc/close k)', 'nil'],
    ['(proc/close k)', 'nil'],
  ]);
  for (const f of ['read-stdout', 'read-stderr', 'close-stdin', 'wait', 'exit-code', 'running?', 'kill']) {
    checkError(`(proc/${f} k)`, `proc/${f}: no such handle`);
  }
  checkError('(proc/write-stdin k "x")', 'proc/write-stdin: no such handle');
});

test(':cwd and :env options', () => {
  evalText('(define e (proc/spawn ["sh" "-c" "echo $SEMA_PROC_TEST; pwd"] {:cwd "/" :env {"SEMA_PROC_TEST" "yes"}}))');
  check([
    ['(proc/wait e)', '0'],
    ['(proc/read-stdout e)', '"yes\\n/\\n"'],
  ]);
  checkError('(proc/spawn ["true"] {:cwd "/no/such/dir"})', 'proc/spawn true: No such file or directory');
});

test('bad arguments are Sema errors', () => {
  checkError('(proc/spawn "ls")', 'proc/spawn: expected list of strings (argv), got string');
  checkError('(proc/spawn [])', 'proc/spawn: argv must be non-empty');
  checkError('(proc/spawn ["echo" 1])', 'proc/spawn: expected string, got int');
  checkError('(proc/spawn ["no-such-program-xyz"])', 'proc/spawn no-such-program-xyz: No such file or directory (os error 2)');
  checkError('(proc/spawn ["true"] 5)', 'proc/spawn: expected map (options), got int');
  checkError('(proc/spawn ["true"] {:env {"A" 1}})', 'expected string value, got int');
  checkError('(proc/read-stdout "x")', 'proc/read-stdout: expected integer (proc handle), got string');
  checkError('(proc/write-stdin 1 2)', 'proc/write-stdin: expected string, got int');
  checkError('(proc/read-stdout 424242)', 'proc/read-stdout: no such handle 424242');
});

test('event/select reports a proc handle with output or exited', () => {
  evalText('(define ev (proc/spawn ["sh" "-c" "printf x"]))');
  const fired = printValue(evalText('(event/select (list {:type :proc :handle ev}) 5000)'));
  assert.match(fired, /:exited\? #[tf]/);
  assert.match(fired, /:type :proc/);
  evalText('(proc/wait ev) (proc/close ev)');
});

test('proc/wait is stopped by the interrupt flag, and the child can still be killed', async () => {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const interp = new Interpreter({ stdout: () => {}, stderr: () => {}, interruptFlag: flag });
  interp.evalString('(define w (proc/spawn ["sleep" "30"]))');
  const setter = new Worker(
    'const { workerData } = require("node:worker_threads"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200); Atomics.store(workerData, 0, 1);',
    { eval: true, workerData: flag },
  );
  await new Promise((resolve) => setter.once('online', resolve));
  const started = Date.now();
  assert.throws(() => interp.evalString('(proc/wait w)'), (e: unknown) => e instanceof SemaError && e.type === 'interrupted');
  assert.ok(Date.now() - started < 5000);
  await setter.terminate();
  Atomics.store(flag, 0, 0);
  assert.equal(printValue(interp.evalString('(proc/running? w)')), '#t');
  assert.equal(printValue(interp.evalString('(begin (proc/kill w) (proc/wait w))')), '-1');
});

test('children do not outlive the evaluating thread', () => {
  // A separate process whose evaluation leaves a child running and then exits.
  const script = `
    const { Interpreter } = require(${JSON.stringify(require.resolve('../../src/eval/interpreter'))});
    const it = new Interpreter({ stdout: () => {}, stderr: () => {} });
    it.evalString('(define p (proc/spawn ["sleep" "37.5"]))');
    process.stdout.write(String(it.evalString('(proc/running? p)')));
    process.exit(0);`;
  assert.equal(execFileSync(process.execPath, ['-e', script]).toString(), 'true');
  let left = '';
  for (let i = 0; i < 50; i++) {
    left = execFileSync('ps', ['-eo', 'stat=,args=']).toString().split('\n').filter((l) => l.includes('sleep 37.5') && !l.startsWith('Z')).join('\n');
    if (left === '') break;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  assert.equal(left, '');
});

test('the sandbox gates proc/* behind the process capability', () => {
  const it = new Interpreter({ sandbox: { denied: ['process'] }, stdout: () => {}, stderr: () => {} });
  assert.throws(() => it.evalString('(proc/spawn ["true"])'), /Permission denied: proc\/spawn requires 'process' capability/);
  assert.throws(() => it.evalString('(proc/read-stdout 1)'), /Permission denied: proc\/read-stdout requires 'process' capability/);
});

test('a character split across two writes is decoded whole', () => {
  evalText('(define u (proc/spawn ["sh" "-c" "printf \'\\\\303\'; sleep 0.1; printf \'\\\\251\'"]))');
  check([
    ['(begin (sleep 50) (proc/read-stdout u))', '""'],
    ['(proc/wait u)', '0'],
    ['(proc/read-stdout u)', '"é"'],
  ]);
  evalText('(proc/close u)');
});
