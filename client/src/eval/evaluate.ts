// Evaluate Selection / Evaluate Top-Level Form / the "▶ Run" code lens: asks the language server
// to evaluate in the workspace session, streams its output to the panel, shows the result inline.
import * as vscode from 'vscode';
import { EvaluateRequest, ResetSessionRequest, type EvalOutputParams, type EvaluateParams, type EvaluateResult } from '../protocol';
import { formatResult, pendingText } from './format-result';
import type { InlineResults } from './inline-results';
import type { SemaOutput } from '../output/sema-output';
import type { SemaLanguageClient } from '../language-client';
import type { SemaSettings } from '../config';

let nextId = 0;

export class Evaluator {
  private readonly active = new Map<string, vscode.CancellationTokenSource>();

  constructor(
    private readonly client: SemaLanguageClient,
    private readonly inline: InlineResults,
    private readonly output: SemaOutput,
    private readonly settings: () => SemaSettings,
  ) {}

  /** Output notifications from the server, matched to the evaluation that printed them. */
  onOutput(p: EvalOutputParams): void {
    if (p.evalId && !this.active.has(p.evalId)) return;
    this.output.append(p.text);
  }

  get busy(): boolean {
    return this.active.size > 0;
  }

  cancelAll(): void {
    for (const s of this.active.values()) s.cancel();
  }

  /** With nothing selected, the current form (as Calva's Ctrl+Enter). */
  async evaluateSelection(editor: vscode.TextEditor): Promise<EvaluateResult | undefined> {
    if (editor.selection.isEmpty) return this.evaluateCurrentForm(editor);
    const c = await this.client.ensureStarted();
    return this.evaluate(editor.document, { textDocument: { uri: editor.document.uri.toString() }, range: c.code2ProtocolConverter.asRange(editor.selection) }, editor.selection);
  }

  async evaluateTopLevelForm(editor: vscode.TextEditor): Promise<EvaluateResult | undefined> {
    const c = await this.client.ensureStarted();
    const position = c.code2ProtocolConverter.asPosition(editor.selection.active);
    return this.evaluate(editor.document, { textDocument: { uri: editor.document.uri.toString() }, position }, new vscode.Range(editor.selection.active, editor.selection.active));
  }

  /** The innermost form at the cursor: the atom or collection under it, or the one just before it. */
  async evaluateCurrentForm(editor: vscode.TextEditor): Promise<EvaluateResult | undefined> {
    const c = await this.client.ensureStarted();
    const position = c.code2ProtocolConverter.asPosition(editor.selection.active);
    return this.evaluate(editor.document, { textDocument: { uri: editor.document.uri.toString() }, position, innermost: true }, new vscode.Range(editor.selection.active, editor.selection.active));
  }

  /** Every form of the document, in the session (its definitions stay for later evaluations). */
  async loadFile(editor: vscode.TextEditor): Promise<EvaluateResult | undefined> {
    const c = await this.client.ensureStarted();
    const doc = editor.document;
    const all = new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
    const end = new vscode.Range(all.end, all.end);
    return this.evaluate(doc, { textDocument: { uri: doc.uri.toString() }, range: c.code2ProtocolConverter.asRange(all) }, end);
  }

  /** The code lens command: its argument is an EvaluateParams with `position`. */
  async evaluateParams(params: EvaluateParams): Promise<EvaluateResult | undefined> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(params.textDocument.uri));
    const at = params.position ? new vscode.Position(params.position.line, params.position.character) : new vscode.Position(0, 0);
    return this.evaluate(doc, { textDocument: params.textDocument, ...(params.range ? { range: params.range } : { position: params.position ?? { line: 0, character: 0 } }) }, new vscode.Range(at, at));
  }

  async resetSession(doc?: vscode.TextDocument): Promise<void> {
    const c = await this.client.ensureStarted();
    await c.sendRequest(ResetSessionRequest, doc ? { textDocument: { uri: doc.uri.toString() } } : {});
    this.inline.clear();
    this.output.appendLine('[session reset: earlier definitions are gone]');
  }

  private async evaluate(doc: vscode.TextDocument, params: EvaluateParams, pendingAt: vscode.Range): Promise<EvaluateResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Sema: evaluation is disabled in untrusted workspaces.');
      return undefined;
    }
    const c = await this.client.ensureStarted();
    const evalId = `e${++nextId}`;
    const source = new vscode.CancellationTokenSource();
    this.active.set(evalId, source);
    void vscode.commands.executeCommand('setContext', 'sema.evaluating', true);
    this.inline.show(doc.uri, pendingAt, { text: pendingText(), hover: 'Evaluating…', isError: false });
    this.output.appendLine(`⏵ eval ${vscode.workspace.asRelativePath(doc.uri)}:${pendingAt.start.line + 1}`);
    try {
      const result = await c.sendRequest(EvaluateRequest, { ...params, evalId }, source.token);
      this.output.flush();
      const range = c.protocol2CodeConverter.asRange(result.range);
      const shown = formatResult(result, this.settings().inlineMaxLength);
      const errorRange = result.error?.range ? c.protocol2CodeConverter.asRange(result.error.range) : undefined;
      this.inline.removeAt(doc.uri, pendingAt.end.line);
      this.inline.show(doc.uri, range, shown, errorRange);
      if (result.sessionReset) this.output.appendLine('[the evaluation session was restarted: earlier definitions are gone]');
      this.output.appendLine(shown.isError ? `${shown.text}` : `${shown.text}  (${result.elapsedMs} ms)`);
      return result;
    } catch (err) {
      const cancelled = source.token.isCancellationRequested;
      const message = cancelled ? 'cancelled' : err instanceof Error ? err.message : String(err);
      this.inline.show(doc.uri, pendingAt, { text: '✖ ' + message, hover: message, isError: !cancelled });
      this.output.appendLine(`✖ ${message}`);
      return undefined;
    } finally {
      this.active.delete(evalId);
      source.dispose();
      if (!this.busy) void vscode.commands.executeCommand('setContext', 'sema.evaluating', false);
    }
  }
}
