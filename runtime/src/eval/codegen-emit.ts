// Emits the JS source of one lambda body for the code-generation tier (codegen.ts).
// Every sub-expression's value lands in a fresh JS temporary, in evaluation order, so the
// generated code evaluates exactly what the closure compiler would, in the same order.
// Forms outside the supported subset are compiled by the closure compiler and called with
// the current frame; that needs real frames, so in "locals" mode (variables are JS locals)
// meeting one aborts with NeedFrames and the lambda is emitted again in "frames" mode,
// where every scope level is a Frame laid out exactly as the closure compiler lays it out.

import type { Span } from '../reader/span';
import { specialForms, type Compiler } from './compiler';
import type { LocalRef, Scope } from './scope';
import { NativeFn, Sym, Vector, type Value } from './values';
import { CLOSURE_COMPILER_INLINES, INLINE } from './codegen-inline';

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
  /** The body is not in tail position (a top-level expression): its calls are ordinary calls. */
  readonly notTail?: boolean;
}


/** Leaving an inlined named-let loop with a value: store it (unless `to` is false), then break. */
export interface Exit {
  readonly to: string | false;
  readonly brk: string;
}

/**
 * Where a value goes: `null` = return it (tail position: calls may return a TailCall), a temp
 * name, `false` = discard, or an Exit out of an inlined loop.
 */
export type Dest = null | string | false | Exit;

/** An inlined named let: its loop variables and where its body's value goes. */
export interface Loop {
  readonly label: string;
  readonly params: Level;
  readonly bodyDest: Dest;
  /** JS variable holding the span of the latest call into the loop (for error traces). */
  readonly site: string;
}

export interface Level {
  readonly scope: Scope;
  /** Frames mode: JS variable holding this level's Frame. */
  readonly frame: string;
  /** Locals mode: JS variable for each slot. */
  readonly ids: string[];
  /** Set on the level holding an inlined named let's own name. */
  readonly loop?: Loop;
  /** Named-let variables kept as list builders (see codegen-forms.ts `namedLet`), by slot. */
  readonly builders?: Map<number, Builder>;
  /**
   * Loop variables walked with `(loop ... (cdr v) ...)`, by slot: the variable holds a list
   * and this JS variable an offset into it; the value is the list from that offset, so
   * `cdr` in the loop call, `car`, `null?` and `pair?` need no copy.
   */
  readonly cursors?: Map<number, string>;
}

/**
 * A named-let variable that starts as '() and is updated by `(loop ... (cons x var) ...)`:
 * while `flag` is true its list is `buf` reversed (so each cons is a push, not a copy of
 * the whole list); reads get a fresh copy in list order. Any other update, or a `cons`
 * that is no longer the builtin, switches it to the plain variable for good.
 */
export interface Builder {
  readonly flag: string;
  readonly buf: string;
}

/**
 * The emitter's core: values, variables, calls and inlined builtins. The special forms it
 * compiles itself are in codegen-forms.ts (the Emitter subclass).
 */
export abstract class EmitterCore {
  readonly lines: string[] = [];
  /** Declarations placed before the self-tail-call loop. */
  readonly prologue: string[] = [];
  readonly consts: unknown[] = [];
  /** Set when a self tail call was compiled to `continue L`. */
  looped = false;
  protected readonly constIds = new Map<unknown, string>();
  protected readonly levels: Level[] = [];
  protected n = 0;

  constructor(
    protected readonly c: Compiler,
    protected readonly req: GenRequest,
    readonly frames: boolean,
    /** Macro expansions by form, shared by both attempts so a macro runs once per form. */
    protected readonly expansions: Map<Value[], Value>,
  ) {}

