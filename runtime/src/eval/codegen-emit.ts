// Emits the JS source of one lambda body for the code-generation tier (codegen.ts).
// Every sub-expression's value lands in a fresh JS temporary, in evaluation order, so the
// generated code evaluates exactly what the closure compiler would, in the same order.
// Forms outside the supported subset are compiled by the closure compiler and called with
// the current frame; that needs real frames, so in "locals" mode (variables are JS locals)
// meeting one aborts with NeedFrames and the lambda is emitted again in "frames" mode,
// where every scope level is a Frame laid out exactly as the closure compiler lays it out.

import type { Span } from '../reader/span';
import { specialForms, type Compiler } from './compiler';
import { Scope, type LocalRef } from './scope';
import { Lambda, NativeFn, Sym, Vector, type Value } from './values';

export class NeedFrames extends Error {}

export interface GenRequest {
  readonly nreq: number;
  readonly scope: Scope;
  readonly body: readonly Value[];
  readonly parent: Value;
  readonly firstBodyIndex: number;
  readonly span: Span | undefined;
  /** Calls in tail position to this name may loop when they reach the same closure. */
  readonly selfName: string | undefined;
}

/** Leaving an inlined named-let loop with a value: store it (unless `to` is false), then break. */
interface Exit {
  readonly to: string | false;
  readonly brk: string;
}

/**
 * Where a value goes: `null` = return it (tail position: calls may return a TailCall), a temp
 * name, `false` = discard, or an Exit out of an inlined loop.
 */
type Dest = null | string | false | Exit;

/** An inlined named let: its loop variables and where its body's value goes. */
interface Loop {
  readonly label: string;
  readonly params: Level;
  readonly bodyDest: Dest;
  /** JS variable holding the span of the latest call into the loop (for error traces). */
  readonly site: string;
}

interface Level {
  readonly scope: Scope;
  /** Frames mode: JS variable holding this level's Frame. */
  readonly frame: string;
  /** Locals mode: JS variable for each slot. */
  readonly ids: string[];
  /** Set on the level holding an inlined named let's own name. */
  readonly loop?: Loop;
}

const ELSE = Sym.of('else');
const PARAM_MARKERS = new Set(['.', '&', '&rest', '&optional']);
const LAMBDA = Sym.of('lambda');
const FN = Sym.of('fn');

/**
 * Builtins inlined at call sites (only while the global still holds the builtin seen at
 * compile time): for argument expressions `a`, the condition under which the fast path
 * gives exactly the builtin's result, and that result; otherwise the builtin is called.
 * `s` is a scratch variable. Integers are JS numbers; `+ 0` turns -0 into 0.
 */
