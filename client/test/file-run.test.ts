import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FileRun } from '../src/run/file-run';

const cli = path.join(__dirname, '..', '..', 'test', 'fixtures', 'fake-cli.js');

function start(mode: string, env: Record<string, string> = {}) {
  const events: Array<{ stream: string; text: string; at: number }> = [];
  const run = new FileRun({
    node: process.execPath, cli, file: mode, cwd: __dirname, env: { PATH: process.env.PATH ?? '', ...env },
    onOutput: (stream, text) => events.push({ stream, text, at: Date.now() }), killGraceMs: 300,
  });
  return { run, events };
}

test('output arrives while the process runs, not only at the end', async () => {
  const { run, events } = start('chunks');
  const outcome = await run.done;
  assert.equal(outcome.code, 0);
  assert.equal(events.map((e) => e.text).join(''), 'chunk 1\nchunk 2\nchunk 3\n');
  const firstAt = events.find((e) => e.text.includes('chunk 1'))!.at;
  const lastAt = events.find((e) => e.text.includes('chunk 3'))!.at;
  assert.ok(lastAt - firstAt >= 200, `chunks ${lastAt - firstAt} ms apart`);
});

test('a failing run reports its exit code and keeps stderr for error locations', async () => {
  const { run, events } = start('error');
  const outcome = await run.done;
  assert.equal(outcome.code, 1);
  assert.equal(outcome.cancelled, false);
  assert.match(outcome.stderrTail, /bad\.sema:2:5: Unbound variable: nope/);
  assert.ok(events.some((e) => e.stream === 'stdout' && e.text.includes('before')));
});

test('multi-byte characters split across chunks are decoded whole', async () => {
  const { run, events } = start('utf8');
  await run.done;
  assert.equal(events.map((e) => e.text).join(''), 'héllo → ✓\n');
});

test('cancel stops even a program that ignores SIGTERM', async () => {
  const { run, events } = start('forever');
  while (!events.some((e) => e.text.includes('started'))) await new Promise((r) => setTimeout(r, 20));
  const t = Date.now();
  run.cancel();
  const outcome = await run.done;
  assert.equal(outcome.cancelled, true);
  assert.equal(outcome.code, null);
  assert.ok(Date.now() - t < 3000);
});

test('the environment given is the one the program sees', async () => {
  const { run, events } = start('env', { SEMA_TEST_VALUE: 'from-test' });
  await run.done;
  assert.equal(events.map((e) => e.text).join(''), 'from-test\n');
});

test('a missing executable is reported, not thrown', async () => {
  const run = new FileRun({ node: '/nonexistent/node', cli, file: 'x', cwd: __dirname, env: {}, onOutput: () => undefined });
  const outcome = await run.done;
  assert.ok(outcome.spawnError);
});
