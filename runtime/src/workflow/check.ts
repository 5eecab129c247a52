// `sema workflow check`: a static validator for workflow files. It reads the source and
// looks at the forms — nothing is evaluated, no provider is touched, no file written.
// Marker checks fire only inside a `defworkflow` body, so an ordinary library that
// happens to define `phase` or `parallel` is left alone. Arities follow the runtime's.

import { read, LineIndex, type Span, type SpanTable } from '../reader';
import { Keyword, SemaHashMap, SemaMap, Sym, Vector, type Value } from '../eval/values';
import { mapGet } from '../eval/equality';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly line?: number;
  readonly col?: number;
  readonly hint?: string;
}

/** Body endings whose value is only known at run time: no W-NO-STATUS for them. */
const CONTROL_FLOW = new Set(['let', 'let*', 'letrec', 'do', 'begin', 'if', 'when', 'unless', 'cond', 'case', 'match']);

const kw = (name: string): Keyword => Keyword.of(name);
const isMap = (v: Value): v is SemaMap | SemaHashMap => v instanceof SemaMap || v instanceof SemaHashMap;
const seqOf = (v: Value): Value[] | undefined => (Array.isArray(v) ? v : v instanceof Vector ? v.items : undefined);
const nameOf = (v: Value | undefined): string | undefined => (typeof v === 'string' ? v : v instanceof Keyword ? v.name : undefined);

/** The items of a list whose head is a symbol, with that symbol's name. */
function headed(form: Value): { head: string; items: Value[] } | undefined {
  if (!Array.isArray(form) || !(form[0] instanceof Sym)) return undefined;
  return { head: form[0].name, items: form };
}

class Checker {
  readonly out: Diagnostic[] = [];
  private readonly lines: LineIndex;

  constructor(
    text: string,
    private readonly spans: SpanTable,
  ) {
    this.lines = new LineIndex(text);
  }

  /** Only lists and vectors are anchored: a map is reported at its enclosing list. */
  at(form: Value | undefined): Span | undefined {
    return form !== undefined && seqOf(form) !== undefined ? this.spans.of(form) : undefined;
  }

  add(severity: Severity, span: Span | undefined, code: string, message: string, hint?: string): void {
    const pos = span === undefined ? {} : this.lines.lineCol(span.start);
    this.out.push({ severity, code, message, ...pos, ...(hint !== undefined ? { hint } : {}) });
  }

  findWorkflows(form: Value): void {
    const h = headed(form);
    if (h?.head === 'defworkflow') return this.workflow(h.items, form);
    for (const sub of seqOf(form) ?? []) this.findWorkflows(sub);
  }

  private workflow(items: Value[], form: Value): void {
    const span = this.at(form);
    if (items.length < 4) {
      this.add('error', span, 'E-WF-SHAPE', 'defworkflow needs a name, a doc string, a meta map, and a body', '(defworkflow name "doc" {:phases [...]} body…)');
      return;
    }
    if (!(items[1] instanceof Sym)) this.add('error', span, 'E-WF-NAME', 'defworkflow name must be a bare symbol');
    if (typeof items[2] !== 'string') this.add('warning', span, 'W-WF-DOC', 'defworkflow doc should be a string');
    const meta = items[3]!;
    if (!isMap(meta)) this.add('error', span, 'E-WF-META', 'defworkflow meta must be a map (e.g. {:phases [...] :budget {...}})');
    const body = items.slice(4);
    if (isMap(meta)) this.phasePlan(meta, body, span);
    this.ending(body, span);
    for (const f of body) this.markers(f);
  }

  /** Declared `:phases` against the phases the body opens at its top level. */
  private phasePlan(meta: SemaMap | SemaHashMap, body: Value[], span: Span | undefined): void {
    const plan = mapGet(meta, kw('phases'));
    if (plan === undefined) return;
    const declared = (seqOf(plan) ?? []).map(nameOf).filter((n): n is string => n !== undefined);
    // Only top-level markers surely run once; one inside a function may run any number of times.
    const opened: { label: string; form: Value }[] = [];
    for (const f of body) {
      const h = headed(f);
      if (h?.head === 'phase' && typeof h.items[1] === 'string') opened.push({ label: h.items[1], form: f });
    }
    for (const d of declared) {
      if (!opened.some((o) => o.label === d)) {
        this.add('warning', span, 'W-PHASE-UNUSED', `phase ${JSON.stringify(d)} is declared in :phases but never opened with (phase ${JSON.stringify(d)})`);
      }
    }
    for (const o of opened) {
      if (!declared.includes(o.label)) {
        this.add('warning', this.at(o.form), 'W-PHASE-UNDECL', `phase ${JSON.stringify(o.label)} is opened but not declared in :phases (the dashboard won't show it up front)`);
      }
    }
  }

