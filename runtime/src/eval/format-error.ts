// Turns a SemaError into the text users see: the reference's "Error: ..." line, the
// location as file:line:col with the source line and a caret, the call trace and a hint.

import { LineIndex } from '../reader/line-index';
import { printValue } from '../reader/printer';
import { SemaError, UserThrow } from './errors';
import { readFileSync } from 'node:fs';

/** The one-line description, as the reference's error Display prints it. */
export function describeError(e: SemaError): string {
  switch (e.type) {
    case 'eval':
      return `Eval error: ${e.message}`;
    case 'type-error':
      return `Type error: ${e.message}`;
    case 'arity':
      return `Arity error: ${e.message}`;
    case 'unbound':
      return e.message;
    case 'reader':
      return `Reader error: ${e.message}`;
    case 'io':
      return `IO error: ${e.message}`;
    case 'user':
      return `User exception: ${e instanceof UserThrow ? printValue(e.value) : e.message}`;
    default:
      return e.type.startsWith('llm') ? `LLM error: ${e.message}` : e.message;
  }
}

function sourceOf(file: string | undefined, text: string | undefined): string | undefined {
  if (text !== undefined) return text;
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export interface ErrorPosition {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** 1-based line/col of the error, if it has a location. `text` is the source when not a file. */
export function errorPosition(e: SemaError, text?: string): ErrorPosition | undefined {
  const loc = e.location;
  if (!loc) return undefined;
  const src = sourceOf(loc.file, loc.file === undefined || text !== undefined ? text : undefined);
  if (src === undefined) return undefined;
  const { line, col } = new LineIndex(src).lineCol(loc.span.start);
  return { file: loc.file ?? '<input>', line, col };
}

const SNIPPET_WIDTH = 100;

/** A long source line is cut to a window around the error column (marked with `...`). */
function snippetWindow(line: string, col: number): { text: string; caret: number } {
  if (line.length <= SNIPPET_WIDTH) return { text: line, caret: col };
  const from = Math.max(0, Math.min(col - SNIPPET_WIDTH / 2, line.length - SNIPPET_WIDTH));
  const prefix = from > 0 ? '...' : '';
  const suffix = from + SNIPPET_WIDTH < line.length ? '...' : '';
  return { text: prefix + line.slice(from, from + SNIPPET_WIDTH) + suffix, caret: col - from + prefix.length };
}

/**
 * Full report for stderr. `text` is the evaluated source when it did not come from a
 * file (`-e`, stdin); otherwise the file named by the error's location is read.
 */
export function formatError(e: unknown, text?: string): string {
  if (!(e instanceof SemaError)) return `Error: ${e instanceof Error ? e.message : String(e)}`;
  const lines = [`Error: ${describeError(e)}`];
  const loc = e.location;
  if (loc) {
    const src = loc.file !== undefined ? sourceOf(loc.file, undefined) ?? text : text;
    if (src !== undefined) {
      const idx = new LineIndex(src);
      const { line, col } = idx.lineCol(loc.span.start);
      const start = idx.lineStart(line);
      const end = line < idx.lineCount ? idx.lineStart(line + 1) : src.length;
      const { text: sourceLine, caret } = snippetWindow(src.slice(start, end).replace(/\r?\n$/, ''), col - 1);
      const gutter = ' '.repeat(String(line).length);
      lines.push(`  --> ${loc.file ?? '<input>'}:${line}:${col}`);
      lines.push(`  ${gutter} |`);
      lines.push(`  ${line} | ${sourceLine}`);
      lines.push(`  ${gutter} | ${' '.repeat(Math.max(0, caret))}^`);
    }
  }
  for (const t of e.trace.slice(1, 11)) {
    if (!t.location) continue;
    const src = t.location.file !== undefined ? sourceOf(t.location.file, undefined) : text;
    if (src === undefined) continue;
    const { line, col } = new LineIndex(src).lineCol(t.location.span.start);
    lines.push(`  at ${t.name} (${t.location.file ?? '<input>'}:${line}:${col})`);
  }
  if (e.hint) lines.push(`  hint: ${e.hint}`);
  return lines.join('\n');
}
