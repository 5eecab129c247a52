import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../support/serve-harness';

test('SSE events reach the client as they are sent', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sema-sse-'));
  const go = join(root, 'go');
  const { base, app } = await serve(`
    (define (wait-for path) (if (file/exists? path) #t (begin (sleep 10) (wait-for path))))
    (http/serve (http/router
      [[:get "/events" (fn (_) (http/stream (fn (send)
                          (send "connected")
                          (wait-for ${JSON.stringify(go)})
                          (send "two\\nlines")
                          (send "bye"))))]
       [:get "/broken" (fn (_) (http/stream (fn (send) (send "before") (error "stream failed"))))]])
      {:port PORT :host "127.0.0.1"})`);
  try {
    const r = await fetch(base + '/events');
    assert.equal(r.headers.get('content-type'), 'text/event-stream');
    const reader = r.body!.getReader();
    let text = '';
    // The handler is still waiting for the file: only the first event can have arrived.
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    assert.equal(text, 'data: connected\n\n');
    assert.equal(existsSync(go), false);
    writeFileSync(go, '');
    for (let c = await reader.read(); !c.done; c = await reader.read()) text += new TextDecoder().decode(c.value);
    assert.equal(text, 'data: connected\n\ndata: two\ndata: lines\n\ndata: bye\n\n');
    assert.equal(await (await fetch(base + '/broken')).text(), 'data: before\n\n');
    await app.stderrIncludes('http/stream handler error');
    assert.match(app.err, /http\/stream handler error: .*stream failed/);
  } finally {
    await app.interrupt();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a stream whose client has left fails its next send', async () => {
  const { base, app } = await serve(`
    (http/serve (fn (_) (http/stream (fn (send)
                          (send "first")
                          (try (let loop () (send "tick") (sleep 5) (loop))
                               (catch e (println "stopped:" (:message e)))))))
                {:port PORT :host "127.0.0.1"})`);
  try {
    const abort = new AbortController();
    const r = await fetch(base + '/', { signal: abort.signal });
    const reader = r.body!.getReader();
    assert.match(new TextDecoder().decode((await reader.read()).value), /^data: first\n\n/);
    abort.abort();
    await app.stdoutIncludes('stopped:');
    assert.equal(app.out, 'stopped: SSE stream closed\n');
    assert.equal(await (await fetch(base + '/')).body!.getReader().read().then((c) => new TextDecoder().decode(c.value).slice(0, 13)), 'data: first\n\n');
  } finally {
    await app.interrupt();
  }
});
