import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serve } from '../support/serve-harness';

// Node 20 has a WebSocket client only behind a flag, so a child process plays the client:
// it sends `messages`, collects replies until the server closes (or, after a `!leave`
// message, closes itself at the first reply), and prints what it saw.
const CLIENT = `
const [url, ...all] = process.argv.slice(1);
const leave = all.includes('!leave');
const messages = all.filter((m) => m !== '!leave');
const seen = [];
const ws = new WebSocket(url);
ws.onopen = () => messages.forEach((m) => ws.send(m));
ws.onmessage = (e) => {
  seen.push(e.data.length > 40 ? 'len ' + e.data.length : e.data);
  if (leave) ws.close(1000);
};
ws.onerror = () => seen.push('error');
ws.onclose = (e) => { console.log(JSON.stringify({ seen, code: e.code })); };
`;

async function client(url: string, messages: string[]): Promise<{ seen: string[]; code: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--experimental-websocket', '--no-warnings', '-e', CLIENT, url, ...messages], { timeout: 20_000 });
  return JSON.parse(stdout) as { seen: string[]; code: number };
}

test('WebSocket routes: recv, send and close, one connection at a time', async () => {
  const { base, app } = await serve(`
    (define (echo conn)
      (let ((msg ((:recv conn))))
        (cond ((nil? msg) (println "client left"))
              ((= msg "bye") ((:send conn) "see you") ((:close conn)))
              (else ((:send conn) (string/append "echo: " msg)) (echo conn)))))
    (http/serve (http/router [[:ws "/chat" echo]
                              [:get "/direct" (fn (_) (http/websocket (fn (conn) ((:send conn) "hello") ((:close conn)))))]])
                {:port PORT :host "127.0.0.1"})`);
  const ws = base.replace('http:', 'ws:');
  try {
    assert.deepEqual(await client(ws + '/chat', ['one', 'x'.repeat(70_000), 'bye']), { seen: ['echo: one', 'len 70006', 'see you'], code: 1000 });
    assert.deepEqual(await client(ws + '/direct', []), { seen: ['hello'], code: 1000 });
    const plain = await fetch(base + '/chat');
    assert.equal(plain.status, 400);
    assert.equal(await plain.text(), 'WebSocket upgrade required');
    assert.equal(app.out, '');
    assert.deepEqual(await client(ws + '/chat', ['hi', '!leave']), { seen: ['echo: hi'], code: 1000 });
    await app.stdoutIncludes('client left');
    assert.equal(app.out, 'client left\n');
  } finally {
    await app.interrupt();
  }
});
