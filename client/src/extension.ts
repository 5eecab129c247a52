// Activation only: builds the pieces and registers the commands.
import * as vscode from 'vscode';
import { ApiKeyStore } from './api-key';
import { affectsServer, nodeScriptEnv, readSettings, semaEnv, type SemaSettings } from './config';
import { Evaluator } from './eval/evaluate';
import { InlineResults } from './eval/inline-results';
import { SemaLanguageClient } from './language-client';
import { SemaOutput } from './output/sema-output';
import { bundlePaths } from './paths';
import { RUN_FORM_COMMAND, type EvaluateParams } from './protocol';
import { RunFileController } from './run/run-file-command';

let languageClient: SemaLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const paths = bundlePaths(context.extensionPath);
  const keys = new ApiKeyStore(context.secrets);
  await keys.load();
  const settings = (): SemaSettings => readSettings((k) => vscode.workspace.getConfiguration('sema').get(k));
  const output = new SemaOutput(() => keys.current);
  const inline = new InlineResults();
  let evaluator: Evaluator | undefined;
  const client = new SemaLanguageClient({
    serverModule: paths.server,
    env: () => semaEnv(process.env, settings(), keys.current),
    settings,
    onEvalOutput: (p) => evaluator?.onOutput(p),
  });
  languageClient = client;
  evaluator = new Evaluator(client, inline, output, settings);
  const runner = new RunFileController({ cli: paths.cli, output, env: () => nodeScriptEnv(process.env, settings(), keys.current) });
  const ev = evaluator;

  // Not registerTextEditorCommand: that drops the return value, and the result is useful to callers (tests).
  const editorCommand = (id: string, fn: (editor: vscode.TextEditor) => unknown) =>
    vscode.commands.registerCommand(id, () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.languageId === 'sema' ? fn(editor) : undefined;
    });
  context.subscriptions.push(
    output, inline, runner, keys,
    { dispose: () => void client.dispose() },
    vscode.commands.registerCommand('sema.runFile', (uri?: vscode.Uri) => runner.run(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('sema.cancelRun', () => { runner.cancel(); ev.cancelAll(); }),
    editorCommand('sema.evaluateSelection', (e) => ev.evaluateSelection(e)),
    editorCommand('sema.evaluateTopLevelForm', (e) => ev.evaluateTopLevelForm(e)),
    editorCommand('sema.evaluateCurrentForm', (e) => ev.evaluateCurrentForm(e)),
    editorCommand('sema.loadFile', (e) => ev.loadFile(e)),
    vscode.commands.registerCommand(RUN_FORM_COMMAND, (params: EvaluateParams) => ev.evaluateParams(params)),
    vscode.commands.registerCommand('sema.clearInlineResults', () => inline.clear()),
    vscode.commands.registerCommand('sema.resetSession', () => ev.resetSession(vscode.window.activeTextEditor?.document)),
    vscode.commands.registerCommand('sema.restartServer', () => client.restart()),
    vscode.commands.registerCommand('sema.showOutput', () => output.show()),
    vscode.commands.registerCommand('sema.setApiKey', async () => {
      if (await keys.promptAndStore()) void vscode.window.showInformationMessage('Sema: API key stored.');
    }),
    vscode.commands.registerCommand('sema.clearApiKey', async () => {
      await keys.clear();
      void vscode.window.showInformationMessage('Sema: API key removed.');
    }),
    // The evaluator runs inside the server's process tree, so a new key or LLM default needs a restart.
    keys.onDidChange(() => { if (client.running) void client.restart(); }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (client.running && affectsServer((s) => e.affectsConfiguration(s))) void client.restart();
    }),
  );
  await client.ensureStarted().catch((err: unknown) => {
    client.log.error(`The Sema language server did not start: ${err instanceof Error ? err.message : String(err)}`);
  });
}

export async function deactivate(): Promise<void> {
  await languageClient?.dispose();
  languageClient = undefined;
}
