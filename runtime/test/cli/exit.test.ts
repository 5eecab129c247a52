import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const SEMA = resolve(__dirname, '../../../bin/sema.js');

function sema(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SEMA, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('(exit code) ends the program with that status, even inside try', () => {
  assert.deepEqual(sema(['-e', '(display "x") (exit 3) (display "never")']), { code: 3, stdout: 'x', stderr: '' });
  assert.deepEqual(sema(['-e', '(try (exit 4) (catch e (display "caught")))']), { code: 4, stdout: '', stderr: '' });
  assert.equal(sema(['-e', '(exit)']).code, 0);
  const json = sema(['eval', '--json', '--expr', '(println "a") (exit 2)']);
  assert.equal(json.code, 2);
  assert.deepEqual(JSON.parse(json.stdout).stdout, 'a\n');
});

test('(exit) leaves the REPL', () => {
  const r = sema(['--quiet'], '(println 1)\n(exit 5)\n(println 2)\n');
  assert.equal(r.code, 5);
  assert.ok(!r.stdout.includes('2\n'), r.stdout);
});
