// Shows evaluation results after the evaluated form (one truncated line, the full value on hover);
// errors in red and as diagnostics. Results of a document are dropped when it is edited.
import * as vscode from 'vscode';
import type { InlineResult } from './format-result';

interface Shown {
  range: vscode.Range;
  result: InlineResult;
}

export class InlineResults implements vscode.Disposable {
  private readonly valueType = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly errorType = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('errorForeground') },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  readonly diagnostics = vscode.languages.createDiagnosticCollection('sema-eval');
  private readonly byDoc = new Map<string, Shown[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.render(e))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.byDoc.has(e.document.uri.toString())) this.clear(e.document.uri);
      }),
    );
  }

  /** Shows `result` after `range` (replacing any earlier result ending on the same line). */
  show(uri: vscode.Uri, range: vscode.Range, result: InlineResult, errorRange?: vscode.Range): void {
    const key = uri.toString();
    const list = (this.byDoc.get(key) ?? []).filter((s) => s.range.end.line !== range.end.line);
    list.push({ range, result });
    this.byDoc.set(key, list);
    if (result.isError) {
      const d = new vscode.Diagnostic(errorRange ?? range, result.text.replace(/^✖ /, ''), vscode.DiagnosticSeverity.Error);
      d.source = 'sema eval';
      this.diagnostics.set(uri, [...(this.diagnostics.get(uri) ?? []), d]);
    }
    this.renderAll(uri);
    void vscode.commands.executeCommand('setContext', 'sema.hasInlineResults', true);
  }

  /** Removes the result shown at the end of `line` (e.g. an "evaluating" placeholder). */
  removeAt(uri: vscode.Uri, line: number): void {
    const list = this.byDoc.get(uri.toString());
    if (!list) return;
    this.byDoc.set(uri.toString(), list.filter((s) => s.range.end.line !== line));
    this.renderAll(uri);
  }

  clear(uri?: vscode.Uri): void {
    if (uri) {
      this.byDoc.delete(uri.toString());
      this.diagnostics.delete(uri);
      this.renderAll(uri);
    } else {
      const uris = [...this.byDoc.keys()];
      this.byDoc.clear();
      this.diagnostics.clear();
      for (const u of uris) this.renderAll(vscode.Uri.parse(u));
    }
    if (this.byDoc.size === 0) void vscode.commands.executeCommand('setContext', 'sema.hasInlineResults', false);
  }

  private renderAll(uri: vscode.Uri): void {
    for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === uri.toString()) this.render(e);
  }

  private render(editor: vscode.TextEditor): void {
    const shown = this.byDoc.get(editor.document.uri.toString()) ?? [];
    const options = (isError: boolean): vscode.DecorationOptions[] =>
      shown.filter((s) => s.result.isError === isError).map((s) => {
        const end = editor.document.lineAt(Math.min(s.range.end.line, editor.document.lineCount - 1)).range.end;
        const hover = new vscode.MarkdownString(s.result.hover);
        return { range: new vscode.Range(end, end), hoverMessage: hover, renderOptions: { after: { contentText: s.result.text } } };
      });
    editor.setDecorations(this.valueType, options(false));
    editor.setDecorations(this.errorType, options(true));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.valueType.dispose();
    this.errorType.dispose();
    this.diagnostics.dispose();
  }
}
