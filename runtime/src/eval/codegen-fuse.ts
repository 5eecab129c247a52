// Fuses a pipeline of inlined list loops — `(foldl f 0 (filter g (map h xs)))`, which is
// also what `(->> xs (map h) (filter g) (foldl f 0))` expands to — into one JS loop with no
// intermediate lists, when every stage's lambda body is pure (codegen-pure.ts). A pure body
// calls nothing and cannot be seen to run, so running the stages element by element instead
// of list by list changes nothing observable; if any element needs a slow path (a type the
// inlined builtins do not handle, an overflow), the fused loop is abandoned and the stages
// run one after the other as written, from the start: the fused attempt left no trace.

import type { Span } from '../reader/span';
import type { Dest } from './codegen-emit';
import { HofEmitter, type Stage } from './codegen-hof';
import { Sym, type Value } from './values';

export abstract class FusingEmitter extends HofEmitter {
  protected override inlineLoop(name: string, x: Value[], span: Span | undefined, dest: Dest): boolean {
    return this.fused(name, x, span, dest) || super.inlineLoop(name, x, span, dest);
  }

  /** The stages of the pipeline ending in the call `x`, innermost first (only map/filter inside). */
  private pipeline(name: string, x: Value[], span: Span | undefined): Stage[] | undefined {
    const outer = this.stage(name, x, span);
    if (outer === undefined || outer.kind === 'for-each') return undefined;
    const chain = [outer];
    for (;;) {
      const st = chain[0]!;
      const last = st.x.length - 1;
      const inner = st.x[last];
      if (!Array.isArray(inner) || !(inner[0] instanceof Sym) || this.scope.lookup(inner[0].name)) break;
      const next = this.stage(inner[0].name, inner, this.c.spanOf(inner, this.c.childSpan(st.x, last, st.span)));
      if (next === undefined || (next.kind !== 'map' && next.kind !== 'filter')) break;
      chain.unshift(next);
    }
    return chain.length > 1 ? chain : undefined;
  }

  private fused(name: string, x: Value[], span: Span | undefined, dest: Dest): boolean {
    const chain = this.pipeline(name, x, span);
    if (chain === undefined) return false;
    const outer = chain[chain.length - 1]!;
    const id = (prefix: string): string => `${prefix}${this.n++}`;
    const [bail, i, items, acc, first, out] = ['P', 'i', 'l', 'a', 'f', 'o'].map(id) as [string, string, string, string, string, string];
    // Each stage's body, in terms of the JS variable holding the element it gets.
    const body: string[] = [];
    const guards: string[] = chain.map((st) => `${st.C}.value === ${st.B}`);
    let element = id('e');
    body.push(`const ${element} = ${items}[${i}];`);
    let value = '';
    for (const st of chain) {
      const vars = new Map<string, string>();
      const params = st.lambda.params;
      if (st.kind === 'fold' || st.kind === 'reduce') {
        vars.set(params[0]!, acc);
        vars.set(params[1]!, element);
      } else vars.set(params[0]!, element);
      // reduce starts from the first element that reaches it.
      if (st.kind === 'reduce') body.push(`if (${first}) { ${acc} = ${element}; ${first} = false; continue; }`);
      const pure = this.pure(st.lambda.body, vars, bail);
      if (pure === undefined) return false;
      guards.push(...pure.guards);
      body.push(...pure.lines);
      value = pure.value;
      if (st === outer) break;
      if (st.kind === 'map') {
        const next = id('e');
        body.push(`const ${next} = ${value};`);
        element = next;
      } else body.push(`if (${value} === null || ${value} === false) continue;`);
    }
    // Arguments in the order the calls evaluate them: the outer fold's init, then the list.
    const init = outer.kind === 'fold' ? this.val(outer.x[2]!, this.c.childSpan(outer.x, 2, outer.span)) : undefined;
    const inner = chain[0]!;
    const coll = this.val(inner.x[2]!, this.c.childSpan(inner.x, 2, inner.span));
    const r = id('r');
    const done = id('d');
    const collected = outer.kind === 'map' || outer.kind === 'filter';
    this.emit(`let ${r}, ${done} = false;`);
    this.emit(`const ${items} = ${[...new Set(guards)].join(' && ')} ? (Array.isArray(${coll}) ? ${coll} : ${coll} instanceof VEC ? ${coll}.items : undefined) : undefined;`);
    this.emit(`if (${items} !== undefined) ${bail}: {`);
    if (collected) this.emit(`const ${out} = [];`);
    if (outer.kind === 'fold') this.emit(`let ${acc} = ${init};`);
    if (outer.kind === 'reduce') this.emit(`let ${acc}, ${first} = true;`);
    this.emit(`for (let ${i} = 0; ${i} < ${items}.length; ${i}++) {`);
    // The interrupt tick first: `continue` (a filtered-out element) skips the end of the body.
    this.emit(`if ((${i} & 255) === 0) TICK(I);`);
    for (const line of body) this.emit(line);
    if (outer.kind === 'map') this.emit(`${out}.push(${value});`);
    else if (outer.kind === 'filter') this.emit(`if (${value} !== null && ${value} !== false) ${out}.push(${element});`);
    else this.emit(`${acc} = ${value};`);
    this.emit('}');
    if (outer.kind === 'reduce') this.emit(`if (${first}) break ${bail};`); // empty: the builtin's error
    this.emit(`${r} = ${collected ? out : acc}; ${done} = true;`);
    this.emit('}');
    this.emit(`if (${done}) {`);
    this.deliver(r, dest);
    this.emit('} else {');
    // As written: each stage on the list the one before made.
    let list = coll;
    for (const st of chain.slice(0, -1)) {
      const t = id('s');
      this.emit(`let ${t};`);
      this.emitStage(st, [list], t);
      list = t;
    }
    this.emitStage(outer, init === undefined ? [list] : [init, list], dest);
    this.emit('}');
    return true;
  }
}
