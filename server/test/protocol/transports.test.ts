// The executable: --version, and the ipc transport VS Code uses (stdio is covered by the
// other protocol tests).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver-protocol/node';
import { InitializeRequest, ShutdownRequest, ExitNotification, HoverRequest, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol';
import { serverBin } from '../support/lsp-harness';

test('--version prints the version', () => {
  const r = spawnSync(process.execPath, [serverBin, '--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
  assert.equal(r.stdout, `sema-language-server ${pkg.version}\n`);
});

test('speaks LSP over node ipc', async () => {
  const child = fork(serverBin, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.listen();
  try {
    const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    assert.ok(init.capabilities.hoverProvider);
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'untitled:ipc', languageId: 'sema', version: 1, text: '(define x 1) x' } });
    const h = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: 'untitled:ipc' }, position: { line: 0, character: 13 } });
    assert.match(JSON.stringify(h), /variable/);
  } finally {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await conn.sendRequest(ShutdownRequest.type);
    await conn.sendNotification(ExitNotification.type);
    await exited;
    conn.dispose();
  }
});
