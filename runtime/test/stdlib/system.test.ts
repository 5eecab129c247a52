import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printValue } from '../../src/reader';
import { ExitRequest } from '../../src/stdlib/system';
import { checkAll, checkError, Session } from './text-harness';

test('environment variables', () => {
  process.env.SEMA_TEXT_TEST = 'yes';
  checkAll([
    ['(env "SEMA_TEXT_TEST")', '"yes"'],
    ['(env "SEMA_TEXT_TEST_MISSING")', 'nil'],
    ['(sys/set-env "SEMA_TEXT_TEST2" "value")', 'nil'],
    ['(env "SEMA_TEXT_TEST2")', '"value"'],
    ['(:SEMA_TEXT_TEST2 (sys/env-all))', '"value"'],
  ]);
  assert.equal(process.env.SEMA_TEXT_TEST2, 'value');
});

test('system information', () => {
  const s = new Session(['--flag']);
  assert.equal(printValue(s.interp.evalString('(sys/args)', 'script.sema')), '("sema" "script.sema" "--flag")');
  assert.equal(s.run('(sys/cwd)'), process.cwd());
  assert.equal(s.run('(sys/platform)'), 'linux');
  assert.equal(s.run('(sys/os)'), 'linux');
  assert.match(s.run('(sys/arch)') as string, /^(x86_64|aarch64)$/);
  assert.equal(s.run('(sys/pid)'), process.pid);
  assert.equal(typeof s.run('(sys/elapsed)'), 'number');
  assert.equal(typeof s.run('(sys/hostname)'), 'string');
  assert.match(s.run('(sys/which "sh")') as string, /\/sh$/);
  assert.equal(s.run('(sys/which "no-such-program-xyz")'), null);
  assert.equal(typeof s.run('(sys/interactive?)'), 'boolean');
});

test('shell runs commands through sh or directly', () => {
  checkAll([
    ['(shell "echo hello")', '{:exit-code 0 :stderr "" :stdout "hello\\n"}'],
    ['(:exit-code (shell "false"))', '1'],
    ['(shell "printf" "%s-%s" "a b" "c")', '{:exit-code 0 :stderr "" :stdout "a b-c"}'],
    ['(:stderr (shell "echo oops >&2; exit 3"))', '"oops\\n"'],
  ]);
  checkError('(shell "no-such-program-xyz" "arg")', 'io', 'shell: No such file or directory (os error 2)');
});

test('exit asks the host to stop with a code', () => {
  const s = new Session();
  assert.throws(() => s.run('(exit 3)'), (e: unknown) => e instanceof ExitRequest && e.code === 3);
  assert.throws(() => s.run('(exit)'), (e: unknown) => e instanceof ExitRequest && e.code === 0);
  checkError('(exit "x")', 'type-error', 'expected integer, got string');
});
