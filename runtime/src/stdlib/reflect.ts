// Sema reading, formatting and checking Sema: `read/string`, `read/all`, `format/form`,
// and `sema/check-string` / `sema/check-file`, which report problems as data
// (`{:ok bool :diagnostics (...)}`) so a program (or an agent) can repair code in a loop.

import { readFileSync } from 'node:fs';
import { SemaError } from '../eval/errors';
import type { Interpreter } from '../eval/interpreter';
import { describeError } from '../eval/format-error';
import { kw, type CallContext, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { read, LineIndex } from '../reader';
import type { Span } from '../reader/span';
import { printValue } from '../reader/printer';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str } from './text-args';
import { readForms } from './io';
import { osReason } from './file-io';
import { formatFormSource } from './form-format';

const map = (entries: Record<string, Value>): Value => mapFromPairs(Object.entries(entries).flatMap(([k, v]) => [kw(k), v]));

function result(ok: boolean, diagnostics: Value[]): Value {
  return map({ ok, diagnostics });
}

/** The error codes the reference gives each kind of failure. */
function codeOf(e: SemaError): string {
  switch (e.type) {
    case 'reader':
      return 'syntax';
    case 'unbound':
      return 'unbound-symbol';
    case 'arity':
      return 'arity';
    case 'type-error':
      return 'type';
    default:
      return 'error';
  }
}

/**
 * The span the reference reports: the delimiter for unbalanced ones (or too deep), the closing brace
 * for an odd map, and an empty span at the start of anything else.
 */
function referenceSpan(message: string, span: Span): Span {
  if (/^(unterminated (list|vector|map|bytevector)|unexpected closing)/.test(message)) return span;
  if (message.startsWith('input nested too deeply')) return { start: span.start, end: span.start + 1 };
  if (message.includes('even number of forms')) return { start: Math.max(span.start, span.end - 1), end: span.end };
  return { start: span.start, end: span.start };
}

function spanMap(index: LineIndex, span: Span): Value {
  const start = index.lineCol(span.start);
  const end = index.lineCol(span.end);
  return map({ line: start.line, col: start.col, 'end-line': end.line, 'end-col': end.col });
}

/**
 * Reads `source`, then compiles (without running) each form; the first problem becomes
 * the one diagnostic. Compiling uses the running interpreter's compiler, so macros the
 * program has defined expand as they would when it runs.
 */
export function checkSource(source: string, ctx: CallContext): Value {
  const r = read(source);
  const bad = r.diagnostics.find((d) => d.severity === 'error');
  if (bad !== undefined) {
    const index = new LineIndex(source);
    const span = referenceSpan(bad.message, bad.span);
    const { line, col } = index.lineCol(span.start);
    return result(false, [
      map({ level: kw('error'), code: 'syntax', message: `Reader error at ${line}:${col}: ${bad.message}`, span: spanMap(index, span) }),
    ]);
  }
  const compiler = (ctx.interp as Interpreter).compiler;
  const savedSpans = compiler.spans;
  compiler.spans = r.spans;
  try {
    r.forms.forEach((form, i) => compiler.compileTopLevel(form, r.formSpans[i]));
  } catch (e) {
    if (!(e instanceof SemaError)) throw e;
    return result(false, [map({ level: kw('error'), code: codeOf(e), message: describeError(e) })]);
  } finally {
    compiler.spans = savedSpans;
  }
  return result(true, []);
}

const builtins: BuiltinSpec[] = [
  fn('read/string', 1, 1, (args) => readForms(str('read/string', args, 0))[0] ?? null),
  fn('read/all', 1, 1, (args) => readForms(str('read/all', args, 0))),
  fn('format/form', 1, 1, (args) => {
    const printed = printValue(args[0] ?? null);
    return (formatFormSource(printed) ?? printed).trimEnd();
  }),
  fn('sema/check-string', 1, 1, (args, ctx) => checkSource(str('sema/check-string', args, 0), ctx)),
  fn('sema/check-file', 1, 1, (args, ctx) => {
    const path = str('sema/check-file', args, 0);
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch (e) {
      return result(false, [map({ level: kw('error'), code: 'io', message: `${path}: ${osReason(e)}` })]);
    }
    return checkSource(source, ctx);
  }),
];

export const reflectModule: StdlibModule = { name: 'reflect', builtins };