/** What compiler.ts inlines itself: its slow path is a plain call even in tail position. */
const CLOSURE_COMPILER_INLINES = new Set(['+', '-', '*', '<', '>', '<=', '>=', '=']);
const INLINE: Record<string, { arity: number; fast: (a: string[], s: string) => [string, string] }> = {};
const num2 = (a: string[]): string => `typeof ${a[0]} === 'number' && typeof ${a[1]} === 'number'`;
for (const op of ['+', '-', '*']) {
  INLINE[op] = { arity: 2, fast: (a, s) => [`${num2(a)} && Number.isSafeInteger(${s} = ${a[0]} ${op} ${a[1]} + 0)`, s] };
}
for (const [name, op] of [['<', '<'], ['>', '>'], ['<=', '<='], ['>=', '>='], ['=', '===']] as const) {
  INLINE[name] = { arity: 2, fast: (a) => [num2(a), `${a[0]} ${op} ${a[1]}`] };
}
const unary = (names: string[], fast: (x: string) => [string, string]): void => {
  for (const name of names) INLINE[name] = { arity: 1, fast: (a) => fast(a[0]!) };
};
unary(['not'], (x) => ['true', `(${x} === null || ${x} === false)`]);
unary(['car', 'first'], (x) => [`Array.isArray(${x}) && ${x}.length > 0`, `${x}[0]`]);
unary(['cdr', 'rest'], (x) => [`Array.isArray(${x}) && ${x}.length > 0`, `${x}.slice(1)`]);
unary(['null?'], (x) => [`Array.isArray(${x})`, `${x}.length === 0`]);
unary(['pair?'], (x) => ['true', `(Array.isArray(${x}) && ${x}.length > 0)`]);
unary(['cadr'], (x) => [`Array.isArray(${x}) && ${x}.length > 1`, `${x}[1]`]);
unary(['caddr'], (x) => [`Array.isArray(${x}) && ${x}.length > 2`, `${x}[2]`]);
unary(['abs'], (x) => [`Number.isSafeInteger(${x})`, `Math.abs(${x})`]);
unary(['zero?'], (x) => [`typeof ${x} === 'number'`, `${x} === 0`]);
unary(['even?'], (x) => [`typeof ${x} === 'number'`, `${x} % 2 === 0`]);
unary(['odd?'], (x) => [`typeof ${x} === 'number'`, `${x} % 2 !== 0`]);
INLINE['modulo'] = { arity: 2, fast: (a) => [`${num2(a)} && ${a[1]} !== 0`, `${a[0]} % ${a[1]} + 0`] };
INLINE['cons'] = { arity: 2, fast: (a) => [`Array.isArray(${a[1]})`, `CONS(${a[0]}, ${a[1]})`] };
INLINE['string-append'] = { arity: 2, fast: (a) => [`typeof ${a[0]} === 'string' && typeof ${a[1]} === 'string'`, `${a[0]} + ${a[1]}`] };
// Distinct non-identical symbols/keywords/atoms are never equal; anything else asks the builtin.
const atom = (x: string): string => `(typeof ${x} !== 'object' || ${x} === null || ${x} instanceof SYM || ${x} instanceof KW)`;
INLINE['eq?'] = { arity: 2, fast: (a) => [`${a[0]} === ${a[1]} || ${atom(a[0]!)} || ${atom(a[1]!)}`, `${a[0]} === ${a[1]}`] };

export class Emitter {
  readonly lines: string[] = [];
  readonly consts: unknown[] = [];
  /** Set when a self tail call was compiled to `continue L`. */
  looped = false;
  private readonly constIds = new Map<unknown, string>();
  private readonly levels: Level[] = [];
  private n = 0;

  constructor(
    private readonly c: Compiler,
    private readonly req: GenRequest,
    readonly frames: boolean,
    /** Macro expansions by form, shared by both attempts so a macro runs once per form. */
    private readonly expansions: Map<Value[], Value>,
  ) {}

  run(): void {
    const { scope, nreq, body, parent, firstBodyIndex, span } = this.req;
    const ids = Array.from({ length: nreq }, (_, i) => `p${i}`);
    this.levels.push({ scope, frame: 'f0', ids });
    this.body(body, parent, firstBodyIndex, span, null);
  }

  constDecls(): string {
    return this.consts.length ? `const ${this.consts.map((_, i) => `K${i} = K[${i}]`).join(', ')};` : '';
  }

  private k(v: unknown): string {
    let id = this.constIds.get(v);
    if (id === undefined) {
      id = `K${this.consts.length}`;
      this.consts.push(v);
      this.constIds.set(v, id);
    }
    return id;
  }

  private emit(line: string): void {
    this.lines.push(line);
  }

  private tmp(): string {
    return `t${this.n++}`;
  }

  private get scope(): Scope {
    return this.levels[this.levels.length - 1]!.scope;
  }

  private get frame(): string {
    return this.levels[this.levels.length - 1]!.frame;
  }

  private deliver(value: string, dest: Dest): void {
    if (dest === null) this.emit(`return ${value};`);
    else if (dest === false) this.emit(`${value};`);
    else if (typeof dest === 'string') this.emit(`${dest} = ${value};`);
    else this.emit(`${dest.to === false ? '' : `${dest.to} = `}${value}; break ${dest.brk};`);
  }

  /** Evaluates `x` now into a JS expression that is safe to use later (a temp or a constant). */
  private val(x: Value, span: Span | undefined): string {
    if (typeof x === 'number') return x < 0 || Object.is(x, -0) ? `(${x})` : String(x);
    if (x === null || typeof x === 'boolean') return String(x);
    if (typeof x === 'string' || (!Array.isArray(x) && !(x instanceof Sym) && !(x instanceof Vector) && typeof x === 'object' && x.kind !== 'map')) {
      return this.k(x);
    }
    if (x instanceof Sym) return this.ref(x, span);
    const t = this.tmp();
    this.emit(`let ${t};`);
    this.gen(x, span, t);
    return t;
  }

