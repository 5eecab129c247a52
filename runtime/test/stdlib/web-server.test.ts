import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, freePort, ServedProgram } from '../support/serve-harness';

/** GET `path` exactly as written (fetch would normalise `..` away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(base + '/', { path }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('routing, request and response maps', () => {
  let base = '';
  let app: ServedProgram;
  before(async () => {
    ({ base, app } = await serve(`
      (define routes
        [[:get "/" (fn (_) (http/ok {:message "Hello from Sema!"}))]
         [:get "/users/:uid/posts/:pid" (fn (req) (http/ok (:params req)))]
         [:get "/files/*" (fn (req) (http/text (:* (:params req))))]
         [:post "/users" (fn (req) (http/created {:got (:json req) :raw (:body req)}))]
         [:any "/echo" (fn (req) (http/ok {:method (:method req) :query (:query req)
                                          :agent (get (:headers req) "x-agent")}))]
         [:get "/custom" (fn (_) {:status 418 :headers {"x-tea" "earl grey" :x-kw 1} :body "short and stout"})]
         [:get "/plain" (fn (_) 42)]
         [:get "/nobody" (fn (_) (http/no-content))]
         [:get "/away" (fn (_) (http/redirect "/"))]
         [:get "/page" (fn (_) (http/html "<h1>Hi</h1>"))]
         [:get "/bad-status" (fn (_) {:status 70000 :body "x"})]])
      (http/serve (http/router routes) {:port PORT :host "127.0.0.1"})`));
  });
  after(async () => void (await app.interrupt()));

  test('a JSON response from http/ok', async () => {
    const r = await fetch(base + '/');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/json');
    assert.equal(await r.text(), '{"message":"Hello from Sema!"}');
  });

  test('path params, wildcards and trailing slashes', async () => {
    assert.equal(await (await fetch(base + '/users/1/posts/99')).text(), '{"pid":"99","uid":"1"}');
    assert.equal(await (await fetch(base + '/users/1/posts/99/')).text(), '{"pid":"99","uid":"1"}');
    assert.equal(await (await fetch(base + '/files/docs/readme.md')).text(), 'docs/readme.md');
    assert.equal((await fetch(base + '/users/1/posts')).status, 404);
  });

  test('JSON request bodies are parsed into :json; :body keeps the text', async () => {
    const r = await fetch(base + '/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Ada","tags":[1,2.5]}' });
    assert.equal(r.status, 201);
    assert.deepEqual(await r.json(), { got: { name: 'Ada', tags: [1, 2.5] }, raw: '{"name":"Ada","tags":[1,2.5]}' });
    const bad = await fetch(base + '/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    assert.deepEqual(await bad.json(), { got: null, raw: '{oops' });
    const plain = await fetch(base + '/users', { method: 'POST', body: '{"a":1}' });
    assert.deepEqual(await plain.json(), { got: null, raw: '{"a":1}' });
  });

  test('methods, query strings and headers reach the handler', async () => {
    const r = await fetch(base + '/echo?search=term&page=2&flag', { method: 'PUT', headers: { 'X-Agent': 'tests' } });
    assert.deepEqual(await r.json(), { method: 'put', query: { search: 'term', page: '2', flag: '' }, agent: 'tests' });
    assert.equal((await fetch(base + '/', { method: 'POST' })).status, 404);
  });

  test('unmatched routes answer 404 "Not Found"', async () => {
    const r = await fetch(base + '/missing');
    assert.equal(r.status, 404);
    assert.equal(await r.text(), '"Not Found"');
  });

  test('hand-built response maps, non-map answers and the other helpers', async () => {
    const custom = await fetch(base + '/custom');
    assert.equal(custom.status, 418);
    assert.equal(custom.headers.get('x-tea'), 'earl grey');
    // A keyword key prints as ":x-kw", which is no header name: dropped, as the reference does.
    assert.equal(custom.headers.get('x-kw'), null);
    assert.equal(await custom.text(), 'short and stout');
    const plain = await fetch(base + '/plain');
    assert.equal(plain.headers.get('content-type'), 'text/plain');
    assert.equal(await plain.text(), '42');
    assert.equal((await fetch(base + '/nobody')).status, 204);
    const away = await fetch(base + '/away', { redirect: 'manual' });
    assert.equal(away.status, 302);
    assert.equal(away.headers.get('location'), '/');
    assert.equal((await fetch(base + '/page')).headers.get('content-type'), 'text/html');
    assert.equal((await fetch(base + '/bad-status')).status, 500);
  });
});

describe('static files and http/file', () => {
  let base = '';
  let app: ServedProgram;
  let root = '';
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'sema-web-'));
    mkdirSync(join(root, 'public', 'js'), { recursive: true });
    writeFileSync(join(root, 'public', 'style.css'), 'body { color: red; }');
    writeFileSync(join(root, 'public', 'index.html'), '<p>index</p>');
    writeFileSync(join(root, 'public', 'js', 'app.js'), 'go()');
    writeFileSync(join(root, 'public', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]));
    writeFileSync(join(root, 'secret.txt'), 'top secret');
    symlinkSync(join(root, 'secret.txt'), join(root, 'public', 'leak.txt'));
    const dir = JSON.stringify(join(root, 'public'));
    const spa = JSON.stringify(join(root, 'public', 'index.html'));
    ({ base, app } = await serve(`
      (http/serve (http/router
        [[:static "/assets" ${dir}]
         [:get "/report" (fn (_) (http/file ${JSON.stringify(join(root, 'secret.txt'))} "application/x-report"))]
         [:get "/*" (fn (_) (http/file ${spa}))]])
        {:port PORT :host "127.0.0.1"})`));
  });
  after(async () => {
    await app.interrupt();
    rmSync(root, { recursive: true, force: true });
  });

  test('files are served with their content type and cache headers', async () => {
    const css = await fetch(base + '/assets/style.css');
    assert.equal(css.status, 200);
    assert.equal(css.headers.get('content-type'), 'text/css');
    assert.equal(css.headers.get('cache-control'), 'public, max-age=3600');
    assert.equal(await css.text(), 'body { color: red; }');
    assert.equal(await (await fetch(base + '/assets/js/app.js')).text(), 'go()');
    assert.equal((await fetch(base + '/assets/js/app.js')).headers.get('content-type'), 'application/javascript');
    assert.equal(await (await fetch(base + '/assets/')).text(), '<p>index</p>');
    const png = await fetch(base + '/assets/logo.png');
    assert.equal(png.headers.get('content-type'), 'image/png');
    assert.deepEqual([...new Uint8Array(await png.arrayBuffer())], [0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]);
  });

  test('missing files fall through to later routes; http/file takes an explicit type', async () => {
    const spa = await fetch(base + '/assets/nope.css');
    assert.equal(spa.headers.get('content-type'), 'text/html');
    assert.equal(await spa.text(), '<p>index</p>');
    const report = await fetch(base + '/report');
    assert.equal(report.headers.get('content-type'), 'application/x-report');
    assert.equal(await report.text(), 'top secret');
  });

  test('path traversal is refused, symlinks out of the directory are forbidden', async () => {
    assert.deepEqual(await rawGet(base, '/assets/../secret.txt'), { status: 400, body: 'Bad Request' });
    assert.deepEqual(await rawGet(base, '/assets/js/../../secret.txt'), { status: 400, body: 'Bad Request' });
    assert.deepEqual(await rawGet(base, '/assets/leak.txt'), { status: 403, body: 'Forbidden' });
  });

  test('static routes answer GET and HEAD only', async () => {
    const head = await fetch(base + '/assets/style.css', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-type'), 'text/css');
    assert.equal((await fetch(base + '/assets/style.css', { method: 'POST' })).status, 404);
  });
});

test('middleware runs outermost first and can short-circuit', async () => {
  const { base, app } = await serve(`
    (define (with-logging handler)
      (fn (req)
        (println "log in" (:path req))
        (let ((resp (handler req)))
          (println (:method req) (:path req) "->" (:status resp))
          resp)))
    (define (with-cors handler)
      (fn (req)
        (println "cors in")
        (let ((resp (handler req)))
          (assoc resp :headers (merge (or (:headers resp) {}) {"access-control-allow-origin" "*"})))))
    (define (with-auth handler)
      (fn (req)
        (println "auth in")
        (if (get (:headers req) "authorization")
          (handler req)
          (http/error 401 {:error "Unauthorized"}))))
    (define app (-> (http/router [[:get "/me" (fn (_) (println "handler") (http/ok {:me "ada"}))]])
                    with-auth with-cors with-logging))
    (http/serve app {:port PORT :host "127.0.0.1"})`);
  try {
    const denied = await fetch(base + '/me');
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get('access-control-allow-origin'), '*');
    assert.deepEqual(await denied.json(), { error: 'Unauthorized' });
    const ok = await fetch(base + '/me', { headers: { Authorization: 'Bearer t' } });
    assert.deepEqual(await ok.json(), { me: 'ada' });
    // Output reaches this thread on its own channel, possibly after the response.
    await app.stdoutIncludes(':get /me -> 200');
    assert.equal(app.out, 'log in /me\ncors in\nauth in\n:get /me -> 401\nlog in /me\ncors in\nauth in\nhandler\n:get /me -> 200\n');
  } finally {
    await app.interrupt();
  }
});

test('handler errors answer 500 and the server keeps serving', async () => {
  const { base, app } = await serve(`
    (http/serve (fn (req) (if (= (:path req) "/boom") (error "kaboom") (http/text "fine")))
                {:port PORT :host "127.0.0.1"})`);
  try {
    const r = await fetch(base + '/boom');
    assert.equal(r.status, 500);
    assert.equal(r.headers.get('content-type'), 'application/json');
    assert.match((await r.json() as { error: string }).error, /kaboom/);
    await app.stderrIncludes('kaboom\n');
    assert.match(app.err, /http\/serve handler error: .*kaboom\n/);
    assert.equal(await (await fetch(base + '/ok')).text(), 'fine');
  } finally {
    await app.interrupt();
  }
});

test('an interrupt stops the server and frees the port', async () => {
  const { base, port, app } = await serve('(http/serve (fn (_) (http/ok 1)) {:port PORT :host "127.0.0.1"})');
  assert.equal(await (await fetch(base + '/')).text(), '1');
  const f = await app.interrupt();
  assert.equal(f.error?.type, 'interrupted');
  await assert.rejects(fetch(base + '/'));
  const again = createServer().listen(port, '127.0.0.1');
  await once(again, 'listening');
  again.close();
});

test('request bodies over 16 MiB are refused with 413', async () => {
  const { base, app } = await serve('(http/serve (fn (req) (http/text (str (string-length (:body req))))) {:port PORT :host "127.0.0.1"})');
  try {
    const big = await fetch(base + '/', { method: 'POST', body: 'x'.repeat(16 * 1024 * 1024 + 1) });
    assert.equal(big.status, 413);
    assert.equal(await (await fetch(base + '/', { method: 'POST', body: 'abc' })).text(), '3');
  } finally {
    await app.interrupt();
  }
});

test('a port already in use is an io error; bad ports are refused', async () => {
  const port = await freePort();
  const busy = createServer().listen(port, '127.0.0.1');
  await once(busy, 'listening');
  try {
    const f = await new ServedProgram(`(http/serve (fn (_) 1) {:port ${port} :host "127.0.0.1"})`).finished;
    assert.deepEqual(f.error, { type: 'io', message: `bind 127.0.0.1:${port}: Address already in use (os error 98)` });
  } finally {
    busy.close();
  }
  const bad = await new ServedProgram('(http/serve (fn (_) 1) {:port 70000})').finished;
  assert.deepEqual(bad.error, { type: 'eval', message: 'http/serve: port must be in 1..=65535, got 70000' });
});
