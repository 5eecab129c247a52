// The workflow DSL's macros: `defworkflow` (the form is the run), `phase` (a marker),
// `checkpoint` (delays its value so a resumed run can skip it) and `step`.

import { arityError, SemaError } from '../eval/errors';
import { Macro, Sym, type Value } from '../eval/values';
import type { Interpreter } from '../eval/interpreter';
import { stepLeaf, stepPrepare } from './step-leaf';

const s = (name: string): Sym => Sym.of(name);
const ANY = { required: [], optional: [], rest: 'forms' };

export function installWorkflowMacros(interp: Interpreter): void {
  const def = (name: string, expand: (args: Value[]) => Value): void => interp.define(name, new Macro(name, ANY, expand));

  def('defworkflow', (args) => {
    if (args.length < 3) {
      throw new SemaError('defworkflow: expected a name, a doc string and a meta map before the body', 'eval', {}, '(defworkflow name "doc" {:phases [...]} body...)');
    }
    const [name, doc, meta, ...body] = args as [Value, Value, Value, ...Value[]];
    if (!(name instanceof Sym)) throw new SemaError('defworkflow: the name must be a symbol', 'eval');
    return [s('workflow/run'), name.name, doc, meta, [s('lambda'), [], ...(body.length > 0 ? body : [null])]];
  });
  def('phase', (args) => {
    if (args.length !== 1) {
      const e = arityError('phase', '1', args.length);
      throw new SemaError(e.message, e.type, e.fields, 'phase is a marker, not a wrapper: write (phase "x") and put the body forms after it');
    }
    return [s('workflow/phase'), args[0]!];
  });
  def('checkpoint', (args) => {
    if (args.length === 1) return [s('workflow/checkpoint'), args[0]!];
    if (args.length === 2) return [s('workflow/checkpoint'), args[0]!, [s('fn'), [], args[1]!]];
    throw new SemaError('checkpoint takes 1 or 2 arguments', 'eval');
  });
  def('step', (args) => {
    if (args.length < 1 || args.length > 2) throw arityError('step', '1-2', args.length);
    // The options are evaluated before the prompt, as the reference does.
    const opts = s(interp.gensym('opts'));
    const prompt = s(interp.gensym('prompt'));
    return [
      s('let'),
      [
        [opts, args[1] ?? null],
        [prompt, args[0]!],
      ],
      [s('workflow/step'), [stepPrepare, prompt, opts], [s('fn'), [], [stepLeaf, prompt, opts]]],
    ];
  });
}