  /** The body's last form should be the `{:status ...}` envelope. */
  private ending(body: Value[], span: Span | undefined): void {
    const last = body[body.length - 1];
    if (last === undefined) return;
    const status = isMap(last) && mapGet(last, kw('status')) !== undefined;
    const head = headed(last)?.head;
    if (status || (head !== undefined && CONTROL_FLOW.has(head))) return;
    this.add('warning', this.at(last) ?? span, 'W-NO-STATUS', 'workflow body should end in a {:status …} map (the run result envelope)', 'e.g. {:status :success :result …}');
  }

  private markers(form: Value): void {
    const h = headed(form);
    if (h !== undefined) this.marker(h.head, h.items, this.at(form));
    for (const sub of seqOf(form) ?? []) this.markers(sub);
  }

  private marker(head: string, items: Value[], span: Span | undefined): void {
    const argc = items.length - 1;
    switch (head) {
      case 'phase':
        if (argc !== 1) {
          this.add('error', span, 'E-PHASE-ARITY', `phase takes exactly 1 argument (its label), got ${argc}`, 'phase is a marker, not a wrapper: write (phase "x") then the body forms as siblings');
        } else if (typeof items[1] !== 'string') this.add('warning', span, 'W-PHASE-LABEL', 'phase label should be a string');
        return;
      case 'checkpoint':
        if (argc < 1 || argc > 2) this.add('error', span, 'E-CKPT-ARITY', `checkpoint takes 1 or 2 arguments, got ${argc}`);
        else if (nameOf(items[1]) === undefined) this.add('warning', span, 'W-CKPT-KEY', 'checkpoint key should be a keyword or string');
        return;
      case 'step':
        if (argc < 1) this.add('error', span, 'E-STEP-ARITY', 'step needs at least a prompt argument');
        else if (items[2] !== undefined && isMap(items[2])) this.stepOptions(items[2], span);
        return;
      case 'parallel':
      case 'pipeline':
        if (argc < 1) this.add('warning', span, 'W-FANOUT-ARITY', `${head} expects at least one argument`);
        return;
    }
  }

  private stepOptions(opts: SemaMap | SemaHashMap, span: Span | undefined): void {
    const name = mapGet(opts, kw('name'));
    if (name !== undefined && typeof name !== 'string') this.add('warning', span, 'W-STEP-NAME', 'step :name should be a string');
    const tools = mapGet(opts, kw('tools'));
    if (tools !== undefined && seqOf(tools) === undefined) this.add('warning', span, 'W-STEP-TOOLS', 'step :tools should be a list/vector of tools');
    if (mapGet(opts, kw('agent')) === undefined) return;
    // A defagent brings its own tools and model: inline ones would be ignored.
    if (tools !== undefined) this.add('warning', span, 'W-STEP-AGENT-TOOLS', 'step :agent owns its own tools; inline :tools is ignored');
    if (mapGet(opts, kw('model')) !== undefined) this.add('warning', span, 'W-STEP-AGENT-MODEL', 'step :agent owns its own model; inline :model is ignored');
  }
}

/** Diagnostics for workflow source `text`: read errors first, then findings in source order. */
export function checkSource(text: string): Diagnostic[] {
  const { forms, spans, diagnostics } = read(text);
  const checker = new Checker(text, spans);
  for (const d of diagnostics) if (d.severity === 'error') checker.add('error', d.span, 'E-PARSE', d.message);
  for (const form of forms) checker.findWorkflows(form);
  return checker.out;
}

/**
 * The `:permissions` strings of the file's `defworkflow` forms (quoted templates skipped),
 * or an error message when one is not a string.
 */
export function declaredPermissions(text: string): string[] | { error: string } {
  const specs: string[] = [];
  const visit = (form: Value): string | undefined => {
    const h = headed(form);
    if (h?.head === 'quote' || h?.head === 'quasiquote') return undefined;
    if (h?.head === 'defworkflow') {
      const meta = h.items[3];
      const p = meta !== undefined && isMap(meta) ? mapGet(meta, kw('permissions')) : undefined;
      if (p === undefined) return undefined;
      if (typeof p !== 'string') return 'defworkflow :permissions must be a sandbox string';
      specs.push(p);
      return undefined;
    }
    for (const sub of seqOf(form) ?? []) {
      const err = visit(sub);
      if (err !== undefined) return err;
    }
    return undefined;
  };
  for (const form of read(text).forms) {
    const err = visit(form);
    if (err !== undefined) return { error: err };
  }
  return specs;
}
