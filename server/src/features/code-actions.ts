// Quick fixes: replace a misspelt name or option key with the "did you mean" suggestion
// carried by the diagnostic.

import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver-protocol';

export function codeActions(params: CodeActionParams): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    const suggestion = (d.data as { suggestion?: unknown } | undefined)?.suggestion;
    if (typeof suggestion !== 'string' || d.source !== 'sema') continue;
    out.push({
      title: `Change to \`${suggestion}\``,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [params.textDocument.uri]: [{ range: d.range, newText: suggestion }] } },
    });
  }
  return out;
}
