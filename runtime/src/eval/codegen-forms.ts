// The special forms the code-generation tier compiles itself: if, begin, when/unless,
// cond, and/or, let/let* (symbol bindings), named let (as a loop), while, do and set!.
// Anything else (and any malformed form, so that the closure compiler reports the error)
// goes to the closure compiler through `fallback`.

import type { Span } from '../reader/span';
import { NeedFrames, walksWithCdr, type Builder, type Dest, type Level } from './codegen-emit';
import { FusingEmitter } from './codegen-fuse';
import { Scope } from './scope';
import { Lambda, Sym, Vector, type Value } from './values';

const ELSE = Sym.of('else');
const PARAM_MARKERS = new Set(['.', '&', '&rest', '&optional']);
const LAMBDA = Sym.of('lambda');
const FN = Sym.of('fn');

export class Emitter extends FusingEmitter {
  protected override special(name: string, x: Value[], span: Span | undefined, dest: Dest): boolean {
    const c = this.c;
    const child = (i: number): Span | undefined => c.childSpan(x, i, span);
    switch (name) {
      case 'quote':
        if (x.length !== 2) return false;
        this.deliver(this.k(x[1]), dest);
        return true;
      case 'if': {
        if (x.length !== 3 && x.length !== 4) return false;
        const t = this.val(x[1]!, child(1));
        this.emit(`if (${t} !== null && ${t} !== false) {`);
        this.gen(x[2]!, child(2), dest);
        this.emit('} else {');
        if (x.length === 4) this.gen(x[3]!, child(3), dest);
        else this.deliver('null', dest);
        this.emit('}');
        return true;
      }
      case 'begin':
      case 'progn':
        this.body(x.slice(1), x, 1, span, dest);
        return true;
      case 'when':
      case 'unless': {
        if (x.length < 3) return false;
        const t = this.val(x[1]!, child(1));
        this.emit(`if (${name === 'when' ? '' : '!'}(${t} !== null && ${t} !== false)) {`);
        this.body(x.slice(2), x, 2, span, dest);
        this.emit('} else {');
        this.deliver('null', dest);
        this.emit('}');
        return true;
      }
      case 'cond':
        return this.cond(x, span, dest);
      case 'and':
      case 'or':
        return this.andOr(name === 'and', x, span, dest);
      case 'let':
        return x[1] instanceof Sym ? this.namedLet(x, span, dest) : this.let(x, span, dest);
      case 'let*':
        return this.letStar(x, span, dest);
      case 'set!':
        return this.set(x, span, dest);
      case 'while':
        return this.whileLoop(x, span, dest);
      case 'do':
        return this.doLoop(x, span, dest);
    }
    return false;
  }

  private cond(x: Value[], span: Span | undefined, dest: Dest): boolean {
    const clauses = x.slice(1);
    if (!clauses.every((cl) => Array.isArray(cl) && cl.length > 0)) return false;
    // Clauses after `else` are still compiled by the closure compiler (and may report errors).
    const elseAt = clauses.findIndex((cl) => (cl as Value[])[0] === ELSE);
    if (elseAt >= 0 && elseAt !== clauses.length - 1) return false;
    let open = 0;
    for (let i = 0; i < clauses.length; i++) {
      const clause = clauses[i] as Value[];
      const cs = this.c.childSpan(x, i + 1, span);
      const run = (): void => (clause.length === 1 ? this.deliver('true', dest) : this.body(clause.slice(1), clause, 1, cs, dest));
      if (i === elseAt) {
        run();
        break;
      }
      const t = this.val(clause[0]!, this.c.childSpan(clause, 0, cs));
      this.emit(`if (${t} !== null && ${t} !== false) {`);
      run();
      this.emit('} else {');
      open++;
    }
    if (elseAt < 0) this.deliver('null', dest);
    for (let i = 0; i < open; i++) this.emit('}');
    return true;
  }

