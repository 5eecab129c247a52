// The sandbox (eval/sandbox.ts): parsing `--sandbox` values, and what a sandboxed
// interpreter lets through.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Interpreter } from '../../src/eval/interpreter';
import { parseAllowedPaths, parseSandboxMode, type SandboxSpec } from '../../src/eval/sandbox';
import { printValue } from '../../src/reader/printer';

function run(spec: SandboxSpec, src: string): string {
  const it = new Interpreter({ sandbox: spec, stdout: () => {}, stderr: () => {} });
  try {
    return printValue(it.evalString(src));
  } catch (e) {
    return `!! ${(e as Error).message}`;
  }
}

test('sandbox modes: presets, lists with or without no-, and unknown names', () => {
  assert.deepEqual((parseSandboxMode('strict') as string[]).sort(), ['env-write', 'fs-write', 'llm', 'network', 'process', 'serial', 'shell']);
  assert.equal((parseSandboxMode('all') as string[]).length, 9);
  assert.deepEqual(parseSandboxMode('none'), []);
  assert.deepEqual(parseSandboxMode('no-shell, network'), ['shell', 'network']);
  assert.deepEqual(parseSandboxMode('bogus'), { error: 'unknown capability: bogus (known: fs-read, fs-write, shell, network, env-read, env-write, process, llm, serial, strict, all, none)' });
});

test('denied capabilities fail when called, as catchable permission-denied errors; nothing else changes', () => {
  const strict = { denied: parseSandboxMode('strict') as SandboxSpec['denied'] };
  assert.equal(run(strict, '(shell "echo hi")'), "!! Permission denied: shell requires 'shell' capability");
  assert.equal(run({ denied: ['process'] }, '(shell "echo hi")'), "!! Permission denied: shell requires 'process' capability");
  assert.equal(run(strict, '(llm/complete "hi")'), "!! Permission denied: llm/complete requires 'llm' capability");
  assert.equal(run(strict, '(try (sys/set-env "A" "b") (catch e (:type e)))'), ':permission-denied');
  assert.equal(run(strict, '(map (fn (x) (* x x)) (list 1 2))'), '(1 4)');
  assert.equal(run(strict, '(procedure? file/write)'), '#t');
  assert.equal(run({ denied: [] }, '(+ 1 2)'), '3');
});

test('allowed paths: inside is fine, outside, `..` and symlinks out are refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sema-sandbox-'));
  writeFileSync(join(dir, 'a.txt'), 'A');
  symlinkSync('/etc', join(dir, 'etc-link'));
  const spec = { denied: [], allowedPaths: parseAllowedPaths(dir) };
  assert.equal(run(spec, `(file/read ${JSON.stringify(join(dir, 'a.txt'))})`), '"A"');
  assert.equal(run(spec, `(file/exists? ${JSON.stringify(join(dir, 'missing', 'deeper.txt'))})`), '#f');
  assert.match(run(spec, `(file/read ${JSON.stringify(join(dir, '..', 'x'))})`), /outside allowed directories/);
  assert.match(run(spec, `(file/read ${JSON.stringify(join(dir, 'etc-link', 'hostname'))})`), /path '\/etc\/hostname' is outside/);
  assert.match(run(spec, `(file/copy ${JSON.stringify(join(dir, 'a.txt'))} "/tmp/elsewhere-copy.txt")`), /file\/copy — path/);
  assert.match(run(spec, `(import "/etc/hosts")`), /import — path '\/etc\/hosts' is outside/);
});