  private gen(x: Value, span: Span | undefined, dest: Dest): void {
    if (Array.isArray(x)) return this.list(x, this.c.spanOf(x, span), dest);
    if (x instanceof Vector) {
      const s = this.c.spanOf(x, span);
      const items = x.items.map((item, i) => this.val(item, this.c.childSpan(x, i, s)));
      return this.deliver(`new VEC([${items.join(', ')}])`, dest);
    }
    if (x !== null && typeof x === 'object' && !(x instanceof Sym) && x.kind === 'map') return this.fallback(x, span, dest);
    if (dest !== false) this.deliver(this.val(x, span), dest);
  }

  /**
   * A form compiled by the closure compiler, run with the current frame. In locals mode there
   * are no frames; a form that uses no local variable at all (say a lambda using only its own
   * parameters and globals) never reads its frame, so it runs with `null`; any other needs
   * frames. Forms mentioning a local's name are not compiled here at all (so that their macros
   * are expanded once, in frames mode); after compiling, the scope hit counts catch locals
   * reached some other way (a macro expanding to one) and internal defines adding slots.
   */
  private fallback(x: Value, span: Span | undefined, dest: Dest, code = () => this.c.compile(x, this.scope, dest === null, span)): void {
    if (!this.frames && this.mentionsLocal(x)) throw new NeedFrames();
    const chain: Scope[] = [];
    for (let s: Scope | null = this.scope; s !== null; s = s.parent) chain.push(s);
    const before = chain.map((s) => [s.hits, s.names.length]);
    const compiled = code();
    if (!this.frames && chain.some((s, i) => s.hits !== before[i]![0] || s.names.length !== before[i]![1])) throw new NeedFrames();
    this.deliver(`${this.k(compiled)}(${this.frames ? this.frame : 'null'})`, dest);
  }

  /** Whether any symbol in `x` (quoted or not) names a local variable visible here. */
  private mentionsLocal(x: Value): boolean {
    const names = new Set(this.scope.visibleNames());
    const walk = (v: Value): boolean => {
      if (v instanceof Sym) return names.has(v.name);
      if (Array.isArray(v)) return v.some(walk);
      if (v instanceof Vector) return v.items.some(walk);
      if (v !== null && typeof v === 'object' && v.kind === 'map') return [...v.table.values()].some(([k, val]) => walk(k) || walk(val));
      return false;
    };
    return walk(x);
  }

  private levelAt(depth: number): Level | undefined {
    return this.levels[this.levels.length - 1 - depth];
  }

  private slot(local: LocalRef): string {
    const { depth, index } = local;
    if (depth < this.levels.length) {
      const level = this.levelAt(depth)!;
      // An inlined loop has no closure to read: only calls in tail position can use its name.
      if (level.loop) throw new NeedFrames();
      if (this.frames) return `${level.frame}.v[${index}]`;
      const id = level.ids[index];
      if (id === undefined) throw new NeedFrames();
      return id;
    }
    return `env${'.up'.repeat(depth - this.levels.length)}.v[${index}]`;
  }

  private ref(x: Sym, span: Span | undefined): string {
    const t = this.tmp();
    const local = this.scope.lookup(x.name);
    const unbound = `throw I.unboundError(${this.k(x.name)}, ${this.k(this.scope)}, ${this.k(span)}, ${this.k(this.c.file)});`;
    if (local) {
      this.emit(`const ${t} = ${this.slot(local)};`);
      if (local.late) this.emit(`if (${t} === undefined) ${unbound}`);
    } else {
      this.emit(`const ${t} = ${this.k(this.c.interp.cell(x.name))}.value;`);
      this.emit(`if (${t} === undefined) ${unbound}`);
    }
    return t;
  }

  private body(forms: readonly Value[], parent: Value, first: number, span: Span | undefined, dest: Dest): void {
    if (forms.length === 0) return this.deliver('null', dest);
    forms.forEach((form, i) => this.gen(form, this.c.childSpan(parent, first + i, span), i === forms.length - 1 ? dest : false));
  }