  private andOr(isAnd: boolean, x: Value[], span: Span | undefined, dest: Dest): boolean {
    const parts = x.slice(1);
    if (parts.length === 0) {
      this.deliver(isAnd ? 'true' : 'false', dest);
      return true;
    }
    const last = parts.length - 1;
    for (let i = 0; i < last; i++) {
      const t = this.val(parts[i]!, this.c.childSpan(x, i + 1, span));
      this.emit(`if (${isAnd ? '' : '!'}(${t} === null || ${t} === false)) {`);
      this.deliver(t, dest);
      this.emit('} else {');
    }
    this.gen(parts[last]!, this.c.childSpan(x, last + 1, span), dest);
    for (let i = 0; i < last; i++) this.emit('}');
    return true;
  }

  /** `let`/`let*` bindings when every target is a symbol: [name, init, init span]. */
  private bindings(x: Value[], at: number, span: Span | undefined): [string, Value, Span | undefined][] | undefined {
    const raw = x[at];
    // (let bindings body...) and (let name bindings body...) need a body, as compiler.ts checks.
    if (x.length < at + 2 || !Array.isArray(raw)) return undefined;
    const bs = this.c.childSpan(x, at, span);
    const out: [string, Value, Span | undefined][] = [];
    for (let i = 0; i < raw.length; i++) {
      const b = raw[i];
      if (!Array.isArray(b) || b.length !== 2 || !(b[0] instanceof Sym)) return undefined;
      out.push([b[0].name, b[1]!, this.c.childSpan(b, 1, this.c.childSpan(raw, i, bs))]);
    }
    return out;
  }

  /** A binding's init; a lambda gets the bound name, as the closure compiler's compileNamed does. */
  private init(name: string, init: Value, span: Span | undefined): string {
    if (Array.isArray(init) && (init[0] === LAMBDA || init[0] === FN) && init.length >= 2 && !this.scope.lookup((init[0] as Sym).name)) {
      const t = this.tmp();
      this.emit(`let ${t};`);
      const scope = this.scope;
      this.fallback(init, span, t, () => this.c.compileLambda(name, init[1]!, init.slice(2), scope, this.c.spanOf(init, span), init, 2));
      return t;
    }
    return this.val(init, span);
  }

  private letBody(x: Value[], span: Span | undefined, dest: Dest, level: Level): void {
    const body = x.slice(2);
    this.c.prescanDefines(body, level.scope);
    this.levels.push(level);
    if (!this.frames && level.ids.length !== level.scope.names.length) throw new NeedFrames();
    this.body(body, x, 2, span, dest);
    this.levels.pop();
  }

  private let(x: Value[], span: Span | undefined, dest: Dest): boolean {
    const bindings = this.bindings(x, 1, span);
    if (bindings === undefined) return false;
    const values = bindings.map(([name, init, s]) => this.init(name, init, s));
    const scope = new Scope(this.scope);
    const level = this.newLevel(scope);
    bindings.forEach(([name], i) => this.bind(level, scope.add(name), values[i]!));
    this.letBody(x, span, dest, level);
    return true;
  }

  private letStar(x: Value[], span: Span | undefined, dest: Dest): boolean {
    const bindings = this.bindings(x, 1, span);
    if (bindings === undefined) return false;
    const scope = new Scope(this.scope);
    const level = this.newLevel(scope);
    this.levels.push(level);
    for (const [name, init, s] of bindings) {
      const value = this.init(name, init, s);
      this.bind(level, scope.add(name), value);
    }
    this.levels.pop();
    this.letBody(x, span, dest, level);
    return true;
  }

  /** `(while test body...)`: nil. (Interrupts: the shared tick, per iteration.) */
  private whileLoop(x: Value[], span: Span | undefined, dest: Dest): boolean {
    if (x.length < 3) return false;
    const label = `W${this.n++}`;
    this.emit(`${label}: for (;;) {`);
    const t = this.val(x[1]!, this.c.childSpan(x, 1, span));
    this.emit(`if (${t} === null || ${t} === false) break ${label};`);
    this.body(x.slice(2), x, 2, span, false);
    this.emit('TICK(I);');
    this.emit('}');
    this.deliver('null', dest);
    return true;
  }

