// What an evaluation result looks like inline (one short line) and in its hover (the full text).
import type { EvaluateResult } from '../protocol';

export interface InlineResult {
  text: string;
  /** Markdown for the hover: the full value or error, untruncated. */
  hover: string;
  isError: boolean;
}

export function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').trim();
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, Math.max(1, max - 1)) + '…';
}

/** A fenced code block that no backtick run inside `text` can close early. */
export function codeBlock(text: string, lang = 'sema'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

const statusText: Record<EvaluateResult['status'], string> = {
  ok: '',
  error: 'error',
  cancelled: 'cancelled',
  timeout: 'timed out',
  untrusted: 'evaluation is disabled in untrusted workspaces',
  crashed: 'the evaluator crashed',
};

export function formatResult(result: EvaluateResult, maxLength: number): InlineResult {
  if (result.ok) {
    const value = result.value ?? 'nil';
    return { text: '=> ' + truncate(oneLine(value), maxLength), hover: codeBlock(value), isError: false };
  }
  const reason = statusText[result.status];
  const message = result.error?.message;
  const text = message ? (result.status === 'error' || !reason ? message : `${reason}: ${message}`) : reason || 'evaluation failed';
  return { text: '✖ ' + truncate(oneLine(text), maxLength), hover: codeBlock(text, 'text'), isError: true };
}

export function pendingText(): string {
  return '… evaluating';
}
