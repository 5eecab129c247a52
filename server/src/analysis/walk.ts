// The scope walk: resolves every symbol occurrence to a local, a definition of this or an
// imported file, a builtin or a special form, records scopes for completion, and hands
// each call to the checks. Quoted data is skipped; quasiquote visits its unquotes only.

import type { Span, SyntaxNode } from '@sema/runtime/reader';
import type { Catalogue } from '../catalogue';
import type { Binding, Occurrence, Scope, Warning, ImportRef, OptionsMap } from './types';
import { CONTEXT_SYMBOLS, SPECIAL_FORMS } from './forms';
import { definitionBindings } from './definitions';
import { paramList, type BoundName } from './patterns';
import { walkSpecial } from './binders';
import { checkCall, checkSpecialForm, type CheckContext } from './checks';
import { closest } from './similar';

export class Walker {
  readonly occurrences: Occurrence[] = [];
  readonly scopes: Scope[] = [];
  readonly locals: Binding[] = [];
  readonly warnings: Warning[] = [];
  readonly imports: ImportRef[] = [];
  readonly optionMaps: OptionsMap[] = [];
  /** Innermost last. */
  private readonly env: Map<string, Binding>[] = [];
  /** Inside calls of user macros, whose operands may bind names we cannot know. */
  private macroDepth = 0;
  /** Pre-collected top-level definitions by the start of their form. */
  private readonly byFormStart = new Map<number, Binding[]>();
  private readonly check: CheckContext;

  constructor(
    readonly catalogue: Catalogue,
    readonly globals: ReadonlyMap<string, Binding>,
    definitions: readonly Binding[],
    readonly reportUnbound: boolean,
  ) {
    for (const d of definitions) {
      const list = this.byFormStart.get(d.formSpan.start);
      if (list) list.push(d);
      else this.byFormStart.set(d.formSpan.start, [d]);
    }
    this.check = { catalogue, warn: (w) => this.warnings.push(w), resolve: (n) => this.resolve(n), optionMaps: this.optionMaps };
  }

  /** The binding `name` refers to here, if a user binding. */
  resolve(name: string): Binding | undefined {
    for (let i = this.env.length - 1; i >= 0; i--) {
      const b = this.env[i]!.get(name);
      if (b) return b;
    }
    return this.globals.get(name);
  }

  /** Names visible at the current point that look like `name`, for "did you mean". */
  visibleNames(): string[] {
    const out = new Set<string>(this.globals.keys());
    for (const scope of this.env) for (const k of scope.keys()) out.add(k);
    return [...out];
  }

  top(nodes: readonly SyntaxNode[]): void {
    for (const n of nodes) this.expr(n);
  }

  expr(node: SyntaxNode): void {
    switch (node.kind) {
      case 'symbol':
        this.ref(node, false);
        return;
      case 'list':
        this.list(node);
        return;
      case 'vector':
      case 'map':
      case 'bytevector':
      case 'fstring':
        for (const c of node.children) this.expr(c);
        return;
      case 'short-lambda':
        this.withScope(node.span, [], () => {
          this.list(node);
        });
        return;
      case 'quasiquote':
        if (node.children[0]) this.quasi(node.children[0]);
        return;
      case 'unquote':
      case 'unquote-splicing':
        if (node.children[0]) this.expr(node.children[0]);
        return;
      default:
        return;
    }
  }

  quasi(node: SyntaxNode): void {
    if (node.kind === 'unquote' || node.kind === 'unquote-splicing') {
      if (node.children[0]) this.expr(node.children[0]);
    } else if (node.kind !== 'quote' && node.kind !== 'quasiquote') {
      for (const c of node.children) this.quasi(c);
    }
  }

  private ref(node: SyntaxNode, head: boolean): void {
    const name = node.text;
    const binding = this.resolve(name);
    if (binding) {
      this.occurrences.push({ name, span: node.span, binding, declaration: false, builtin: undefined, special: false, head });
      return;
    }
    const builtin = this.catalogue.lookup(name);
    const special = head && SPECIAL_FORMS.has(name);
    this.occurrences.push({ name, span: node.span, binding: undefined, declaration: false, builtin, special, head });
    if (builtin || special || SPECIAL_FORMS.has(name) || CONTEXT_SYMBOLS.has(name) || isImplicit(name)) return;
    if (this.reportUnbound && this.macroDepth === 0) this.check.warn(this.unbound(name, node.span));
  }

  /** Suggestions are computed once per unbound name: a typo tends to repeat. */
  private readonly unboundGuesses = new Map<string, string | null>();

