// The scope walk: resolves every symbol occurrence to a local, a definition of this or an
// imported file, a builtin or a special form, records scopes for completion, and hands
// each call to the checks. Quoted data is skipped; quasiquote visits its unquotes only.

import type { Span, SyntaxNode } from '@sema/runtime/reader';
import type { Catalogue } from '../catalogue';
import type { Binding, Occurrence, Scope, Warning, ImportRef, OptionsMap } from './types';
import { CONTEXT_SYMBOLS, SPECIAL_FORMS } from './forms';
import { definitionBindings, headName } from './definitions';
import { matchPatternNames, paramList, patternNames, type BoundName } from './patterns';
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
  private readonly byNameStart = new Map<number, Binding>();
  private readonly check: CheckContext;

  constructor(
    readonly catalogue: Catalogue,
    readonly globals: ReadonlyMap<string, Binding>,
    definitions: readonly Binding[],
    readonly reportUnbound: boolean,
  ) {
    for (const d of definitions) this.byNameStart.set(d.nameSpan.start, d);
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

  private quasi(node: SyntaxNode): void {
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
  private readonly unboundMessages = new Map<string, string>();

  private unbound(name: string, span: Span): Warning {
    let message = this.unboundMessages.get(name);
    if (message === undefined) {
      const candidates = [...this.visibleNames(), ...this.catalogue.all().map((d) => d.name), ...SPECIAL_FORMS.keys()];
      const guess = closest(name, candidates);
      message = guess ? `unbound symbol \`${name}\` — did you mean \`${guess}\`?` : `unbound symbol \`${name}\``;
      this.unboundMessages.set(name, message);
    }
    return { message, span, code: 'unbound' };
  }

  private declare(b: Binding): void {
    this.occurrences.push({ name: b.name, span: b.nameSpan, binding: b, declaration: true, builtin: undefined, special: false, head: false });
  }

  private withScope(span: Span, bindings: Binding[], body: () => void): void {
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
  private bindHere(b: Binding): void {
    const scope = this.env[this.env.length - 1];
    if (!scope) return;
    scope.set(b.name, b);
    this.locals.push(b);
    this.declare(b);
    const rec = this.scopes[this.scopes.length - 1];
    if (rec) (rec.bindings as Binding[]).push(b);
  }

  private local(n: BoundName, form: SyntaxNode, binder: string, scope: Span, kind: Binding['kind'] = 'local'): Binding {
    return { name: n.name, kind, nameSpan: n.node.span, formSpan: form.span, global: false, binder, scope };
  }

  private body(nodes: readonly SyntaxNode[]): void {
    for (const n of nodes) this.expr(n);
  }

  private list(node: SyntaxNode): void {
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
      this.special(name, node);
      return;
    }
    this.ref(head, true);
    checkCall(this.check, name, bound, node);
    // Macros (user or builtin) and special forms this analysis has no rules for may bind
    // names in their operands that we cannot see.
    const entry = bound ? undefined : this.catalogue.lookup(name);
    const macro = bound?.kind === 'macro' || entry?.kind === 'macro' || entry?.kind === 'special-form';
    if (macro) this.macroDepth++;
    for (let i = 1; i < kids.length; i++) this.expr(kids[i]!);
    if (macro) this.macroDepth--;
  }

  private special(name: string, node: SyntaxNode): void {
    const a = node.children.slice(1);
    switch (name) {
      case 'quote':
        return;
      case 'quasiquote':
        if (a[0]) this.quasi(a[0]);
        return;
      case 'define':
      case 'def':
      case 'defun':
      case 'defn':
      case 'defmacro':
        return this.define(name, node, a);
      case 'lambda':
      case 'fn':
        return this.lambda(node, a[0], a.slice(1), name);
      case 'let':
      case 'let*':
      case 'letrec':
        return this.let(name, node, a);
      case 'do':
        return this.doLoop(node, a);
      case 'when-let':
      case 'if-let': {
        const spec = a[0];
        const init = spec?.children[1];
        if (init) this.expr(init);
        const names = spec && spec.children[0] ? patternNames(spec.children[0]) : [];
        this.withScope(node.span, names.map((n) => this.local(n, node, name, node.span)), () => this.body(a.slice(1)));
        return;
      }
      case 'as->': {
        if (a[0]) this.expr(a[0]);
        const names = a[1] ? patternNames(a[1]) : [];
        this.withScope(node.span, names.map((n) => this.local(n, node, name, node.span)), () => this.body(a.slice(2)));
        return;
      }
      case 'match':
      case 'match*':
        if (a[0]) this.expr(a[0]);
        for (const clause of a.slice(1)) {
          if (clause.kind !== 'list' || clause.children.length === 0) continue;
          const names = matchPatternNames(clause.children[0]!);
          this.withScope(clause.span, names.map((n) => this.local(n, clause, 'match', clause.span)), () => {
            const rest = clause.children.slice(1);
            const guard = rest[0]?.kind === 'symbol' && rest[0].text === 'when';
            this.body(guard ? rest.slice(1) : rest);
          });
        }
        return;
      case 'try':
        for (const f of a) {
          const h = headName(f);
          if (h === 'catch') {
            const v = f.children[1];
            const names = v ? patternNames(v) : [];
            this.withScope(f.span, names.map((n) => this.local(n, f, 'catch', f.span)), () => this.body(f.children.slice(2)));
          } else if (h === 'finally') this.body(f.children.slice(1));
          else this.expr(f);
        }
        return;
      case 'set!':
        for (const c of a) this.expr(c);
        return;
      case 'case':
        if (a[0]) this.expr(a[0]);
        for (const clause of a.slice(1)) if (clause.kind === 'list') this.body(clause.children.slice(1));
        return;
      case 'cond':
        for (const clause of a) if (clause.kind === 'list') this.body(clause.children);
        else this.expr(clause);
        return;
      case 'import':
      case 'load':
        for (const p of a) if (p.kind === 'string') this.imports.push({ path: p.text, span: p.span, kind: name });
        return;
      case 'module':
        for (const f of a.slice(1)) {
          if (headName(f) === 'export') for (const s of f.children.slice(1)) this.expr(s);
          else this.expr(f);
        }
        return;
      case 'prompt':
        for (const part of a) {
          const h = headName(part);
          if (h === 'system' || h === 'user' || h === 'assistant') this.body(part.children.slice(1));
          else this.expr(part);
        }
        return;
      case 'deftool':
      case 'defagent':
      case 'defmulti':
        this.declareTop(node);
        this.body(a.slice(1));
        return;
      case 'defmethod':
        this.body(a);
        return;
      case 'define-record-type':
        this.declareTop(node);
        return;
      default:
        this.body(a);
    }
  }

  /** Marks the names of a top-level definition form as declarations (internal: binds locally). */
  private declareTop(node: SyntaxNode): void {
    const inner = this.env.length > 0;
    for (const b of definitionBindings(node, !inner)) {
      if (inner) this.bindHere(b);
      else this.declare(this.byNameStart.get(b.nameSpan.start) ?? b);
    }
  }

  private define(name: string, node: SyntaxNode, a: SyntaxNode[]): void {
    this.declareTop(node);
    const target = a[0];
    if (!target) return;
    if ((name === 'define' || name === 'def') && target.kind === 'list') {
      const params = { ...target, children: target.children.slice(1) };
      this.lambda(node, params, a.slice(1), name);
      return;
    }
    if (name === 'define' || name === 'def') {
      this.body(a.slice(1));
      return;
    }
    this.lambda(node, a[1], a.slice(2), name);
  }

  private lambda(node: SyntaxNode, params: SyntaxNode | undefined, body: readonly SyntaxNode[], binder: string): void {
    const p = paramList(params);
    const bindings = p.names.map((n) => this.local(n, node, binder, node.span, 'parameter'));
    this.withScope(node.span, bindings, () => this.body(body));
  }

  private let(name: string, node: SyntaxNode, a: SyntaxNode[]): void {
    let spec = a[0];
    let body = a.slice(1);
    let loop: Binding | undefined;
    if (spec?.kind === 'symbol' && name === 'let') {
      const pairs = a[1] ? pairsOf(a[1]) : [];
      loop = { name: spec.text, kind: 'function', nameSpan: spec.span, formSpan: node.span, global: false, binder: 'named let', params: pairs.map((p) => p.target.text), scope: node.span };
      spec = a[1];
      body = a.slice(2);
    }
    const pairs = spec ? pairsOf(spec) : [];
    const bound = (p: { target: SyntaxNode }) => patternNames(p.target).map((n) => this.local(n, node, name, node.span));
    if (name === 'letrec') {
      this.withScope(node.span, pairs.flatMap(bound), () => {
        for (const p of pairs) if (p.init) this.expr(p.init);
        this.body(body);
      });
    } else if (name === 'let*') {
      this.withScope(node.span, [], () => {
        for (const p of pairs) {
          if (p.init) this.expr(p.init);
          for (const b of bound(p)) this.bindHere(b);
        }
        this.body(body);
      });
    } else {
      for (const p of pairs) if (p.init) this.expr(p.init);
      this.withScope(node.span, [...(loop ? [loop] : []), ...pairs.flatMap(bound)], () => this.body(body));
    }
  }

  private doLoop(node: SyntaxNode, a: SyntaxNode[]): void {
    const specs = a[0]?.kind === 'list' ? a[0].children : [];
    for (const s of specs) if (s.children[1]) this.expr(s.children[1]);
    const names = specs.flatMap((s) => (s.children[0] ? patternNames(s.children[0]) : []));
    this.withScope(node.span, names.map((n) => this.local(n, node, 'do', node.span)), () => {
      for (const s of specs) if (s.children[2]) this.expr(s.children[2]);
      if (a[1]) this.body(a[1].children);
      this.body(a.slice(2));
    });
  }
}

interface Pair {
  target: SyntaxNode;
  init?: SyntaxNode;
}

/** `((a 1) (b 2))` or Clojure-style `[a 1 b 2]`. */
export function pairsOf(spec: SyntaxNode): Pair[] {
  if (spec.kind === 'vector') {
    const out: Pair[] = [];
    for (let i = 0; i < spec.children.length; i += 2) {
      const init = spec.children[i + 1];
      out.push(init ? { target: spec.children[i]!, init } : { target: spec.children[i]! });
    }
    return out;
  }
  if (spec.kind !== 'list') return [];
  return spec.children
    .filter((c) => c.kind === 'list' && c.children.length > 0)
    .map((c) => (c.children[1] ? { target: c.children[0]!, init: c.children[1] } : { target: c.children[0]! }));
}

/** `%`, `%1`..`%9`, `%&` inside short lambdas. */
function isImplicit(name: string): boolean {
  return /^%(\d|&)?$/.test(name);
}


