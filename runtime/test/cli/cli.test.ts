import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SEMA = resolve(__dirname, '../../../bin/sema.js');

function sema(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SEMA, ...args], { input: input ?? '', encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'sema-cli-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

test('-e prints a non-nil result, -p always prints', () => {
  assert.deepEqual(sema(['-e', '(+ 1 2)']), { code: 0, stdout: '3\n', stderr: '' });
  assert.equal(sema(['-e', 'nil']).stdout, '');
  assert.equal(sema(['-p', 'nil']).stdout, 'nil\n');
  assert.equal(sema(['-e', '(* 3.0 2)']).stdout, '6.0\n');
  assert.equal(sema(['-e', '{:b "x" :a [1 2]}']).stdout, '{:a [1 2] :b "x"}\n');
});

test('running a file streams output and passes script arguments', () => {
  const p = file('hello.sema', '(println "hello")\n(println (sys/args))\n');
  const r = sema([p, '--', 'a', 'b']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^hello\n/);
});

test('errors name file:line:col, exit 1, and show no JS stack', () => {
  const p = file('broken.sema', '(define x 1)\n(println (+ x undefined-name))\n');
  const r = sema([p]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^Error: Unbound variable: undefined-name/);
  assert.ok(r.stderr.includes(`${p}:2:15`), r.stderr);
  assert.doesNotMatch(r.stderr, /\bat .*\.js:\d+/);
  const parse = sema(['-e', '(+ 1 2']);
  assert.equal(parse.code, 1);
  assert.match(parse.stderr, /unterminated list/);
  assert.match(parse.stderr, /<input>:1:1/);
});

test('a missing file is a clear error', () => {
  const r = sema([join(dir, 'nope.sema')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cannot read file .*nope\.sema: no such file/);
});

test('eval --json prints one envelope', () => {
  const ok = sema(['eval', '--expr', '(define pi 3.14) (define (area r) (* pi r r)) (area 10)', '--json']);
  const env = JSON.parse(ok.stdout);
  assert.equal(env.ok, true);
  assert.equal(env.value, '314.0');
  assert.equal(env.error, null);
  assert.equal(typeof env.elapsedMs, 'number');
  const out = JSON.parse(sema(['eval', '--stdin', '--json'], '(println "hi") 42').stdout);
  assert.equal(out.stdout, 'hi\n');
  assert.equal(out.value, '42');
  const nil = JSON.parse(sema(['eval', '--expr', 'nil', '--json']).stdout);
  assert.equal(nil.value, null);
  const bad = sema(['eval', '--expr', '(car 1 2 3)\n', '--json']);
  const e = JSON.parse(bad.stdout);
  assert.equal(e.ok, false);
  assert.match(e.error.message, /car/);
  assert.equal(e.error.line, 1);
  assert.equal(e.error.col, 1);
});

test('eval --timeout stops a runaway loop', () => {
  const r = sema(['eval', '--expr', '(let loop () (loop))', '--json', '--timeout', '300']);
  const env = JSON.parse(r.stdout);
  assert.equal(env.ok, false);
  assert.match(env.error.message, /timed out after 300 ms/);
});

test('deep recursion works, runaway recursion is a clear error', () => {
  assert.equal(sema(['-e', '(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1))))) (count 50000)']).stdout, '50000\n');
  const r = sema(['-e', '(define (f n) (+ 1 (f n))) (f 1)']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /stack depth exceeded/);
});

test('the REPL reads multi-line forms until complete and quits on :quit', () => {
  const r = sema(['-q'], '(define (sq x)\n  (* x x))\n(sq 12)\n:quit\n');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /144/);
  const err = sema(['-q'], '(car 5)\n(+ 1 1)\n');
  assert.match(err.stderr, /Error:/);
  assert.match(err.stdout, /2/);
});

test('--help and --version', () => {
  assert.match(sema(['--help']).stdout, /Usage:/);
  assert.match(sema(['--version']).stdout, /^sema \d+\.\d+\.\d+/);
  const bad = sema(['--bogus']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown option/);
});
