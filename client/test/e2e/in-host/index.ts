// Tests that run inside the extension host with the full `vscode` API (the "Extension Tests"
// launch configuration, and the last phase of run-e2e.mjs). `run` resolving means success.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EvaluateResult } from '../../../src/protocol';

const log = (msg: string) => console.log(`[in-host test] ${msg}`);

async function openInWorkspace(rel: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, rel));
  return vscode.window.showTextDocument(doc);
}

const tests: Array<[string, () => Promise<void>]> = [
  ['the extension activates and registers its commands', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'sema' && e.packageJSON?.publisher === 'sema-lang');
    assert.ok(ext, 'sema-lang.sema is installed');
    await ext.activate();
    const all = new Set(await vscode.commands.getCommands(true));
    const contributed = (ext.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    for (const id of contributed) assert.ok(all.has(id), `${id} registered`);
  }],
  ['.sema files get the sema language', async () => {
    const editor = await openInWorkspace('e2e/highlight.sema');
    assert.equal(editor.document.languageId, 'sema');
  }],
  ['Evaluate Selection returns the last value through the language server', async () => {
    const editor = await openInWorkspace('e2e/eval.sema');
    const doc = editor.document;
    editor.selection = new vscode.Selection(0, 0, doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length);
    const result = (await vscode.commands.executeCommand('sema.evaluateSelection')) as EvaluateResult | undefined;
    assert.ok(result, 'an evaluation result');
    assert.equal(result.ok, true, JSON.stringify(result.error));
    assert.equal(result.value, '42');
  }],
  ['Evaluate Current Form evaluates the form under the cursor; Load File evaluates the whole file in the session', async () => {
    const editor = await openInWorkspace('e2e/eval.sema');
    const loaded = (await vscode.commands.executeCommand('sema.loadFile')) as EvaluateResult | undefined;
    assert.equal(loaded?.value, '42', JSON.stringify(loaded?.error));
    // Line 2 is `(+ base 2)`: on `base` the current form is that symbol.
    editor.selection = new vscode.Selection(1, 4, 1, 4);
    const current = (await vscode.commands.executeCommand('sema.evaluateCurrentForm')) as EvaluateResult | undefined;
    assert.equal(current?.value, '40', JSON.stringify(current?.error));
  }],
  ['Run File runs the bundled CLI and reports its exit code', async () => {
    const editor = await openInWorkspace('e2e/eval.sema');
    const code = await vscode.commands.executeCommand('sema.runFile', editor.document.uri);
    assert.equal(code, 0);
  }],
];

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, fn] of tests) {
    try {
      await fn();
      log(`PASS ${name}`);
    } catch (e) {
      failures.push(name);
      log(`FAIL ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failures.length) throw new Error(`${failures.length} in-host test(s) failed: ${failures.join('; ')}`);
}
