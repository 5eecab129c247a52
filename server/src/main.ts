// The language server's entry: creates the connection (stdio, ipc or socket, from argv)
// and binds every LSP request to its feature. Features are pure functions of the
// document analysis; this file only wires, guards and schedules.

import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  ResponseError,
  LSPErrorCodes,
  Message,
  CodeLensRefreshRequest,
  type CancellationToken,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sep } from 'node:path';
import { runtimeCatalogueView } from './catalogue';
import { DocumentStore, type DocState } from './documents';
import { capabilities } from './capabilities';
import { settingsFrom, type Settings } from './settings';
import { EvaluateRequest, EvalOutputNotification, ResetSessionRequest, SetTrustNotification } from './protocol';
import { diagnostics } from './features/diagnostics';
import { completion, resolveCompletion } from './features/completion';
import { hover } from './features/hover';
import { signatureHelp } from './features/signature-help';
import { definition, documentHighlight, prepareRename, references, rename, RenameError } from './features/navigation';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { codeLenses, foldingRanges, selectionRanges } from './features/structure';
import { semanticTokens } from './features/semantic-tokens';
import { formatDocument, formatRange } from './features/formatting';
import { evaluate } from './features/evaluate';
import { codeActions } from './features/code-actions';
import { documentLinks } from './features/imports';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from './features/call-hierarchy';
import { SessionPool } from './eval-host/pool';
import { OutputBatcher } from './eval-host/output-batcher';
import { VERSION } from './version';
import { semaFiles } from './workspace-files';

