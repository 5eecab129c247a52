// Terminal set-up guards (`term/with-alt-screen`, `term/with-mouse`, `io/with-raw-mode`):
// macros that run a body and always undo the set-up afterwards, even when the body
// throws, so a failing program cannot leave the terminal in raw mode or on the
// alternate screen. Each returns the body's value.

import { Macro, Sym, type Value } from '../values';
import type { Interpreter } from '../interpreter';

const s = (name: string): Sym => Sym.of(name);
const call = (name: string, ...args: Value[]): Value => [s(name), ...args];
const BODY = { required: [], optional: [], rest: 'body' };

/** `(let ((res (try (begin body...) (catch e undo... (throw e))))) undo... res)` */
function guarded(interp: Interpreter, body: Value[], undo: Value[]): Value {
  const res = s(interp.gensym('res'));
  const e = s(interp.gensym('e'));
  const attempt = [s('try'), [s('begin'), ...body], [s('catch'), e, ...undo, [s('throw'), e]]];
  return [s('let'), [[res, attempt]], ...undo, res];
}

export function installGuardMacros(interp: Interpreter): void {
  const def = (name: string, expand: (body: Value[]) => Value): void => interp.define(name, new Macro(name, BODY, expand));

  def('term/with-alt-screen', (body) => [
    s('begin'),
    call('term/enter-alt-screen'),
    call('term/hide-cursor'),
    guarded(interp, body, [call('term/show-cursor'), call('term/leave-alt-screen')]),
  ]);
  def('term/with-mouse', (body) => [s('begin'), call('term/enable-mouse'), guarded(interp, body, [call('term/disable-mouse')])]);
  def('io/with-raw-mode', (body) => {
    // io/tty-raw! gives nil when stdin is not a terminal: then there is nothing to restore.
    const token = s(interp.gensym('raw'));
    return [s('let'), [[token, call('io/tty-raw!')]], guarded(interp, body, [[s('when'), token, call('io/tty-restore!', token)]])];
  });
}
