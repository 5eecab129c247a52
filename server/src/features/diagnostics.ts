// Parse errors (all of them, with recovery) and, when the file parses, analysis warnings.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import type { DocState } from '../documents';

export const SOURCE = 'sema';

export function diagnostics(doc: DocState, uri: string, maxProblems = 1000): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of doc.analysis.parse.diagnostics) {
    const diag: Diagnostic = {
      range: doc.pos.range(d.span),
      severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: SOURCE,
      code: 'syntax',
      message: d.hint ? `${d.message} (${d.hint})` : d.message,
    };
    if (d.related) {
      diag.relatedInformation = [{ location: { uri, range: doc.pos.range(d.related.span) }, message: d.related.message }];
    }
    out.push(diag);
  }
  for (const w of doc.analysis.warnings) {
    const diag: Diagnostic = { range: doc.pos.range(w.span), severity: DiagnosticSeverity.Warning, source: SOURCE, code: w.code, message: w.message };
    if (w.suggestion !== undefined) diag.data = { suggestion: w.suggestion };
    out.push(diag);
  }
  return out.slice(0, maxProblems);
}
