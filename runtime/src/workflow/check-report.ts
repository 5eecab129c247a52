// How `sema workflow check` prints its findings (text or --json) and its exit status.

import type { Diagnostic } from './check';

function counts(diags: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diags.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diags.length - errors };
}

export function renderReport(file: string, diags: readonly Diagnostic[], json: boolean): string {
  const { errors, warnings } = counts(diags);
  if (json) {
    const diagnostics = diags.map((d) => ({ severity: d.severity, code: d.code, message: d.message, line: d.line ?? null, col: d.col ?? null, hint: d.hint ?? null }));
    return JSON.stringify({ file, errors, warnings, diagnostics }, null, 2);
  }
  const lines: string[] = [];
  for (const d of diags) {
    const loc = d.line === undefined ? file : `${file}:${d.line}:${d.col}`;
    lines.push(`${loc}: ${d.severity}[${d.code}]: ${d.message}`);
    if (d.hint !== undefined) lines.push(`  hint: ${d.hint}`);
  }
  lines.push(diags.length === 0 ? `${file}: ok — no issues found` : `${file}: ${errors} error(s), ${warnings} warning(s)`);
  return lines.join('\n');
}

/** 1 when an error was found (or, with `strict`, a warning), else 0. */
export function reportStatus(diags: readonly Diagnostic[], strict: boolean): number {
  const { errors, warnings } = counts(diags);
  return errors > 0 || (strict && warnings > 0) ? 1 : 0;
}
