// sema/evaluate over stdio: session, streamed output, cancellation, trust.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as P from 'vscode-languageserver-protocol';
import { startServer } from '../support/lsp-harness';
import { EvaluateRequest, EvalOutputNotification, ResetSessionRequest, SetTrustNotification, type EvalOutputParams } from '../../src/protocol';

const env = { ...process.env, SEMA_EVAL_EXTRA_MODULES: join(__dirname, '../support/eval-extras.js') };
const uri = 'untitled:eval-test';
const text = '(define x 20)\n(begin (test/out "chunk1") (test/out "chunk2") x)\n(test/sleep 20000)\n(begin (test/out "early") (test/sleep 1500))\n';

test('evaluation: session persists, output streams as notifications, cancel works', async () => {
  const h = await startServer({ evalTimeoutMs: 15000 }, null, env);
  try {
    await h.open(uri, text);
    const out: EvalOutputParams[] = [];
    h.connection.onNotification(EvalOutputNotification, (p) => void out.push(p));
    const r1 = await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(r1.status, 'ok', JSON.stringify(r1));
    const r2 = await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 1, character: 0 }, evalId: 'e2' });
    assert.equal(r2.value, '20');
    assert.equal(r2.stdout, 'chunk1chunk2');
    assert.equal(out.map((o) => o.text).join(''), 'chunk1chunk2');
    assert.ok(out.every((o) => o.evalId === 'e2' && o.stream === 'stdout'));
    // Output is streamed while the evaluation is still running.
    out.length = 0;
    let firstAt = 0;
    const sub = h.connection.onNotification(EvalOutputNotification, () => void (firstAt ||= Date.now()));
    const busy = await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 3, character: 0 }, evalId: 'busy' });
    const doneAt = Date.now();
    sub.dispose();
    assert.equal(busy.status, 'ok', JSON.stringify(busy));
    assert.ok(firstAt > 0 && doneAt - firstAt >= 700, `first chunk ${doneAt - firstAt} ms before the result`);
    const cts = new P.CancellationTokenSource();
    const pending = h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 2, character: 0 } }, cts.token);
    setTimeout(() => cts.cancel(), 300);
    const r3 = await pending;
    assert.equal(r3.status, 'cancelled');
    // After a reset the session has forgotten `x`.
    await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 0, character: 0 } });
    await h.connection.sendRequest(ResetSessionRequest, { textDocument: { uri } });
    const r4 = await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } });
    assert.equal(r4.error!.message, 'Nothing to evaluate here.');
    const r5 = await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, range: { start: { line: 1, character: 47 }, end: { line: 1, character: 48 } } });
    assert.equal(r5.status, 'error');
    assert.match(r5.error!.message, /Unbound variable: x/);
    assert.deepEqual(r5.error!.range?.start, { line: 1, character: 47 });
    // The server kept answering while the evaluation ran and after it was killed.
    const hover = await h.connection.sendRequest(P.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 9 } });
    assert.ok(hover);
  } finally {
    await h.stop();
  }
});

test('an untrusted workspace gets no evaluation until trust is granted', async () => {
  const h = await startServer({ trusted: false }, null, env);
  try {
    await h.open(uri, text);
    const r = await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(r.status, 'untrusted');
    assert.deepEqual(await h.connection.sendRequest(P.CodeLensRequest.type, { textDocument: { uri } }), [], 'no ▶ Run while untrusted');
    await h.connection.sendNotification(SetTrustNotification, { trusted: true });
    assert.equal((await h.connection.sendRequest(P.CodeLensRequest.type, { textDocument: { uri } }))!.length, 4);
    const r2 = await h.connection.sendRequest(EvaluateRequest, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } });
    assert.equal(r2.status, 'ok', JSON.stringify(r2));
  } finally {
    await h.stop();
  }
});
