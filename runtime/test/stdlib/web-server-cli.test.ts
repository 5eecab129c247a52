import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SemaError } from '../../src/eval/errors';
import { Interpreter } from '../../src/eval/interpreter';
import type { Capability } from '../../src/eval/sandbox';
import { freePort } from '../support/serve-harness';

const SEMA = resolve(__dirname, '../../../bin/sema.js');

test('sema FILE serves until Ctrl+C, prints the startup line and frees the port', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sema-web-cli-'));
  const port = await freePort();
  const file = join(dir, 'app.sema');
  writeFileSync(file, `(http/serve (http/router [[:get "/hi/:name" (fn (req) (http/ok {:hi (:name (:params req))}))]]) {:port ${port} :host "127.0.0.1"})\n`);
  const child = spawn(process.execPath, [SEMA, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  try {
    await new Promise<void>((ready) => {
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString();
        if (err.includes('\n')) ready();
      });
    });
    assert.equal(err, `Listening on 127.0.0.1:${port}\n`);
    assert.equal(await (await fetch(`http://127.0.0.1:${port}/hi/ada`)).text(), '{"hi":"ada"}');
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    // The evaluation ends with "Interrupted", as any interrupted run does (status 1).
    assert.equal(code, 1);
    assert.match(err, /Interrupted/);
    await assert.rejects(fetch(`http://127.0.0.1:${port}/hi/ada`));
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

function deniedBy(denied: Capability[], src: string, part: string): void {
  const interp = new Interpreter({ sandbox: { denied }, stdout: () => {}, stderr: () => {} });
  assert.throws(
    () => interp.evalString(src),
    (e: unknown) => e instanceof SemaError && e.type === 'permission-denied' && e.message.includes(part),
    src,
  );
}

test('the sandbox gates http/serve (network), http/file and :static routes (fs-read)', () => {
  deniedBy(['network'], '(http/serve (fn (r) r) {:port 1})', "http/serve requires 'network' capability");
  deniedBy(['fs-read'], '(http/file "index.html")', "http/file requires 'fs-read' capability");
  deniedBy(['fs-read'], '(http/router [[:static "/assets" "."]])', "http/router requires 'fs-read' capability");
  const interp = new Interpreter({ sandbox: { denied: ['fs-read'] }, stdout: () => {}, stderr: () => {} });
  assert.equal(typeof interp.evalString('(http/router [[:get "/" (fn (r) (http/ok 1))]])'), 'object');
});
