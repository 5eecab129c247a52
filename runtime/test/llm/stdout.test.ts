// llm/stream in a real process: chunks reach stdout one by one before the response
// ends, and Ctrl+C (SIGINT) ends the process and the HTTP request at once while the
// text already printed stays printed.

import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { FakeApi } from '../support/fake-host';
import { releaseAsPrinted } from '../support/llm-fixture';

const child = join(__dirname, '..', 'support', 'stream-child.js');

describe('llm/stream to stdout', () => {
  let fake: FakeApi;
  before(async () => {
    fake = await FakeApi.start('anthropic');
  });
  after(async () => {
    await fake.close();
  });
  beforeEach(async () => {
    await fake.reset();
  });

  it('writes each chunk to stdout as it arrives', async () => {
    // Each chunk is sent only once the previous one has reached the child's stdout.
    const chunks = ['Once ', 'upon ', 'a time.'];
    await fake.enqueue({ kind: 'text', chunks, gated: true });
    const proc = spawn(process.execPath, [child, fake.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    const { code, out } = await releaseAsPrinted(proc, fake, chunks);
    assert.equal(code, 0);
    assert.equal(out, 'Once upon a time.\n\n[done]\n');
  });

  it('SIGINT stops the process and the request at once; printed text stays', async () => {
    await fake.enqueue({ kind: 'text', chunks: ['Printed ', 'never sent'], stallAfter: 1 });
    const proc = spawn(process.execPath, [child, fake.url, '60000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const sawChunk = new Promise<void>((resolve) =>
      proc.stdout.setEncoding('utf8').on('data', (text: string) => {
        out += text;
        if (out.includes('Printed')) resolve();
      }),
    );
    await sawChunk;
    const sentAt = Date.now();
    proc.kill('SIGINT');
    const signal = await new Promise<string | null>((resolve) => proc.on('close', (_c, s) => resolve(s)));
    assert.equal(signal, 'SIGINT');
    assert.equal(out, 'Printed ');
    await new Promise((r) => setTimeout(r, 100));
    const req = await fake.last();
    assert.equal(req.clientClosed, true, 'the server saw the connection close');
    assert.ok(Date.now() - sentAt < 10_000, 'stopped promptly, not at the 60 s idle timeout');
  });
});
