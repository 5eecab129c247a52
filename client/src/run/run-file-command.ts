// "Sema: Run File": runs the file in a fresh `sema` process (the bundled CLI on the editor's own
// Node), streams its output to the "Sema" panel, shows a status bar item while it runs, and
// turns `file:line:col: message` errors into diagnostics and a "Go to Error" notification.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FileRun } from './file-run';
import { absolutizeErrorPaths, formatLocation, parseErrorLocations, type ErrorLocation } from './error-location';
import type { SemaOutput } from '../output/sema-output';

export interface RunFileDeps {
  cli: string;
  output: SemaOutput;
  env(): Record<string, string>;
}

export class RunFileController implements vscode.Disposable {
  private current: FileRun | undefined;
  private readonly status = vscode.window.createStatusBarItem('sema.run', vscode.StatusBarAlignment.Left, 100);
  readonly diagnostics = vscode.languages.createDiagnosticCollection('sema-run');

  constructor(private readonly deps: RunFileDeps) {
    this.status.name = 'Sema Run';
    this.status.command = 'sema.cancelRun';
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  async run(uri?: vscode.Uri): Promise<number | null | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Sema: running files is disabled in untrusted workspaces.');
      return undefined;
    }
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'sema') {
      void vscode.window.showWarningMessage('Sema: open a .sema file to run it.');
      return undefined;
    }
    if (doc.isUntitled || doc.uri.scheme !== 'file') {
      void vscode.window.showWarningMessage('Sema: save the file before running it.');
      return undefined;
    }
    if (doc.isDirty && !(await doc.save())) return undefined;
    if (!existsSync(this.deps.cli)) {
      void vscode.window.showErrorMessage(`Sema: the bundled CLI is missing (${this.deps.cli}). Rebuild the extension with \`npm run build\`.`);
      return undefined;
    }
    if (this.current) {
      this.current.cancel();
      await this.current.done;
    }
    const file = doc.uri.fsPath;
    const cwd = path.dirname(file);
    const { output } = this.deps;
    this.diagnostics.clear();
    output.show();
    output.appendLine(`▶ sema ${file}`);
    const run = new FileRun({
      node: process.execPath,
      cli: this.deps.cli,
      file,
      cwd,
      env: this.deps.env(),
      onOutput: (stream, text) => output.append(stream === 'stderr' ? absolutizeErrorPaths(text, cwd) : text),
    });
    this.current = run;
    this.setRunning(path.basename(file));
    const outcome = await run.done;
    this.current = undefined;
    this.setRunning(undefined);
    output.flush();
    const seconds = (outcome.elapsedMs / 1000).toFixed(1);
    if (outcome.spawnError) {
      output.appendLine(`■ could not start sema: ${outcome.spawnError}`);
    } else if (outcome.cancelled) {
      output.appendLine(`■ cancelled after ${seconds} s`);
    } else {
      output.appendLine(`■ exited with code ${outcome.code ?? outcome.signal} after ${seconds} s`);
      if (outcome.code !== 0) this.reportErrors(parseErrorLocations(outcome.stderrTail, cwd));
    }
    output.flush();
    return outcome.code;
  }

  cancel(): void {
    this.current?.cancel();
  }

  private setRunning(name: string | undefined): void {
    void vscode.commands.executeCommand('setContext', 'sema.running', name !== undefined);
    if (name === undefined) {
      this.status.hide();
      return;
    }
    this.status.text = `$(sync~spin) Sema: running ${name}`;
    this.status.tooltip = 'Click to cancel the run';
    this.status.show();
  }

  private reportErrors(locations: ErrorLocation[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const loc of locations) {
      const pos = new vscode.Position(Math.max(0, loc.line - 1), Math.max(0, loc.col - 1));
      const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), loc.message, vscode.DiagnosticSeverity.Error);
      d.source = 'sema run';
      byFile.set(loc.file, [...(byFile.get(loc.file) ?? []), d]);
    }
    for (const [file, diags] of byFile) this.diagnostics.set(vscode.Uri.file(file), diags);
    const first = locations[0];
    if (!first) return;
    void vscode.window.showErrorMessage(`Sema: ${first.message} (${formatLocation(first)})`, 'Go to Error').then(async (choice) => {
      if (choice !== 'Go to Error') return;
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(first.file));
      const pos = new vscode.Position(Math.max(0, first.line - 1), Math.max(0, first.col - 1));
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    });
  }

  dispose(): void {
    this.current?.cancel();
    this.status.dispose();
    this.diagnostics.dispose();
  }
}
