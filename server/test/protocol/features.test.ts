// Each capability end to end over stdio against the built server.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import * as P from 'vscode-languageserver-protocol';
import { startServer, type Harness } from '../support/lsp-harness';
import { marked } from '../support/markers';

const root = join(__dirname, '../../../../test-workspace');
const uri = pathToFileURL(join(root, 'lsp/protocol-test.sema')).href;
const source = `(import "helpers.sema")
(defun |square (x)
  "Squares."
  (* x x))
(sq|uare (hel|per 2))
(square |)
(llm/complete "hi" {:max-tokens 10 |})
(let ((n 1)) (+ n |n))
`;
const m = marked(source);
const td = { uri };
const at = (i: number) => m.positions[i]!;

describe('language server over stdio', () => {
  let h: Harness;
  before(async () => {
    h = await startServer({}, pathToFileURL(root).href);
    await h.open(uri, m.text);
  });
  after(async () => h.stop());

  test('initialize announces the capabilities and the evaluate request', () => {
    const caps = h.initialize.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: P.TextDocumentSyncKind.Incremental });
    assert.equal(caps.experimental.sema.evaluate.request, 'sema/evaluate');
    assert.ok(caps.semanticTokensProvider && caps.renameProvider && caps.codeLensProvider);
  });

  test('completion', async () => {
    const r = (await h.connection.sendRequest(P.CompletionRequest.type, { textDocument: td, position: at(4) })) as P.CompletionList;
    assert.ok(r.items.some((i) => i.label === ':temperature'));
  });

  test('hover on a user function and on an imported one', async () => {
    const r = await h.connection.sendRequest(P.HoverRequest.type, { textDocument: td, position: at(1) });
    assert.match((r!.contents as P.MarkupContent).value, /\(square x\)[\s\S]*Squares\./);
    const i = await h.connection.sendRequest(P.HoverRequest.type, { textDocument: td, position: at(2) });
    assert.match((i!.contents as P.MarkupContent).value, /helpers\.sema/);
  });

  test('signature help', async () => {
    const r = await h.connection.sendRequest(P.SignatureHelpRequest.type, { textDocument: td, position: at(3) });
    assert.equal(r!.signatures[0]!.label, '(square x)');
  });

  test('definition, across files', async () => {
    const r = (await h.connection.sendRequest(P.DefinitionRequest.type, { textDocument: td, position: at(1) })) as P.Location;
    assert.deepEqual(r.range.start, at(0));
    const i = (await h.connection.sendRequest(P.DefinitionRequest.type, { textDocument: td, position: at(2) })) as P.Location;
    assert.ok(i.uri.endsWith('/lsp/helpers.sema'));
  });

  test('references, highlight, prepare rename and rename', async () => {
    const refs = await h.connection.sendRequest(P.ReferencesRequest.type, { textDocument: td, position: at(0), context: { includeDeclaration: true } });
    assert.equal(refs!.length, 3);
    const hl = await h.connection.sendRequest(P.DocumentHighlightRequest.type, { textDocument: td, position: at(5) });
    assert.equal(hl!.length, 3);
    const prep = await h.connection.sendRequest(P.PrepareRenameRequest.type, { textDocument: td, position: at(0) });
    assert.ok(prep);
    const edit = await h.connection.sendRequest(P.RenameRequest.type, { textDocument: td, position: at(0), newName: 'sq' });
    assert.equal(edit!.changes![uri]!.length, 3);
    await assert.rejects(h.connection.sendRequest(P.RenameRequest.type, { textDocument: td, position: { line: 6, character: 2 }, newName: 'x' }), /cannot be renamed|not defined/);
  });

  test('document and workspace symbols', async () => {
    const syms = (await h.connection.sendRequest(P.DocumentSymbolRequest.type, { textDocument: td })) as P.DocumentSymbol[];
    assert.deepEqual(syms.map((s) => s.name), ['square']);
    const ws = (await h.connection.sendRequest(P.WorkspaceSymbolRequest.type, { query: 'squ' })) as P.SymbolInformation[];
    assert.ok(ws.some((s) => s.name === 'square' && s.location.uri === uri));
    // Files of the workspace that are not open count too (test-workspace/lsp/features.sema).
    assert.ok(ws.some((s) => s.name === 'sum-of-squares' && s.location.uri.endsWith('/lsp/features.sema')));
  });

  test('folding, selection ranges, semantic tokens, code lenses', async () => {
    const folds = await h.connection.sendRequest(P.FoldingRangeRequest.type, { textDocument: td });
    assert.ok(folds!.some((f) => f.startLine === 1));
    const sel = await h.connection.sendRequest(P.SelectionRangeRequest.type, { textDocument: td, positions: [at(1)] });
    assert.ok(sel![0]!.parent);
    const toks = await h.connection.sendRequest(P.SemanticTokensRequest.type, { textDocument: td });
    assert.ok(toks!.data.length > 0 && toks!.data.length % 5 === 0);
    const lenses = await h.connection.sendRequest(P.CodeLensRequest.type, { textDocument: td });
    assert.equal(lenses!.length, 6);
    assert.equal(lenses![0]!.command!.title, '▶ Run');
  });

  test('formatting and range formatting', async () => {
    const u2 = pathToFileURL(join(root, 'lsp/fmt-test.sema')).href;
    await h.open(u2, '(define (f x)\n        x)\n');
    const edits = await h.connection.sendRequest(P.DocumentFormattingRequest.type, { textDocument: { uri: u2 }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits![0]!.newText, '(define (f x)\n  x)\n');
    const r = await h.connection.sendRequest(P.DocumentRangeFormattingRequest.type, {
      textDocument: { uri: u2 },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(r!.length, 1);
  });

  test('declaration, completion resolve and quick fixes', async () => {
    const decl = (await h.connection.sendRequest(P.DeclarationRequest.type, { textDocument: td, position: at(1) })) as P.Location;
    assert.deepEqual(decl.range.start, at(0));
    const list = (await h.connection.sendRequest(P.CompletionRequest.type, { textDocument: td, position: at(5) })) as P.CompletionList;
    const builtin = list.items.find((i) => (i.data as { builtin?: string } | undefined)?.builtin !== undefined);
    assert.ok(builtin, 'the runtime catalogue offers builtins');
    const resolved = await h.connection.sendRequest(P.CompletionResolveRequest.type, builtin);
    assert.match((resolved.documentation as P.MarkupContent).value, /```sema/);
    const u3 = 'untitled:typo';
    const d = await h.open(u3, '(define (my-helper) 1)\n(my-helpr)');
    const unbound = d.diagnostics.find((x) => x.code === 'unbound')!;
    const actions = (await h.connection.sendRequest(P.CodeActionRequest.type, { textDocument: { uri: u3 }, range: unbound.range, context: { diagnostics: [unbound] } })) as P.CodeAction[];
    assert.equal(actions[0]!.edit!.changes![u3]![0]!.newText, 'my-helper');
  });

  test('call hierarchy', async () => {
    const items = await h.connection.sendRequest(P.CallHierarchyPrepareRequest.type, { textDocument: td, position: at(1) });
    assert.equal(items![0]!.name, 'square');
    const incoming = await h.connection.sendRequest(P.CallHierarchyIncomingCallsRequest.type, { item: items![0]! });
    assert.deepEqual(incoming, []);
    const outgoing = await h.connection.sendRequest(P.CallHierarchyOutgoingCallsRequest.type, { item: items![0]! });
    assert.deepEqual(outgoing, []);
    assert.ok(h.initialize.capabilities.callHierarchyProvider);
  });

  test('malformed params do not take the server down', async () => {
    const bad = await h.connection.sendRequest('textDocument/hover', { textDocument: td, position: null });
    assert.equal(bad, null);
    await h.connection.sendRequest('textDocument/completion', { textDocument: td }).catch(() => undefined);
    const ok = await h.connection.sendRequest(P.HoverRequest.type, { textDocument: td, position: at(1) });
    assert.ok(ok);
  });

  test('requests at positions past the end answer without failing', async () => {
    const far = { line: 999, character: 999 };
    assert.equal(await h.connection.sendRequest(P.HoverRequest.type, { textDocument: td, position: far }), null);
    await h.connection.sendRequest(P.CompletionRequest.type, { textDocument: td, position: far });
    assert.equal(await h.connection.sendRequest(P.HoverRequest.type, { textDocument: { uri: 'file:///nope.sema' }, position: far }), null);
  });
});
