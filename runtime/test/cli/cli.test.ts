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

test('--sandbox denies capabilities: denied builtins fail with the reference message, the rest work', () => {
  const denied = sema(['--sandbox=strict', '-e', '(file/write "/tmp/sema-sandbox-test.txt" "x")']);
  assert.equal(denied.code, 1);
  assert.match(denied.stderr, /Permission denied: file\/write requires 'fs-write' capability/);
  assert.equal(sema(['--sandbox', 'no-shell,no-network', '-e', '(+ 1 2)']).stdout, '3\n');
  assert.match(sema(['--sandbox', 'no-network', '-e', '(http/get "http://127.0.0.1:9")']).stderr, /requires 'network' capability/);
  assert.match(sema(['--sandbox=all', '-e', '(env "HOME")']).stderr, /requires 'env-read' capability/);
  const caught = sema(['--sandbox=process', '-p', '(try (exit 3) (catch e (list (:type e) (:capability e))))']);
  assert.equal(caught.stdout, '(:permission-denied "process")\n');
  const bad = sema(['--sandbox=no-teleport', '-e', '1']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown capability: teleport/);
  const json = JSON.parse(sema(['eval', '--expr', '(shell "ls")', '--json', '--sandbox', 'strict', '--no-llm']).stdout);
  assert.equal(json.ok, false);
  assert.match(json.error.message, /requires 'shell' capability/);
});

test('--allowed-paths keeps file builtins, load and import inside the given directories', () => {
  const inside = file('allowed.txt', 'hello');
  const loaded = file('allowed-lib.sema', '(define from-lib 7)');
  assert.equal(sema(['--allowed-paths', dir, '-p', `(file/read ${JSON.stringify(inside)})`]).stdout, '"hello"\n');
  assert.equal(sema([`--allowed-paths=${dir}`, '-p', `(begin (load ${JSON.stringify(loaded)}) from-lib)`]).stdout, '7\n');
  const escape = sema(['--allowed-paths', dir, '-e', `(file/read ${JSON.stringify(join(dir, '..', '..', 'etc', 'passwd'))})`]);
  assert.equal(escape.code, 1);
  assert.match(escape.stderr, /Permission denied: file\/read — path '\/etc\/passwd' is outside allowed directories/);
  assert.match(sema(['--allowed-paths', dir, '-e', '(load "/etc/hosts")']).stderr, /load — path '\/etc\/hosts' is outside/);
});

test('--no-llm configures no provider from the environment', () => {
  const r = spawnSync(process.execPath, [SEMA, '--no-llm', '-e', '(llm/complete "hi")'], { encoding: 'utf8', env: { ...process.env, ANTHROPIC_API_KEY: 'sk-test' } });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no LLM provider configured/);
});

test('REPL commands: ,type ,env ,doc ,time ,builtins, history variables, shadowing warning', () => {
  const home = mkdtempSync(join(tmpdir(), 'sema-home-'));
  const input = [
    '(define (sq x) "Squares." (* x x))',
    '(sq 12)',
    '*1',
    ',type 42',
    ',type "s"',
    ',env',
    ',doc sq',
    ',doc map',
    ',doc nothing-here',
    ',time (+ 1 2)',
    ',time (car 1)',
    '(car 5)',
    '*e',
    '(define map 1)',
    ',builtins',
    ',nope',
    ',q',
  ].join('\n');
  const r = spawnSync(process.execPath, [SEMA, '-q'], { input: input + '\n', encoding: 'utf8', env: { ...process.env, SEMA_HOME: home } });
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout;
  assert.match(out, /144\nsema> 144\n/);
  assert.match(out, /:int\n/);
  assert.match(out, /:string\n/);
  assert.match(out, / {2}sq = <lambda sq>\n/);
  assert.match(out, / {2}sq : lambda \(x\)\n {2}Squares\.\n/);
  assert.match(out, / {2}map : native-fn\n {2}\(map f list/);
  assert.match(r.stderr, /not found: nothing-here/);
  assert.match(out, /sema> 3\n/);
  assert.match(r.stderr, /elapsed: [\d.]+(µs|ms|s)\n/);
  assert.match(r.stderr, / {2}1 \| \(car 1\)/);
  assert.match(out, /"Type error: car: expected list or vector, got int"/);
  assert.match(r.stderr, /warning: redefining builtin 'map'/);
  assert.match(out, /\d+ builtin functions\n/);
  assert.doesNotMatch(out, /__nil\?/);
  assert.match(r.stderr, /Unknown command: ,nope/);
});

test('the tour (the main job) runs to the end', () => {
  const r = sema([resolve(__dirname, '../../../../test-workspace/tour.sema')]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /consumer got 42\nTour complete\.\n$/);
});

test('the reference subcommands this implementation lacks get a clear answer, not "cannot read file"', () => {
  const lsp = sema(['lsp']);
  assert.equal(lsp.code, 2);
  assert.match(lsp.stderr, /sema lsp is not available in this implementation: .*sema-language-server --stdio/);
  assert.match(sema(['compile', 'x.sema']).stderr, /sema compile is not available/);
});