const argv = process.argv;
if (argv.includes('--version')) {
  process.stdout.write(`sema-language-server ${VERSION}\n`);
  process.exit(0);
}
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write('Usage: sema-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\nThe Sema language server (LSP). Speaks stdio when no transport is given.\n');
  process.exit(0);
}
if (!argv.some((a) => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  argv.push('--stdio');
}

// Requests cancelled while still queued (typing fast) are answered at once, unrun.
const connection = createConnection(ProposedFeatures.all, {
  cancelUndispatched: (message) =>
    Message.isRequest(message) ? { jsonrpc: '2.0', id: message.id, error: new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled').toJson() } : undefined,
});
const documents = new TextDocuments(TextDocument);
const store = new DocumentStore(runtimeCatalogueView());
let settings: Settings = settingsFrom(undefined);
let roots: string[] = [];
const sessions = new SessionPool(() => settings.evalTimeoutMs);

let codeLensRefresh = false;
let workspaceFolderEvents = false;

connection.onInitialize((params) => {
  settings = settingsFrom(params.initializationOptions);
  codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  workspaceFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
  roots = (params.workspaceFolders ?? []).map((f) => safePath(f.uri)).filter((p): p is string => p !== undefined);
  if (roots.length === 0 && params.rootUri) roots = [safePath(params.rootUri)].filter((p): p is string => p !== undefined);
  return { capabilities, serverInfo: { name: 'sema-language-server', version: VERSION } };
});

/** Runs a request handler: cancelled requests answer RequestCancelled, failures null. */
function guard<T>(token: CancellationToken, fallback: T, fn: () => T): T {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  try {
    return fn();
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    connection.console.error(`request failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return fallback;
  }
}

function doc(uri: string): DocState | undefined {
  return store.get(uri);
}

// Diagnostics: published after every change, coalescing bursts of edits to one run.
const pending = new Map<string, NodeJS.Immediate>();
function scheduleValidation(uri: string): void {
  const t = pending.get(uri);
  if (t) clearImmediate(t);
  pending.set(
    uri,
    setImmediate(() => {
      pending.delete(uri);
      const d = doc(uri);
      if (!d) return;
      try {
        void connection.sendDiagnostics({ uri, version: d.version, diagnostics: diagnostics(d, uri, settings.maxProblems) });
      } catch (e) {
        connection.console.error(`diagnostics failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }),
  );
}

documents.onDidChangeContent((e) => {
  const dependents = store.set(e.document.uri, e.document.version, e.document.getText());
  scheduleValidation(e.document.uri);
  for (const uri of dependents) scheduleValidation(uri);
});
documents.onDidClose((e) => {
  store.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCompletion((p, token) => guard(token, null, () => (doc(p.textDocument.uri) ? completion(doc(p.textDocument.uri)!, store, p.position) : null)));
connection.onCompletionResolve((item, token) => guard(token, item, () => resolveCompletion(item, store.catalogue)));
connection.onHover((p, token) => guard(token, null, () => (doc(p.textDocument.uri) ? hover(doc(p.textDocument.uri)!, store, p.position) : null)));
connection.onSignatureHelp((p, token) => guard(token, null, () => (doc(p.textDocument.uri) ? signatureHelp(doc(p.textDocument.uri)!, store, p.position) : null)));
connection.onDefinition((p, token) => guard(token, null, () => (doc(p.textDocument.uri) ? definition(doc(p.textDocument.uri)!, store, p.position) : null)));
connection.onDeclaration((p, token) => guard(token, null, () => (doc(p.textDocument.uri) ? definition(doc(p.textDocument.uri)!, store, p.position) : null)));
connection.onReferences((p, token) =>
  guard(token, [], () => (doc(p.textDocument.uri) ? references(doc(p.textDocument.uri)!, store, p.position, p.context.includeDeclaration) : [])),
);
connection.onDocumentHighlight((p, token) => guard(token, [], () => (doc(p.textDocument.uri) ? documentHighlight(doc(p.textDocument.uri)!, p.position) : [])));
connection.onPrepareRename((p, token) => guard(token, null, () => (doc(p.textDocument.uri) ? prepareRename(doc(p.textDocument.uri)!, p.position) : null)));
connection.onRenameRequest((p, token) => {
  const d = doc(p.textDocument.uri);
  if (!d) return null;
  return guard(token, null, () => {
    try {
      return rename(d, store, p.position, p.newName);
    } catch (e) {
      if (e instanceof RenameError) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
      throw e;
    }
  });
});
connection.onDocumentSymbol((p, token) => guard(token, [], () => (doc(p.textDocument.uri) ? documentSymbols(doc(p.textDocument.uri)!) : [])));
connection.onWorkspaceSymbol((p, token) =>
  guard(token, [], () => {
    // Open documents (their current text) plus every other .sema file of the workspace.
    const open = store.openDocuments();
    const openUris = new Set(open.map((d) => d.uri));
    const others = semaFiles(roots)
      .map((f) => pathToFileURL(f).href)
      .filter((u) => !openUris.has(u))
      .map((u) => store.documentAt(u))
      .filter((d): d is DocState => d !== undefined);
    return workspaceSymbols([...open, ...others], p.query);
  }),
);
connection.onFoldingRanges((p, token) => guard(token, [], () => (doc(p.textDocument.uri) ? foldingRanges(doc(p.textDocument.uri)!) : [])));
connection.onSelectionRanges((p, token) => guard(token, [], () => (doc(p.textDocument.uri) ? selectionRanges(doc(p.textDocument.uri)!, p.positions) : [])));
connection.languages.semanticTokens.on((p, token) => guard(token, { data: [] }, () => (doc(p.textDocument.uri) ? semanticTokens(doc(p.textDocument.uri)!) : { data: [] })));
connection.onDocumentFormatting((p, token) => guard(token, [], () => (doc(p.textDocument.uri) ? formatDocument(doc(p.textDocument.uri)!) : [])));
connection.onDocumentRangeFormatting((p, token) => guard(token, [], () => (doc(p.textDocument.uri) ? formatRange(doc(p.textDocument.uri)!, p.range) : [])));
connection.onDocumentLinks((p, token) => guard(token, [], () => (doc(p.textDocument.uri) ? documentLinks(doc(p.textDocument.uri)!, store) : [])));
connection.onCodeAction((p, token) => guard(token, [], () => codeActions(p)));
connection.languages.callHierarchy.onPrepare((p, token) => guard(token, null, () => (doc(p.textDocument.uri) ? prepareCallHierarchy(doc(p.textDocument.uri)!, store, p.position) : null)));
connection.languages.callHierarchy.onIncomingCalls((p, token) => guard(token, [], () => incomingCalls(p.item, store)));
connection.languages.callHierarchy.onOutgoingCalls((p, token) => guard(token, [], () => outgoingCalls(p.item, store)));
// "▶ Run" is only offered where evaluation is allowed.
connection.onCodeLens((p, token) => guard(token, [], () => (settings.trusted && doc(p.textDocument.uri) ? codeLenses(doc(p.textDocument.uri)!) : [])));

connection.onRequest(EvaluateRequest, async (p, token) => {
  const d = doc(p.textDocument.uri);
  if (!d) throw new ResponseError(LSPErrorCodes.RequestFailed, `document not open: ${p.textDocument.uri}`);
  const abort = new AbortController();
  const sub = token.onCancellationRequested(() => abort.abort());
  try {
    const session = settings.trusted ? sessions.sessionFor(rootOf(p.textDocument.uri)) : undefined;
    const evalId = p.evalId ?? '';
    const out = new OutputBatcher((stream, text) => void connection.sendNotification(EvalOutputNotification, { evalId, stream, text }));
    try {
      return await evaluate(d, p, session, (stream, text) => out.push(stream, text), abort.signal);
    } finally {
      out.flush();
    }
  } finally {
    sub.dispose();
  }
});
connection.onRequest(ResetSessionRequest, (p) => {
  if (p.textDocument) sessions.reset(rootOf(p.textDocument.uri));
  else sessions.resetAll();
  return null;
});
connection.onNotification(SetTrustNotification, (p) => {
  settings.trusted = p.trusted === true;
  if (!settings.trusted) sessions.resetAll();
  if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
});
connection.onInitialized(() => {
  if (!workspaceFolderEvents) return;
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(e.removed.map((f) => safePath(f.uri)));
    for (const r of removed) if (r) sessions.reset(r);
    roots = [...roots.filter((r) => !removed.has(r)), ...e.added.map((f) => safePath(f.uri)).filter((p): p is string => p !== undefined)];
  });
});
connection.onShutdown(() => sessions.resetAll());
connection.onExit(() => sessions.resetAll());

/** The workspace folder a document belongs to (its session key). */
function rootOf(uri: string): string {
  const path = safePath(uri);
  if (!path) return '';
  const root = roots.filter((r) => path === r || path.startsWith(r.endsWith(sep) ? r : r + sep)).sort((a, b) => b.length - a.length)[0];
  return root ?? '';
}

function safePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

// A bug in one handler must not take the server down.
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

documents.listen(connection);
connection.listen();