  /**
   * `(do ((var init step)...) (test result...) body...)` in locals mode. The closure compiler
   * gives each iteration a fresh frame so closures capture that iteration's values; with no
   * closures (locals mode) plain variables updated together behave the same. Like the
   * closure compiler, sub-forms get the `do` form's span and nothing in it is a tail call.
   */
  private doLoop(x: Value[], span: Span | undefined, dest: Dest): boolean {
    const specs = x[1];
    const exit = x[2];
    if (this.frames || x.length < 3 || !Array.isArray(specs) || !Array.isArray(exit) || exit.length === 0) return false;
    const vars: { name: string; init: Value; step: Value | undefined }[] = [];
    for (const spec of specs) {
      const items = Array.isArray(spec) ? spec : spec instanceof Vector ? spec.items : undefined;
      if (!items || !(items[0] instanceof Sym) || items.length < 2 || items.length > 3) return false;
      vars.push({ name: items[0].name, init: items[1] ?? null, step: items[2] });
    }
    const inits = vars.map((v) => this.val(v.init, span));
    const scope = new Scope(this.scope);
    const level: Level = { scope, frame: '', ids: [] };
    vars.forEach((v, i) => {
      const id = `v${this.n++}`;
      level.ids[scope.add(v.name)] = id;
      this.emit(`let ${id} = ${inits[i]};`);
    });
    const label = `D${this.n++}`;
    const result = `t${this.n++}`;
    this.emit(`let ${result};`);
    this.levels.push(level);
    this.emit(`${label}: for (;;) {`);
    const t = this.val(exit[0]!, span);
    this.emit(`if (${t} !== null && ${t} !== false) {`);
    this.body(exit.slice(1), exit, 1, span, { to: result, brk: label });
    this.emit('}');
    this.body(x.slice(3), x, 3, span, false);
    const steps = vars.map((v) => (v.step === undefined ? undefined : this.val(v.step, span)));
    steps.forEach((step, i) => {
      if (step !== undefined) this.emit(`${level.ids[i]} = ${step};`);
    });
    this.emit('TICK(I);');
    this.emit('}');
    this.levels.pop();
    if (level.ids.length !== scope.names.length) throw new NeedFrames();
    this.deliver(result, dest);
    return true;
  }

  private set(x: Value[], span: Span | undefined, dest: Dest): boolean {
    const target = x[1];
    if (x.length !== 3 || !(target instanceof Sym)) return false;
    const local = this.scope.lookup(target.name);
    // set! gives the new value; on a global not defined yet it defines it (as compiler.ts does).
    const v = this.val(x[2]!, this.c.childSpan(x, 2, span));
    if (local) this.emit(`${this.slot(local, true)} = ${v};`);
    else this.emit(`${this.k(this.c.interp.cell(target.name))}.value = ${v};`);
    this.deliver(v, dest);
    return true;
  }

