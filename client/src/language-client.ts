// Starts, stops and restarts the bundled language server; its log goes to the
// "Sema Language Server" output channel.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { documentSelector, initializationOptions, serverLaunch } from './server-options';
import { SetTrustNotification, EvalOutputNotification, type EvalOutputParams } from './protocol';
import type { SemaSettings } from './config';

export interface ClientDeps {
  serverModule: string;
  env(): Record<string, string>;
  settings(): SemaSettings;
  onEvalOutput(params: EvalOutputParams): void;
}

export class SemaLanguageClient implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: ClientDeps) {
    this.log = vscode.window.createOutputChannel('Sema Language Server', { log: true });
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void this.client?.sendNotification(SetTrustNotification, { trusted: true });
    }));
  }

  /** The running client, starting it first if needed. */
  async ensureStarted(): Promise<LanguageClient> {
    if (this.client?.isRunning()) return this.client;
    this.starting ??= this.start().finally(() => { this.starting = undefined; });
    return this.starting;
  }

  get running(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  private async start(): Promise<LanguageClient> {
    const launch = serverLaunch(this.deps.serverModule, this.deps.env());
    const serverOptions: ServerOptions = {
      run: { module: launch.module, transport: TransportKind.ipc, options: { env: launch.env } },
      debug: { module: launch.module, transport: TransportKind.ipc, options: { env: launch.env, execArgv: launch.debugExecArgv } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: this.log,
      traceOutputChannel: this.log,
      initializationOptions: initializationOptions(vscode.workspace.isTrusted, this.deps.settings()),
      synchronize: { configurationSection: 'sema' },
    };
    const client = new LanguageClient('sema', 'Sema Language Server', serverOptions, clientOptions);
    client.onNotification(EvalOutputNotification, (p) => this.deps.onEvalOutput(p));
    this.client = client;
    await client.start();
    return client;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop(5000);
  }

  async restart(): Promise<void> {
    await this.starting?.catch(() => undefined);
    await this.stop();
    this.log.info('Restarting the Sema language server');
    await this.ensureStarted();
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables) d.dispose();
    await this.stop();
    this.log.dispose();
  }
}