  run(): void {
    const { scope, nreq, body, parent, firstBodyIndex, span } = this.req;
    const ids = Array.from({ length: nreq }, (_, i) => `p${i}`);
    const cursors = new Map<number, string>();
    if (!this.frames && this.req.selfName !== undefined) {
      scope.names.forEach((p, i) => {
        if (walksWithCdr(body, this.req.selfName!, i, p)) cursors.set(i, `o${i}`);
      });
    }
    for (const o of cursors.values()) this.prologue.push(`let ${o} = 0;`);
    this.levels.push({ scope, frame: 'f0', ids, cursors });
    if (this.req.notTail) {
      this.emit('let result;');
      this.body(body, parent, firstBodyIndex, span, 'result');
      this.emit('return result;');
    } else this.body(body, parent, firstBodyIndex, span, null);
  }

  constDecls(): string {
    return this.consts.length ? `const ${this.consts.map((_, i) => `K${i} = K[${i}]`).join(', ')};` : '';
  }

  protected k(v: unknown): string {
    let id = this.constIds.get(v);
    if (id === undefined) {
      id = `K${this.consts.length}`;
      this.consts.push(v);
      this.constIds.set(v, id);
    }
    return id;
  }

  protected emit(line: string): void {
    this.lines.push(line);
  }

  protected tmp(): string {
    return `t${this.n++}`;
  }

  protected get scope(): Scope {
    return this.levels[this.levels.length - 1]!.scope;
  }

  protected get frame(): string {
    return this.levels[this.levels.length - 1]!.frame;
  }

  protected deliver(value: string, dest: Dest): void {
    if (dest === null) this.emit(`return ${value};`);
    else if (dest === false) this.emit(`${value};`);
    else if (typeof dest === 'string') this.emit(`${dest} = ${value};`);
    else this.emit(`${dest.to === false ? '' : `${dest.to} = `}${value}; break ${dest.brk};`);
  }

