// Language-server latency on a generated 5,000-line file, over stdio against the built
// server (run `npx tsc -b` first): didChange -> publishDiagnostics, completion, hover and
// semantic tokens. Prints medians; asserts nothing (targets: 50 ms diagnostics, 20 ms
// completion and hover).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'server', 'package.json'));
const rpc = require('vscode-languageserver-protocol/node');
const P = require('vscode-languageserver-protocol');

const LINES = Number(process.env.LINES ?? 5000);
const ROUNDS = Number(process.env.ROUNDS ?? 30);

function generate(lines) {
  const block = (i) => [
    `;; block ${i}`,
    `(defun helper-${i} (a b)`,
    `  "Adds and scales ${i}."`,
    `  (let ((sum (+ a b))`,
    `        (k ${i}))`,
    `    (if (> sum k)`,
    `        (* sum k)`,
    `        (- k sum))))`,
    `(define value-${i} (helper-${i} ${i} 2))`,
    `(define opts-${i} {:max-tokens 100 :temperature 0.5})`,
    `(match value-${i} ([x y] (+ x y)) (n when (> n 1) n) (_ 0))`,
    '',
  ];
  const out = [];
  for (let i = 0; out.length < lines; i++) out.push(...block(i));
  return out.slice(0, lines).join('\n') + '\n';
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const child = spawn(process.execPath, [join(root, 'server', 'bin', 'sema-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const waiters = new Map();
conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => {
  const w = waiters.get(p.version);
  if (w) {
    waiters.delete(p.version);
    w(p);
  }
});
conn.listen();
await conn.sendRequest(P.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
await conn.sendNotification(P.InitializedNotification.type, {});

const uri = 'untitled:bench.sema';
const text = generate(LINES);
const diagFor = (version) => new Promise((resolve) => waiters.set(version, resolve));
let t0 = performance.now();
let wait = diagFor(1);
await conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sema', version: 1, text } });
await wait;
const openMs = performance.now() - t0;

const mid = Math.floor(LINES / 2);
const diag = [];
let version = 1;
for (let i = 0; i < ROUNDS; i++) {
  version++;
  // Alternately insert and delete one character in the middle of the file.
  const change = i % 2 === 0
    ? { range: { start: { line: mid, character: 0 }, end: { line: mid, character: 0 } }, text: ' ' }
    : { range: { start: { line: mid, character: 0 }, end: { line: mid, character: 1 } }, text: '' };
  wait = diagFor(version);
  t0 = performance.now();
  await conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
  await wait;
  diag.push(performance.now() - t0);
}

async function time(fn) {
  const xs = [];
  for (let i = 0; i < ROUNDS; i++) {
    // A fresh version each round, so cached analyses do not flatter the figure.
    version++;
    const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: i % 2 === 0 ? ' ' : '' };
    await conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return xs;
}
// Line `mid + 5` is "        (* sum k)" in most blocks; positions inside a call.
const pos = { line: mid + 1, character: 10 };
const completion = await time(() => conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri }, position: pos }));
const hover = await time(() => conn.sendRequest(P.HoverRequest.type, { textDocument: { uri }, position: pos }));
const tokens = await time(() => conn.sendRequest(P.SemanticTokensRequest.type, { textDocument: { uri } }));

// The same requests on a version already analysed (diagnostics ran after the keystroke).
async function timeCached(fn) {
  const xs = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return xs;
}
const completionCached = await timeCached(() => conn.sendRequest(P.CompletionRequest.type, { textDocument: { uri }, position: pos }));
const hoverCached = await timeCached(() => conn.sendRequest(P.HoverRequest.type, { textDocument: { uri }, position: pos }));

const fmt = (x) => `${x.toFixed(1)} ms`;
console.log(`lsp-bench: ${LINES} lines, ${text.length} chars, ${ROUNDS} rounds (medians; first open ${fmt(openMs)})`);
console.log(`  didChange -> publishDiagnostics  ${fmt(median(diag))}   (target < 50 ms)`);
console.log(`  completion (after an edit)       ${fmt(median(completion))}   (target < 20 ms)`);
console.log(`  hover (after an edit)            ${fmt(median(hover))}   (target < 20 ms)`);
console.log(`  semantic tokens (after an edit)  ${fmt(median(tokens))}`);
console.log(`  completion (analysed version)    ${fmt(median(completionCached))}`);
console.log(`  hover (analysed version)         ${fmt(median(hoverCached))}`);

await conn.sendRequest(P.ShutdownRequest.type);
await conn.sendNotification(P.ExitNotification.type);
conn.dispose();
