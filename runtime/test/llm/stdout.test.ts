// llm/stream in a real process: chunks reach stdout one by one before the response
// ends, and Ctrl+C (SIGINT) ends the process and the HTTP request at once while the
// text already printed stays printed.

import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { FakeApi } from '../support/fake-host';

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
    await fake.enqueue({ kind: 'text', chunks: ['Once ', 'upon ', 'a time.'], delayMs: 250 });
    const proc = spawn(process.execPath, [child, fake.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    const arrivals: { text: string; at: number }[] = [];
    proc.stdout.setEncoding('utf8').on('data', (text: string) => arrivals.push({ text, at: Date.now() }));
    const code = await new Promise<number | null>((resolve) => proc.on('close', resolve));
    assert.equal(code, 0);
    assert.equal(arrivals.map((a) => a.text).join(''), 'Once upon a time.\n\n[done]\n');
    const first = arrivals.find((a) => a.text.startsWith('Once'))!;
    const last = arrivals.find((a) => a.text.includes('time.'))!;
    assert.ok(!first.text.includes('upon'), 'the first chunk came alone');
    assert.ok(last.at - first.at >= 300, 'the first chunk was on stdout well before the last was sent');
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
    assert.ok(Date.now() - sentAt < 5000);
  });
});