  private unbound(name: string, span: Span): Warning {
    let guess = this.unboundGuesses.get(name);
    if (guess === undefined) {
      const candidates = [...this.visibleNames(), ...this.catalogue.all().map((d) => d.name), ...SPECIAL_FORMS.keys()];
      guess = closest(name, candidates) ?? null;
      this.unboundGuesses.set(name, guess);
    }
    return guess
      ? { message: `unbound symbol \`${name}\` — did you mean \`${guess}\`?`, span, code: 'unbound', suggestion: guess }
      : { message: `unbound symbol \`${name}\``, span, code: 'unbound' };
  }

  private declare(b: Binding): void {
    this.occurrences.push({ name: b.name, span: b.nameSpan, binding: b, declaration: true, builtin: undefined, special: false, head: false });
  }

  withScope(span: Span, bindings: Binding[], body: () => void): void {
    const map = new Map<string, Binding>();
    for (const b of bindings) {
      map.set(b.name, b);
      this.locals.push(b);
      this.declare(b);
    }
    this.env.push(map);
    const record: Binding[] = [...bindings];
    this.scopes.push({ span, bindings: record });
    try {
      body();
    } finally {
      this.env.pop();
    }
  }

  /** Adds a binding to the innermost scope (internal define, let* step). */
  bindHere(b: Binding, declare = true): void {
    const scope = this.env[this.env.length - 1];
    if (!scope) return;
    scope.set(b.name, b);
    this.locals.push(b);
    if (declare) this.declare(b);
    const rec = this.scopes[this.scopes.length - 1];
    if (rec) (rec.bindings as Binding[]).push(b);
  }

  /** Internal definitions of bodies, bound before the body runs, by the start of their form. */
  private readonly prebound = new Map<number, Binding[]>();

  /**
   * A body (of a lambda, let, ...): its internal defines are visible throughout it, so
   * mutually recursive local functions resolve.
   */
  block(nodes: readonly SyntaxNode[]): void {
    for (const n of nodes) {
      const bs = n.kind === 'list' ? definitionBindings(n, false) : [];
      if (bs.length === 0) continue;
      this.prebound.set(n.span.start, bs);
      for (const b of bs) this.bindHere(b, false);
    }
    for (const n of nodes) this.expr(n);
  }

  local(n: BoundName, form: SyntaxNode, binder: string, scope: Span, kind: Binding['kind'] = 'local'): Binding {
    return { name: n.name, kind, nameSpan: n.node.span, formSpan: form.span, global: false, binder, scope };
  }

  body(nodes: readonly SyntaxNode[]): void {
    for (const n of nodes) this.expr(n);
  }

  /** Operands a threading macro will add to the next call walked (`(-> x (f y))`). */
  threadedArgs = 0;

  private list(node: SyntaxNode): void {
    const extra = this.threadedArgs;
    this.threadedArgs = 0;
    const kids = node.children;
    const head = kids[0];
    if (!head) return;
    if (head.kind !== 'symbol') {
      for (const c of kids) this.expr(c);
      return;
    }
    const name = head.text;
    const bound = this.resolve(name);
    if (!bound && SPECIAL_FORMS.has(name) && node.kind === 'list') {
      this.ref(head, true);
      checkSpecialForm(this.check, name, node);
      walkSpecial(this, name, node);
      return;
    }
    this.ref(head, true);
    checkCall(this.check, name, bound, node, extra);
    // Macros (user or builtin) and special forms this analysis has no rules for may bind
    // names in their operands that we cannot see.
    const entry = bound ? undefined : this.catalogue.lookup(name);
    const macro = bound?.kind === 'macro' || entry?.kind === 'macro' || entry?.kind === 'special-form';
    if (macro) this.macroDepth++;
    for (let i = 1; i < kids.length; i++) this.expr(kids[i]!);
    if (macro) this.macroDepth--;
  }

  /** Marks the names of a top-level definition form as declarations (internal: binds locally). */
  declareTop(node: SyntaxNode): void {
    if (this.env.length > 0) {
      const pre = this.prebound.get(node.span.start);
      if (pre) for (const b of pre) this.declare(b);
      else for (const b of definitionBindings(node, false)) this.bindHere(b);
      return;
    }
    for (const b of this.byFormStart.get(node.span.start) ?? definitionBindings(node, true)) this.declare(b);
  }

  lambda(node: SyntaxNode, params: SyntaxNode | undefined, body: readonly SyntaxNode[], binder: string): void {
    const p = paramList(params);
    const bindings = p.names.map((n) => this.local(n, node, binder, node.span, 'parameter'));
    this.withScope(node.span, bindings, () => this.block(body));
  }

}

/** `%`, `%1`..`%9`, `%&` inside short lambdas. */
function isImplicit(name: string): boolean {
  return /^%(\d|&)?$/.test(name);
}


