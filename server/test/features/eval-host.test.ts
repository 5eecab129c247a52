import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { EvalSession } from '../../src/eval-host/host';
import { evaluate, evaluationSpan } from '../../src/features/evaluate';
import { open } from '../support/fixtures';

const env = { ...process.env, SEMA_EVAL_EXTRA_MODULES: join(__dirname, '../support/eval-extras.js') };
const workerPath = join(__dirname, '../../src/eval-host/worker.js');

function session(timeoutMs = 5000): EvalSession {
  return new EvalSession({ timeoutMs, workerPath, env });
}

test('definitions persist across evaluations; output streams while it runs', async () => {
  const s = session();
  try {
    const r1 = await s.evaluate({ code: '(define x 41)' });
    assert.equal(r1.status, 'ok');
    const chunks: string[] = [];
    const r2 = await s.evaluate({ code: '(test/out "a") (test/err "e") (test/out "b") x', onOutput: (st, t) => chunks.push(`${st}:${t}`) });
    assert.equal(r2.value, '41');
    assert.equal(r2.stdout, 'ab');
    assert.equal(r2.stderr, 'e');
    assert.deepEqual(chunks, ['stdout:a', 'stderr:e', 'stdout:b']);
    assert.ok(r2.elapsedMs >= 0);
  } finally {
    s.dispose();
  }
});

test('output reaches the host while the evaluation is still busy', async () => {
  const s = session();
  try {
    let firstChunkAt = 0;
    const t0 = Date.now();
    const r = await s.evaluate({ code: '(test/out "early") (test/sleep 1500) 1', onOutput: () => (firstChunkAt ||= Date.now()) });
    const doneAt = Date.now();
    assert.equal(r.status, 'ok');
    assert.ok(firstChunkAt > t0 && doneAt - firstChunkAt >= 700, `chunk ${firstChunkAt - t0} ms, done ${doneAt - t0} ms`);
  } finally {
    s.dispose();
  }
});

test('a runaway loop hits the time limit and is interrupted; the session keeps its definitions', async () => {
  const s = session(700);
  try {
    await s.evaluate({ code: '(define kept 41)' });
    const r = await s.evaluate({ code: '(define (spin) (spin)) (spin)' });
    assert.equal(r.status, 'timeout');
    assert.equal(r.error!.message, 'Evaluation timed out after 700 ms');
    const after = await s.evaluate({ code: 'kept' });
    assert.equal(after.value, '41');
    assert.equal(after.sessionReset, false);
  } finally {
    s.dispose();
  }
});

test('cancellation interrupts promptly; code that ignores the interrupt is killed', async () => {
  const s = new EvalSession({ timeoutMs: 10_000, workerPath, env, graceMs: 300 });
  try {
    await s.evaluate({ code: '(define kept 1)' });
    const abort = new AbortController();
    const t0 = Date.now();
    const p = s.evaluate({ code: '(define (loop n) (loop (+ n 1))) (loop 0)', signal: abort.signal });
    setTimeout(() => abort.abort(), 200);
    const r = await p;
    assert.equal(r.status, 'cancelled');
    assert.equal(r.error!.message, 'Evaluation cancelled');
    assert.ok(Date.now() - t0 < 3000);
    assert.equal((await s.evaluate({ code: 'kept' })).value, '1');
    // A builtin that never looks at the interrupt flag: the process is killed after the grace period.
    const stuck = new AbortController();
    const p2 = s.evaluate({ code: '(test/sleep 5000)', signal: stuck.signal });
    setTimeout(() => stuck.abort(), 200);
    const r2 = await p2;
    assert.equal(r2.status, 'cancelled');
    assert.match(r2.error!.message, /session restarted/);
    const fresh = await s.evaluate({ code: '(+ 1 1)' });
    assert.equal(fresh.sessionReset, true);
  } finally {
    s.dispose();
  }
});

test('deep recursion works (the evaluation thread has a large stack)', async () => {
  const s = session();
  try {
    const r = await s.evaluate({ code: '(define (depth n) (if (= n 0) 0 (+ 1 (depth (- n 1))))) (depth 20000)' });
    assert.equal(r.value, '20000', JSON.stringify(r));
  } finally {
    s.dispose();
  }
});

test('the evaluate feature runs the top-level form at a position and maps error locations', async () => {
  const s = session();
  try {
    const { doc, m } = open('(define y 2) y\n\n(begin\n  (error "bo|om"))\n');
    const r = await evaluate(doc, { textDocument: { uri: doc.uri }, position: m.positions[0]! }, s, () => undefined);
    assert.equal(r.status, 'error');
    assert.match(r.error!.message, /boom/);
    assert.deepEqual(r.range.start, { line: 2, character: 0 });
    assert.equal(r.error!.range?.start.line, 3, JSON.stringify(r.error));
    const first = await evaluate(doc, { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } } }, s, () => undefined);
    assert.equal(first.ok, true);
    assert.equal(first.value, '2');
  } finally {
    s.dispose();
  }
});

test('no session means untrusted: nothing runs', async () => {
  const { doc } = open('(define z 1)');
  const r = await evaluate(doc, { textDocument: { uri: doc.uri }, position: { line: 0, character: 0 } }, undefined, () => undefined);
  assert.equal(r.status, 'untrusted');
  assert.equal(r.ok, false);
});

test('the current form: the innermost form under the cursor, or the one just before it', async () => {
  const src = '(define xs [1 2 3])\n(+ (* 2 |3) |(count xs)| 10)|\n  |';
  const { doc, m } = open(src);
  const text = (i: number): string | undefined => {
    const span = evaluationSpan(doc, { textDocument: { uri: doc.uri }, position: m.positions[i]!, innermost: true });
    return span && m.text.slice(span.start, span.end);
  };
  assert.equal(text(0), '3');
  assert.equal(text(1), '(count xs)');
  assert.equal(text(2), '(count xs)');
  assert.equal(text(3), '(+ (* 2 3) (count xs) 10)');
  assert.equal(text(4), '(+ (* 2 3) (count xs) 10)');
  const s = session();
  try {
    await evaluate(doc, { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } } }, s, () => undefined);
    const r = await evaluate(doc, { textDocument: { uri: doc.uri }, position: m.positions[1]!, innermost: true }, s, () => undefined);
    assert.equal(r.value, '3');
    assert.deepEqual(r.range, { start: { line: 1, character: 11 }, end: { line: 1, character: 21 } });
  } finally {
    s.dispose();
  }
});
