// Console I/O: display/print/println/pprint/newline to the program's stdout (through
// the interpreter, never process.stdout), the stderr variants, stdin reads, and
// `read`/`read-many`, which parse text into values.

import { SemaError } from '../eval/errors';
import type { CallContext, Value } from '../eval/values';
import { read, LineIndex } from '../reader';
import { printValue } from '../reader/printer';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { aliases, str, textOf } from './text-args';
import { prettyPrint } from './pretty';
import { readAll, readLine, stdinAtEof } from './stdin';

function joined(args: readonly Value[], form: (v: Value) => string): string {
  return args.map(form).join(' ');
}

function out(ctx: CallContext, text: string): null {
  ctx.interp.writeOut(text);
  return null;
}

/** Every form in `text`; reader errors become one `reader` SemaError with line:col. */
export function readForms(text: string): Value[] {
  const r = read(text);
  const bad = r.diagnostics.find((d) => d.severity === 'error');
  if (bad !== undefined) {
    const { line, col } = new LineIndex(text).lineCol(bad.span.start);
    throw new SemaError(`${bad.message} at ${line}:${col}`, 'reader', {}, bad.hint);
  }
  return r.forms;
}

const builtins: BuiltinSpec[] = [
  fn('display', 0, -1, (args, ctx) => out(ctx, joined(args, textOf))),
  fn('print', 0, -1, (args, ctx) => out(ctx, joined(args, printValue))),
  fn('println', 0, -1, (args, ctx) => out(ctx, joined(args, textOf) + '\n')),
  fn('pprint', 1, 1, (args, ctx) => out(ctx, prettyPrint(args[0] ?? null, 80) + '\n')),
  fn('newline', 0, 0, (_args, ctx) => out(ctx, '\n')),
  ...aliases(
    fn('print-error', 0, -1, (args, ctx) => {
      ctx.interp.writeErr(joined(args, textOf));
      return null;
    }),
    'io/print-error',
  ),
  ...aliases(
    fn('println-error', 0, -1, (args, ctx) => {
      ctx.interp.writeErr(joined(args, textOf) + '\n');
      return null;
    }),
    'io/println-error',
  ),
  ...aliases(
    fn('read-line', 0, 0, () => readLine() ?? null),
    'io/read-line',
  ),
  ...aliases(
    fn('read-stdin', 0, 0, () => readAll()),
    'io/read-stdin',
  ),
  fn('io/flush', 0, 0, () => null),
  fn('io/eof?', 0, 0, () => stdinAtEof()),
  fn('read', 1, 1, (args) => readForms(str('read', args, 0))[0] ?? null),
  ...aliases(
    fn('read-many', 1, 1, (args) => readForms(str('read-many', args, 0))),
    'io/read-many',
  ),
];

export const ioModule: StdlibModule = { name: 'io', builtins };
