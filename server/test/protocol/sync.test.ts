// Diagnostics as you type: incremental edits over stdio, diagnostics per version.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as P from 'vscode-languageserver-protocol';
import { startServer } from '../support/lsp-harness';

test('parse errors appear and disappear with incremental edits; warnings once it parses', async () => {
  const h = await startServer();
  try {
    const uri = 'untitled:sync-test';
    const d1 = await h.open(uri, '(define (f x)\n  x\n');
    assert.equal(d1.diagnostics.length, 1);
    assert.match(String(d1.diagnostics[0]!.message), /unterminated list/);
    assert.deepEqual(d1.diagnostics[0]!.range.start, { line: 0, character: 0 });
    const wait = h.diagnostics(uri, 2);
    await h.connection.sendNotification(P.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: ')\n(f 1 2)' }],
    });
    const d2 = await wait;
    assert.deepEqual(d2.diagnostics.map((d) => d.message), ['`f` expects 1 argument, got 2']);
    // A burst of edits: only the last version has to be answered.
    for (let v = 3; v <= 6; v++) {
      await h.connection.sendNotification(P.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: v === 6 ? '' : '(' }],
      });
    }
    const d6 = await h.diagnostics(uri, 6);
    assert.ok(d6.diagnostics.some((d) => /unterminated list/.test(String(d.message))));
    const closed = h.diagnostics(uri);
    await h.connection.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.deepEqual((await closed).diagnostics, []);
  } finally {
    await h.stop();
  }
});
