// Starts the built server over stdio (the same executable editors run) and talks to it
// with vscode-languageserver-protocol's client side. Waits on notifications, never sleeps.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

export const serverBin = join(__dirname, '../../../bin/sema-language-server.js');

export interface Harness {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly initialize: InitializeResult;
  /** Resolves with the next diagnostics published for `uri` (optionally for a version). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, text: string, version?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export async function startServer(initializationOptions: unknown = {}, rootUri: string | null = null, env: NodeJS.ProcessEnv = process.env): Promise<Harness> {
  const child = spawn(process.execPath, [serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  });
  connection.listen();
  const initialize = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
    capabilities: {},
    initializationOptions,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const diagnostics = (uri: string, version?: number) =>
    new Promise<PublishDiagnosticsParams>((resolve) => {
      const have = latest.get(uri);
      if (have && version !== undefined && have.version === version) return resolve(have);
      waiters.push(version === undefined ? { uri, resolve } : { uri, version, resolve });
    });
  return {
    connection,
    process: child,
    initialize,
    diagnostics,
    async open(uri, text, version = 1) {
      const wait = diagnostics(uri, version);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sema', version, text } });
      return wait;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await exited;
      connection.dispose();
    },
  };
}