  /** Evaluates `x` now into a JS expression that is safe to use later (a temp or a constant). */
  protected val(x: Value, span: Span | undefined): string {
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

  protected gen(x: Value, span: Span | undefined, dest: Dest): void {
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
  protected fallback(x: Value, span: Span | undefined, dest: Dest, code = () => this.c.compile(x, this.scope, dest === null, span)): void {
    if (!this.frames && this.mentionsLocal(x)) throw new NeedFrames();
    const chain: Scope[] = [];
    for (let s: Scope | null = this.scope; s !== null; s = s.parent) chain.push(s);
    const before = chain.map((s) => [s.hits, s.names.length]);
    const compiled = code();
    if (!this.frames && chain.some((s, i) => s.hits !== before[i]![0] || s.names.length !== before[i]![1])) throw new NeedFrames();
    this.deliver(`${this.k(compiled)}(${this.frames ? this.frame : 'null'})`, dest);
  }

  /** Whether any symbol in `x` (quoted or not) names a local variable visible here. */
  protected mentionsLocal(x: Value): boolean {
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

  protected levelAt(depth: number): Level | undefined {
    return this.levels[this.levels.length - 1 - depth];
  }

  /** JS expression for a local variable's slot; `write` for an assignment target. */
  protected slot(local: LocalRef, write = false): string {
    const { depth, index } = local;
    if (depth < this.levels.length) {
      const level = this.levelAt(depth)!;
      // An inlined loop has no closure to read: only calls in tail position can use its name.
      if (level.loop) throw new NeedFrames();
      if (this.frames) return `${level.frame}.v[${index}]`;
      const id = level.ids[index];
      if (id === undefined) throw new NeedFrames();
      const cursor = level.cursors?.get(index);
      if (cursor !== undefined) {
        if (write) throw new NeedFrames(); // set! on a cursor: leave it to the closure compiler
        return `(${cursor} === 0 ? ${id} : ${id}.slice(${cursor}))`;
      }
      const builder = level.builders?.get(index);
      if (builder !== undefined) {
        if (write) throw new NeedFrames(); // set! on a builder: leave it to the closure compiler
        return `(${builder.flag} ? MAT(${builder.buf}) : ${id})`;
      }
      return id;
    }
    return `env${'.up'.repeat(depth - this.levels.length)}.v[${index}]`;
  }

  protected ref(x: Sym, span: Span | undefined): string {
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

  protected body(forms: readonly Value[], parent: Value, first: number, span: Span | undefined, dest: Dest): void {
    if (forms.length === 0) return this.deliver('null', dest);
    forms.forEach((form, i) => this.gen(form, this.c.childSpan(parent, first + i, span), i === forms.length - 1 ? dest : false));
  }

  protected list(x: Value[], span: Span | undefined, dest: Dest): void {
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

  protected call(x: Value[], span: Span | undefined, dest: Dest): void {
    const head = x[0]!;
    const n = x.length - 1;
    const S = this.k(span);
    if (head instanceof Sym && !this.scope.lookup(head.name) && (this.inline(head.name, x, span, dest) || this.inlineLoop(head.name, x, span, dest))) return;
    if (head instanceof Sym && this.loopCall(head, x, span, dest)) return;
    const fn = this.val(head, this.c.childSpan(x, 0, span));
    const self = dest === null && head instanceof Sym && head.name === this.req.selfName && n === this.req.nreq;
    const top = this.levels[0]!;
    const steps = new Map<number, string>();
    const argList = x.slice(1).map((a, i) => {
      const step = self ? this.cursorStep(a, top, i, this.c.childSpan(x, i + 1, span)) : undefined;
      if (step === undefined) return this.val(a, this.c.childSpan(x, i + 1, span));
      steps.set(i, step.advance);
      return step.value;
    });
    const args = argList.join(', ');
    if (dest === null) {
      if (self) {
        // Same code and same captured frame: the same function, so loop instead of returning a TailCall.
        this.emit(`if (${fn} instanceof GC && ${fn}.direct === direct && ${fn}.env === env) {`);
        if (this.frames) this.emit(`f0 = new FR([${args}], env);`);
        else argList.forEach((a, i) => this.emit(this.assignLoopVar(top, i, a, steps.get(i))));
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
  protected loopCall(head: Sym, x: Value[], span: Span | undefined, dest: Dest): boolean {
    const local = this.scope.lookup(head.name);
    const loop = local && local.depth < this.levels.length ? this.levelAt(local.depth)!.loop : undefined;
    if (loop === undefined) return false;
    if (dest !== loop.bodyDest || x.length - 1 !== loop.params.ids.length) throw new NeedFrames();
    const builders = loop.params.builders;
    const pushes = new Map<number, [string, string]>(); // slot -> [pushed value, "pushed?" flag]
    const steps = new Map<number, string>();
    const args = x.slice(1).map((a, i) => {
      const as = this.c.childSpan(x, i + 1, span);
      const builder = builders?.get(i);
      const cons = builder && this.consOnto(a, loop.params, i);
      const step = this.cursorStep(a, loop.params, i, as);
      if (step !== undefined) {
        steps.set(i, step.advance);
        return step.value;
      }
      if (!builder || !cons) return this.val(a, as);
      // (cons e var) onto the builder itself: a push, unless cons was redefined.
      const e = this.val(cons.item, this.c.childSpan(a, 1, as));
      const pushed = this.tmp();
      const result = this.tmp();
      const S = this.k(this.c.spanOf(a, as));
      this.emit(`const ${pushed} = ${builder.flag} && ${cons.cell}.value === ${cons.builtin};`);
      this.emit(`let ${result}; if (!${pushed}) ${result} = I.invoke(${cons.cell}.value, [${e}, ${builder.flag} ? MAT(${builder.buf}) : ${loop.params.ids[i]}], ${S});`);
      pushes.set(i, [e, pushed]);
      return result;
    });
    args.forEach((a, i) => {
      const builder = builders?.get(i);
      const id = loop.params.ids[i];
      const push = pushes.get(i);
      if (builder === undefined) this.emit(this.assignLoopVar(loop.params, i, a, steps.get(i)));
      else if (push === undefined) this.emit(`${id} = ${a}; ${builder.flag} = false;`);
      else this.emit(`if (${push[1]}) ${builder.buf}.push(${push[0]}); else { ${id} = ${a}; ${builder.flag} = false; }`);
    });
    this.emit(`${loop.site} = ${this.k(span)};`);
    this.emit('TICK(I);');
    this.emit(`continue ${loop.label};`);
    return true;
  }

  /** `(cdr v)` where `v` is cursor slot `index` of `level` and `cdr` the global builtin. */
  protected cursorStep(x: Value, level: Level, index: number, span: Span | undefined): { advance: string; value: string } | undefined {
    const o = level.cursors?.get(index);
    if (o === undefined || !Array.isArray(x) || x.length !== 2 || !(x[0] instanceof Sym) || x[0].name !== 'cdr' || !(x[1] instanceof Sym)) return undefined;
    if (this.scope.lookup('cdr')) return undefined;
    const local = this.scope.lookup(x[1].name);
    if (!local || local.depth >= this.levels.length || this.levelAt(local.depth) !== level || local.index !== index) return undefined;
    const cell = this.c.interp.cell('cdr');
    if (!(cell.value instanceof NativeFn) || cell.value.name !== 'cdr') return undefined;
    const C = this.k(cell);
    const id = level.ids[index]!;
    const advance = this.tmp();
    const value = this.tmp();
    // Advancing needs a non-empty list and the builtin cdr; otherwise cdr runs as usual.
    this.emit(`const ${advance} = ${C}.value === ${this.k(cell.value)} && Array.isArray(${id}) && ${o} < ${id}.length;`);
    this.emit(`let ${value}; if (!${advance}) ${value} = I.invoke(${C}.value, [${o} === 0 ? ${id} : ${id}.slice(${o})], ${this.k(this.c.spanOf(x, span))});`);
    return { advance, value: `(${advance} ? ${id}.slice(${o} + 1) : ${value})` };
  }

  /** Statement giving loop variable `index` of `level` its next value (see cursorStep). */
  protected assignLoopVar(level: Level, index: number, value: string, advance: string | undefined): string {
    const id = level.ids[index]!;
    const o = level.cursors?.get(index);
    if (o === undefined) return `${id} = ${value};`;
    if (advance === undefined) return `${id} = ${value}; ${o} = 0;`;
    return `if (${advance}) ${o}++; else { ${id} = ${value}; ${o} = 0; }`;
  }

  /** `(car v)`, `(null? v)`, `(pair? v)` on a cursor variable: read at the offset. */
  protected cursorInline(name: string, x: Value[], span: Span | undefined, dest: Dest, C: string, B: string): boolean {
    const v = x[1];
    if (!(v instanceof Sym) || (name !== 'car' && name !== 'null?' && name !== 'pair?')) return false;
    const local = this.scope.lookup(v.name);
    if (!local || local.depth >= this.levels.length) return false;
    const level = this.levelAt(local.depth)!;
    const o = level.cursors?.get(local.index);
    if (o === undefined || this.frames) return false;
    const id = level.ids[local.index]!;
    const fast = name === 'car' ? `${id}[${o}]` : name === 'null?' ? `${o} >= ${id}.length` : `${o} < ${id}.length`;
    this.emit(`if (${C}.value === ${B} && Array.isArray(${id})${name === 'car' ? ` && ${o} < ${id}.length` : ''}) {`);
    this.deliver(fast, dest);
    this.emit('} else {');
    this.inlineOn(name, INLINE[name]!, [this.ref(v, this.c.childSpan(x, 1, span))], span, dest, C, B);
    this.emit('}');
    return true;
  }

  /** `(cons item v)` where `v` is slot `index` of `level` and `cons` the global builtin. */
  protected consOnto(x: Value, level: Level, index: number): { item: Value; cell: string; builtin: string } | undefined {
    if (!Array.isArray(x) || x.length !== 3 || !(x[0] instanceof Sym) || x[0].name !== 'cons' || !(x[2] instanceof Sym)) return undefined;
    if (this.scope.lookup('cons')) return undefined;
    const local = this.scope.lookup(x[2].name);
    if (!local || local.depth >= this.levels.length || this.levelAt(local.depth) !== level || local.index !== index) return undefined;
    const cell = this.c.interp.cell('cons');
    const builtin = cell.value;
    if (!(builtin instanceof NativeFn) || builtin.name !== 'cons') return undefined;
    return { item: x[1]!, cell: this.k(cell), builtin: this.k(builtin) };
  }

  /** Inline fast path for a call to a global builtin, guarded by "the global still holds it". */
  protected inline(name: string, x: Value[], span: Span | undefined, dest: Dest): boolean {
    const n = x.length - 1;
    const spec = name === 'list' ? { arity: n, fast: (a: string[]): [string, string] => ['true', `[${a.join(', ')}]`] } : INLINE[name];
    if (spec === undefined || spec.arity !== n) return false;
    const cell = this.c.interp.cell(name);
    const builtin = cell.value;
    if (!(builtin instanceof NativeFn) || builtin.name !== name) return false;
    const C = this.k(cell);
    const B = this.k(builtin);
    if (n === 1 && this.cursorInline(name, x, span, dest, C, B)) return true;
    const args = x.slice(1).map((a, i) => this.val(a, this.c.childSpan(x, i + 1, span)));
    this.inlineOn(name, spec, args, span, dest, C, B);
    return true;
  }

  /** The inline fast path on evaluated arguments, else the builtin (`C` its cell, `B` it). */
  protected inlineOn(name: string, spec: { fast: (a: string[], s: string) => [string, string] }, args: string[], span: Span | undefined, dest: Dest, C: string, B: string): void {
    const S = this.k(span);
    const scratch = this.tmp();
    const [cond, fast] = spec.fast(args, scratch);
    const t = this.tmp();
    if (cond.includes(scratch)) this.emit(`let ${scratch};`);
    const guard = cond === 'true' ? `${C}.value === ${B}` : `${C}.value === ${B} && (${cond})`;
    if (dest === null && !CLOSURE_COMPILER_INLINES.has(name)) {
      // In tail position the slow path is a tail call, as it is without the inline fast path.
      this.emit(`return ${guard} ? ${fast} : new TC(${C}.value, [${args.join(', ')}], ${S});`);
      return;
    }
    this.emit(`const ${t} = ${guard} ? ${fast} : I.invoke(${C}.value, [${args.join(', ')}], ${S});`);
    this.deliver(t, dest);
  }

  /** Emits a call to a list builtin with a lambda written in place as a loop (codegen-hof.ts); false if not one. */
  protected abstract inlineLoop(name: string, x: Value[], span: Span | undefined, dest: Dest): boolean;

  /** Emits a supported special form; false (having emitted nothing) if unsupported or malformed. */
  protected abstract special(name: string, x: Value[], span: Span | undefined, dest: Dest): boolean;
}

/** Whether `forms` contain `(loop ... (cdr v) ...)` with the cdr as argument `i`. */
export function walksWithCdr(forms: readonly Value[], loop: string, i: number, v: string): boolean {
  const walk = (x: Value): boolean => {
    if (!Array.isArray(x)) return false;
    const arg = x[i + 1];
    if (x[0] instanceof Sym && x[0].name === loop && Array.isArray(arg) && arg.length === 2) {
      if (arg[0] instanceof Sym && arg[0].name === 'cdr' && arg[1] instanceof Sym && arg[1].name === v) return true;
    }
    return x.some(walk);
  };
  return forms.some(walk);
}