  /**
   * `(let name ((var init)...) body...)` as a JS loop, when `name` is only called in tail
   * position of the body (anything else needs the closure: NeedFrames, then the closure
   * compiler's named let). Depth, interrupt checks and error traces follow what calling
   * the named-let closure does: entered like a call, each iteration like a tail call.
   */
  private namedLet(x: Value[], span: Span | undefined, dest: Dest): boolean {
    if (this.frames || x.length < 4) return false;
    const name = (x[1] as Sym).name;
    const raw = x[2];
    if (!Array.isArray(raw)) return false;
    const bindings = this.bindings(x, 2, span);
    if (bindings === undefined || bindings.some(([b]) => PARAM_MARKERS.has(b))) return false;
    const bs = this.c.childSpan(x, 2, span);
    const inits = bindings.map(([, init], i) => this.val(init, this.c.childSpan(raw[i]!, 1, this.c.childSpan(raw, i, bs))));
    let body = x.slice(3);
    let first = 3;
    if (body.length > 1 && typeof body[0] === 'string') {
      body = body.slice(1); // a docstring, as compileLambda reads it
      first++;
    }
    const loopScope = new Scope(this.scope);
    loopScope.add(name);
    const paramScope = new Scope(loopScope);
    // Variables starting as '() and consed onto in the loop call become list builders.
    const builders = new Map<number, Builder>();
    bindings.forEach(([b, init], i) => {
      if (isEmptyListQuote(init) && consesOnto(body, name, i, b)) builders.set(i, { flag: `b${this.n++}`, buf: `u${this.n++}` });
    });
    const cursors = new Map<number, string>();
    bindings.forEach(([b], i) => {
      if (!builders.has(i) && walksWithCdr(body, name, i, b)) cursors.set(i, `o${this.n++}`);
    });
    const params: Level = { scope: paramScope, frame: '', ids: [], builders, cursors };
    for (const [b] of bindings) params.ids[paramScope.add(b)] = `v${this.n++}`;
    this.c.prescanDefines(body, paramScope);
    if (params.ids.length !== paramScope.names.length) throw new NeedFrames();
    const label = `M${this.n++}`;
    const site = `s${this.n++}`;
    const result = typeof dest === 'string' ? dest : `t${this.n++}`;
    const tail = dest === null;
    const bodyDest: Dest = tail ? null : { to: dest === false ? false : result, brk: label };
    const fnName = this.k(new Lambda(name, { required: bindings.map(([b]) => b), optional: [], rest: undefined }, undefined));
    const S = this.k(span);
    if (!tail && typeof dest !== 'string') this.emit(`let ${result};`);
    this.emit(`let ${site} = ${S};`);
    // A tail-position named let replaces the current call (no new depth); otherwise it is a call.
    if (!tail) this.emit(`if (++I.depth > I.maxDepth) throw I.annotate(DEPTH(I.maxDepth), ${fnName}, ${S});`);
    this.emit('TICK(I);');
    params.ids.forEach((id, i) => {
      const builder = builders.get(i);
      const cursor = cursors.get(i);
      this.emit(builder ? `let ${id} = null, ${builder.flag} = true; const ${builder.buf} = [];` : `let ${id} = ${inits[i]};${cursor ? ` let ${cursor} = 0;` : ''}`);
    });
    this.emit('try {');
    this.emit(`${label}: for (;;) {`);
    this.levels.push({ scope: loopScope, frame: '', ids: [], loop: { label, params, bodyDest, site } });
    this.levels.push(params);
    this.body(body, x, first, span, bodyDest);
    this.levels.pop();
    this.levels.pop();
    this.emit('}');
    // Errors get the trace entry the loop closure's call would add; in tail position the
    // caller's own entry is dropped, as the closure compiler's TailCall drops that frame.
    this.emit(`} catch (e) { throw ${tail ? 'TANN(I, e' : 'I.annotate(e'}, ${fnName}, ${site}); }`);
    if (!tail) {
      this.emit('finally { I.depth--; }');
      if (typeof dest === 'object' && dest !== null) this.deliver(result, dest);
    }
    return true;
  }
}

const QUOTE = Sym.of('quote');

function isEmptyListQuote(x: Value): boolean {
  return Array.isArray(x) && x.length === 2 && x[0] === QUOTE && Array.isArray(x[1]) && x[1].length === 0;
}

/** Whether `forms` contain `(loop ... (cons _ v) ...)` with the cons as argument `i`. */
function consesOnto(forms: readonly Value[], loop: string, i: number, v: string): boolean {
  const walk = (x: Value): boolean => {
    if (!Array.isArray(x)) return false;
    const arg = x[i + 1];
    if (x[0] instanceof Sym && x[0].name === loop && Array.isArray(arg) && arg.length === 3) {
      if (arg[0] instanceof Sym && arg[0].name === 'cons' && arg[2] instanceof Sym && arg[2].name === v) return true;
    }
    return x.some(walk);
  };
  return forms.some(walk);
}
