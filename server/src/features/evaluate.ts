// The evaluate request: picks the code (a range, or the top-level form at a position),
// runs it in the workspace session and maps the result back to document ranges.

import { fileURLToPath } from 'node:url';
import type { DocState } from '../documents';
import type { EvaluateParams, EvaluateResult } from '../protocol';
import type { EvalJob, HostResult } from '../eval-host/host';
import { innermostAt, topLevelAt } from './tree';

/** What evaluation needs of a session (the eval host, or a fake in tests). */
export interface Evaluator {
  evaluate(job: EvalJob): Promise<HostResult>;
}

/** The span to evaluate for `params`, or undefined when there is nothing there. */
export function evaluationSpan(doc: DocState, params: EvaluateParams): { start: number; end: number } | undefined {
  if (params.range) {
    const s = doc.pos.span(params.range);
    return s.end > s.start ? s : undefined;
  }
  if (params.position) {
    const offset = doc.pos.offset(params.position);
    const form = params.innermost ? innermostAt(doc.analysis.parse.nodes, offset) : topLevelAt(doc.analysis.parse.nodes, offset);
    return form?.span;
  }
  return undefined;
}

export async function evaluate(
  doc: DocState,
  params: EvaluateParams,
  session: Evaluator | undefined,
  onOutput: (stream: 'stdout' | 'stderr', text: string) => void,
  signal?: AbortSignal,
): Promise<EvaluateResult> {
  const span = evaluationSpan(doc, params) ?? { start: 0, end: 0 };
  const range = doc.pos.range(span);
  const base = { value: null, stdout: '', stderr: '', elapsedMs: 0, range };
  if (!session) {
    return { ...base, ok: false, status: 'untrusted', error: { message: 'Evaluation is disabled: the workspace is not trusted.' } };
  }
  if (span.end <= span.start) return { ...base, ok: false, status: 'error', error: { message: 'Nothing to evaluate here.' } };
  // Blank out everything before the form so error offsets are document offsets and
  // line numbers match, without evaluating the earlier forms.
  const text = doc.analysis.text;
  const code = text.slice(0, span.start).replace(/[^\r\n]/g, ' ') + text.slice(span.start, span.end);
  const file = filePath(doc.uri);
  const r = await session.evaluate({ code, ...(file ? { file } : {}), onOutput, ...(signal ? { signal } : {}) });
  const error = r.error
    ? { message: r.error.message, ...(r.error.start !== undefined ? { range: doc.pos.range({ start: r.error.start, end: r.error.end ?? r.error.start }) } : {}) }
    : null;
  const result: EvaluateResult = { ok: r.status === 'ok', value: r.value, stdout: r.stdout, stderr: r.stderr, error, elapsedMs: Math.round(r.elapsedMs * 10) / 10, range, status: r.status };
  return r.sessionReset ? { ...result, sessionReset: true } : result;
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
