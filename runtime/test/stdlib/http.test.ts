import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { printValue } from '../../src/reader';
import { checkError, Session } from './text-harness';

// The interpreter blocks its thread during a request, so the test server runs on its own.
const SERVER = `
const http = require('node:http');
const { parentPort } = require('node:worker_threads');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 800);
    if (req.url === '/missing') { res.statusCode = 404; return res.end('nope'); }
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('X-Custom', 'yes');
    res.end(JSON.stringify({ method: req.method, ct: req.headers['content-type'] || null, auth: req.headers['authorization'] || null, body }));
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', () => { server.close(() => process.exit(0)); server.closeAllConnections(); });
`;

let worker: Worker;
let base = '';
let closedPort = 0;

before(async () => {
  worker = new Worker(SERVER, { eval: true });
  const [port] = await once(worker, 'message');
  base = `http://127.0.0.1:${port as number}`;
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  closedPort = (probe.address() as AddressInfo).port;
  probe.close();
  await once(probe, 'close');
});

after(async () => {
  worker.postMessage('stop');
  await once(worker, 'exit');
});

test('get, post, put, delete and request return status, headers and body', () => {
  const s = new Session();
  s.define('base', base);
  const r = s.run('(http/get (string-append base "/x") {:headers {"Authorization" "Bearer t"}})');
  assert.match(printValue(r), /^\{:body "\{\\"method\\":\\"GET\\",\\"ct\\":null,\\"auth\\":\\"Bearer t\\",\\"body\\":\\"\\"\}" :headers \{.*:content-type "application\/json".*:x-custom "yes"\} :status 200\}$/);
  assert.equal(
    printValue(s.run('(json/decode (:body (http/post (string-append base "/p") {:name "Ada" :n 1.5})))')),
    '{:auth nil :body "{\\"n\\":1.5,\\"name\\":\\"Ada\\"}" :ct "application/json" :method "POST"}',
  );
  assert.equal(printValue(s.run('(:method (json/decode (:body (http/put (string-append base "/p") "raw"))))')), '"PUT"');
  assert.equal(printValue(s.run('(:method (json/decode (:body (http/delete (string-append base "/p")))))')), '"DELETE"');
  assert.equal(printValue(s.run('(:body (http/request "patch" (string-append base "/p") {} "x"))')), '"{\\"method\\":\\"PATCH\\",\\"ct\\":\\"text/plain;charset=UTF-8\\",\\"auth\\":null,\\"body\\":\\"x\\"}"');
  assert.equal(printValue(s.run('(:body (http/request "HEAD" base))')), '""');
  assert.equal(printValue(s.run('(:status (http/get (string-append base "/missing")))')), '404');
});

test('network failures and timeouts are io errors', () => {
  const s = new Session();
  s.define('base', base);
  assert.throws(() => s.run('(http/get (string-append base "/slow") {:timeout 200})'), /http GET http:\/\/127\.0\.0\.1:\d+\/slow: operation timed out/);
  const url = `http://127.0.0.1:${closedPort}/`;
  checkError(`(http/get "${url}")`, 'io', `http GET ${url}: connect ECONNREFUSED`);
  checkError('(http/request "BREW" "http://127.0.0.1:1/")', 'eval', 'http: unknown method BREW');
});