  private list(x: Value[], span: Span | undefined, dest: Dest): void {
    if (x.length === 0) return this.deliver('[]', dest);
    const head = x[0]!;
    if (head instanceof Sym) {
      // Special forms cannot be shadowed (as in compiler.ts); macros can (macroFor checks).
      if (specialForms.has(head.name)) {
        if (!this.special(head.name, x, span, dest)) this.fallback(x, span, dest);
        return;
      }
      const macro = this.c.macroFor(head, this.scope);
      if (macro) {
        let expansion = this.expansions.get(x);
        if (expansion === undefined) {
          expansion = this.c.expandMacro(macro, x, span);
          this.expansions.set(x, expansion);
        }
        return this.gen(expansion, span, dest);
      }
    }
    this.call(x, span, dest);
  }

  /** Emits a supported special form; false (having emitted nothing) if unsupported or malformed. */
  private special(name: string, x: Value[], span: Span | undefined, dest: Dest): boolean {
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
        if (x.length < 2) return false;
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
  private bindings(x: Value[], span: Span | undefined): [string, Value, Span | undefined][] | undefined {
    const raw = x[1];
    if (x.length < 2 || !Array.isArray(raw)) return undefined;
    const bs = this.c.childSpan(x, 1, span);
    const out: [string, Value, Span | undefined][] = [];
    for (let i = 0; i < raw.length; i++) {
      const b = raw[i];
      if (!Array.isArray(b) || b.length < 1 || b.length > 2 || !(b[0] instanceof Sym)) return undefined;
      out.push([b[0].name, b.length === 2 ? b[1]! : null, this.c.childSpan(b, 1, this.c.childSpan(raw, i, bs))]);
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

  private newLevel(scope: Scope): Level {
    const frame = `f${this.levels.length}_${this.n++}`;
    if (this.frames) this.emit(`const ${frame} = new FR([], ${this.frame});`);
    return { scope, frame, ids: [] };
  }

  private bind(level: Level, index: number, value: string): void {
    if (this.frames) this.emit(`${level.frame}.v[${index}] = ${value};`);
    else {
      const id = `v${this.n++}`;
      this.emit(`let ${id} = ${value};`);
      level.ids[index] = id;
    }
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
    const bindings = this.bindings(x, span);
    if (bindings === undefined) return false;
    const values = bindings.map(([name, init, s]) => this.init(name, init, s));
    const scope = new Scope(this.scope);
    const level = this.newLevel(scope);
    bindings.forEach(([name], i) => this.bind(level, scope.add(name), values[i]!));
    this.letBody(x, span, dest, level);
    return true;
  }

  private letStar(x: Value[], span: Span | undefined, dest: Dest): boolean {
    const bindings = this.bindings(x, span);
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
    if (x.length < 2) return false;
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
      if (!items || !(items[0] instanceof Sym) || items.length > 3) return false;
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
    if (local) {
      const v = this.val(x[2]!, this.c.childSpan(x, 2, span));
      this.emit(`${this.slot(local)} = ${v};`);
    } else {
      const cell = this.k(this.c.interp.cell(target.name));
      const where = this.c.childSpan(x, 1, span);
      this.emit(`if (${cell}.value === undefined) throw I.unboundError(${this.k(target.name)}, ${this.k(this.scope)}, ${this.k(where)}, ${this.k(this.c.file)});`);
      const v = this.val(x[2]!, this.c.childSpan(x, 2, span));
      this.emit(`${cell}.value = ${v};`);
    }
    this.deliver('null', dest);
    return true;
  }

  private call(x: Value[], span: Span | undefined, dest: Dest): void {
    const head = x[0]!;
    const n = x.length - 1;
    const S = this.k(span);
    if (head instanceof Sym && !this.scope.lookup(head.name) && this.inline(head.name, x, span, dest)) return;
    if (head instanceof Sym && this.loopCall(head, x, span, dest)) return;
    const fn = this.val(head, this.c.childSpan(x, 0, span));
    const argList = x.slice(1).map((a, i) => this.val(a, this.c.childSpan(x, i + 1, span)));
    const args = argList.join(', ');
    if (dest === null) {
      if (head instanceof Sym && head.name === this.req.selfName && n === this.req.nreq) {
        // Same code and same captured frame: the same function, so loop instead of returning a TailCall.
        this.emit(`if (${fn} instanceof GC && ${fn}.direct === direct && ${fn}.env === env) {`);
        if (this.frames) this.emit(`f0 = new FR([${args}], env);`);
        else argList.forEach((a, i) => this.emit(`p${i} = ${a};`));
        this.emit(`site = ${S}; self = ${fn};`);
        this.emit('TICK(I);');
        this.emit('continue L;');
        this.emit('}');
        this.looped = true;
      }
      this.emit(`return new TC(${fn}, [${args}], ${S});`);
      return;
    }
    let r: string;
    if (typeof dest === 'string') r = dest;
    else {
      r = this.tmp();
      this.emit(`let ${r};`);
    }
    this.emit(`if (${fn} instanceof GC && ${fn}.arity === ${n}) {`);
    this.emit(`try { ${r} = ${fn}.direct(${fn}.env${n ? ', ' + args : ''}); } catch (e) { throw I.annotate(e, ${fn}, ${S}); }`);
    this.emit(`if (${r} instanceof TC) ${r} = RUN(I, ${r});`);
    this.emit(`} else ${r} = CALL(I, ${fn}, [${args}], ${S});`);
    if (typeof dest === 'object' && dest !== null) this.deliver(r, dest);
  }

  /** A call to an inlined named let's own name: in tail position of its body, the next iteration. */
  private loopCall(head: Sym, x: Value[], span: Span | undefined, dest: Dest): boolean {
    const local = this.scope.lookup(head.name);
    const loop = local && local.depth < this.levels.length ? this.levelAt(local.depth)!.loop : undefined;
    if (loop === undefined) return false;
    if (dest !== loop.bodyDest || x.length - 1 !== loop.params.ids.length) throw new NeedFrames();
    const args = x.slice(1).map((a, i) => this.val(a, this.c.childSpan(x, i + 1, span)));
    args.forEach((a, i) => this.emit(`${loop.params.ids[i]} = ${a};`));
    this.emit(`${loop.site} = ${this.k(span)};`);
    this.emit('TICK(I);');
    this.emit(`continue ${loop.label};`);
    return true;
  }

  /**
   * `(let name ((var init)...) body...)` as a JS loop, when `name` is only called in tail
   * position of the body (anything else needs the closure: NeedFrames, then the closure
   * compiler's named let). Depth, interrupt checks and error traces follow what calling
   * the named-let closure does: entered like a call, each iteration like a tail call.
   */
  private namedLet(x: Value[], span: Span | undefined, dest: Dest): boolean {
    if (this.frames || x.length < 3) return false;
    const name = (x[1] as Sym).name;
    const raw = x[2];
    if (!Array.isArray(raw)) return false;
    const bindings = this.bindings([x[0]!, raw], span);
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
    const params: Level = { scope: paramScope, frame: '', ids: [] };
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
    params.ids.forEach((id, i) => this.emit(`let ${id} = ${inits[i]};`));
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

  /** Inline fast path for a call to a global builtin, guarded by "the global still holds it". */
  private inline(name: string, x: Value[], span: Span | undefined, dest: Dest): boolean {
    const n = x.length - 1;
    const spec = name === 'list' ? { arity: n, fast: (a: string[]): [string, string] => ['true', `[${a.join(', ')}]`] } : INLINE[name];
    if (spec === undefined || spec.arity !== n) return false;
    const cell = this.c.interp.cell(name);
    const builtin = cell.value;
    if (!(builtin instanceof NativeFn) || builtin.name !== name) return false;
    const C = this.k(cell);
    const B = this.k(builtin);
    const S = this.k(span);
    const args = x.slice(1).map((a, i) => this.val(a, this.c.childSpan(x, i + 1, span)));
    const scratch = this.tmp();
    const [cond, fast] = spec.fast(args, scratch);
    const t = this.tmp();
    if (cond.includes(scratch)) this.emit(`let ${scratch};`);
    const guard = cond === 'true' ? `${C}.value === ${B}` : `${C}.value === ${B} && (${cond})`;
    if (dest === null && !CLOSURE_COMPILER_INLINES.has(name)) {
      // In tail position the slow path is a tail call, as it is without the inline fast path.
      this.emit(`return ${guard} ? ${fast} : new TC(${C}.value, [${args.join(', ')}], ${S});`);
      return true;
    }
    this.emit(`const ${t} = ${guard} ? ${fast} : I.invoke(${C}.value, [${args.join(', ')}], ${S});`);
    this.deliver(t, dest);
    return true;
  }
}
