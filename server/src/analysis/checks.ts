// Warnings from analysis on a file that parses: wrong arity of known functions and special
// forms, malformed special forms, and misuse of the LLM calls (options map, message roles).

import type { Span, SyntaxNode } from '@sema/runtime/reader';
import type { BuiltinDoc } from '@sema/runtime/docs';
import type { Catalogue } from '../catalogue';
import type { Binding, OptionsMap, Warning } from './types';
import { MESSAGE_ROLES, SPECIAL_FORMS } from './forms';
import { catalogueOptionSchema, isOptionsArgument, LLM_CALLS_WITH_OPTIONS } from './llm-options';
import { closest } from './similar';

export interface CheckContext {
  readonly catalogue: Catalogue;
  warn(w: Warning): void;
  resolve(name: string): Binding | undefined;
  readonly optionMaps: OptionsMap[];
}

export interface Arity {
  readonly min: number;
  readonly max: number;
}

const arityCache = new WeakMap<BuiltinDoc, Arity | null>();

/** Operand pairs that repeat together before `...` in signatures. */
const PAIRS = new Set(['key value', 'key val', 'k v', 'name value', 'field value', 'test expr']);

/** Arity from a catalogue entry's signatures: `[x]` is optional, `...`/`&`/`.` open-ended. */
export function arityOfDoc(doc: BuiltinDoc): Arity | undefined {
  const cached = arityCache.get(doc);
  if (cached !== undefined) return cached ?? undefined;
  let min = Infinity;
  let max = 0;
  for (const sig of doc.signatures) {
    const inner = sig.trim().replace(/^\(/, '').replace(/\)$/, '');
    const args = tokens(inner).slice(1);
    let req = 0;
    let open = false;
    let opt = 0;
    // `x ...` means zero or more x, `key value ...` zero or more pairs: the repeated
    // operands just before `...` are not required.
    const dots = args.indexOf('...');
    const pair = dots >= 2 && PAIRS.has(`${args[dots - 2]} ${args[dots - 1]}`);
    const repeated = dots < 0 ? -1 : dots - (pair ? 2 : 1);
    for (const [i, t] of args.entries()) {
      if (t === '...' || t.endsWith('...') || t === '&' || t === '.' || t.startsWith('&')) open = true;
      else if (t.startsWith('[') || t.endsWith('?')) opt++;
      else if (!open && (repeated < 0 || i < repeated)) req++;
    }
    min = Math.min(min, req);
    max = Math.max(max, open ? Infinity : req + opt);
  }
  const result = doc.signatures.length === 0 || doc.kind !== 'function' ? null : { min, max };
  arityCache.set(doc, result);
  return result ?? undefined;
}

/** Splits a signature's arguments, keeping bracketed/braced groups whole. */
function tokens(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '[' || ch === '{' || ch === '(') depth++;
    if (ch === ']' || ch === '}' || ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function plural(n: number): string {
  return n === 1 ? '1 argument' : `${n} arguments`;
}

function arityMessage(name: string, a: Arity, got: number): string {
  const want = a.min === a.max ? plural(a.min) : a.max === Infinity ? `at least ${plural(a.min)}` : `${a.min} to ${a.max} arguments`;
  return `\`${name}\` expects ${want}, got ${got}`;
}

export function arityOfBinding(b: Binding): Arity | undefined {
  if (b.kind !== 'function' || !b.params) return undefined;
  const required = b.rest !== undefined ? b.params.length - 1 : b.params.length;
  return { min: required, max: b.rest !== undefined ? Infinity : required };
}

function arityMismatch(a: Arity | undefined, got: number): a is Arity {
  return a !== undefined && (got < a.min || got > a.max);
}

export function checkCall(ctx: CheckContext, name: string, bound: Binding | undefined, node: SyntaxNode, extraArgs = 0): void {
  const got = node.children.length - 1 + extraArgs;
  const head = node.children[0]!;
  const doc = bound ? undefined : ctx.catalogue.lookup(name);
  let arity: Arity | undefined;
  if (bound) {
    // Cheap pre-check before building an Arity: most calls match.
    if (bound.kind === 'function' && bound.params && (bound.rest !== undefined ? got < bound.params.length - 1 : got !== bound.params.length)) arity = arityOfBinding(bound);
  } else if (doc) arity = arityOfDoc(doc);
  if (arityMismatch(arity, got)) ctx.warn({ message: arityMessage(name, arity, got), span: head.span, code: 'arity' });
  if (!bound) checkOptions(ctx, name, node, doc);
}

/** Calls whose catalogue entry documents an options map (the `llm/*` calls, `agent/run`). */
function checkOptions(ctx: CheckContext, fn: string, node: SyntaxNode, doc: BuiltinDoc | undefined): void {
  if (!doc?.options?.length && !LLM_CALLS_WITH_OPTIONS.includes(fn)) return;
  const schema = catalogueOptionSchema((n) => ctx.catalogue.lookup(n));
  const options = schema.optionsOf(fn);
  if (!options) return;
  const known = options.map((o) => o.name);
  for (const [index, arg] of node.children.slice(1).entries()) {
    if (arg.kind !== 'map' || !isOptionsArgument(doc, index)) continue;
    ctx.optionMaps.push({ fn, map: arg });
    for (let i = 0; i < arg.children.length; i += 2) {
      const key = arg.children[i]!;
      const value = arg.children[i + 1];
      if (key.kind !== 'keyword') continue;
      if (!known.includes(key.text)) {
        // Only the `llm/*` calls take exactly the documented options (agent/run, for one,
        // takes more than its entry lists).
        if (!fn.startsWith('llm/')) continue;
        const guess = closest(key.text, known);
        const hint = guess ? ` (did you mean :${guess}?)` : '';
        const message = `${fn}: unknown option :${key.text}${hint}; allowed options: ${known.map((k) => ':' + k).join(', ')}`;
        ctx.warn(guess ? { message, span: key.span, code: 'llm-option', suggestion: ':' + guess } : { message, span: key.span, code: 'llm-option' });
        continue;
      }
      const opt = options.find((o) => o.name === key.text)!;
      const problem = value ? schema.checkValue(opt, value) : undefined;
      if (problem && value) ctx.warn({ message: problem, span: value.span, code: 'llm-option' });
    }
  }
}

function warn(ctx: CheckContext, message: string, span: Span): void {
  ctx.warn({ message, span, code: 'malformed' });
}

export function checkSpecialForm(ctx: CheckContext, name: string, node: SyntaxNode): void {
  const info = SPECIAL_FORMS.get(name);
  const head = node.children[0]!;
  const a = node.children.slice(1);
  if (info && (a.length < info.min || a.length > info.max)) {
    ctx.warn({ message: `${arityMessage(name, info, a.length)} — usage: ${info.shape}`, span: head.span, code: 'arity' });
    return;
  }
  const first = a[0];
  switch (name) {
    case 'define':
    case 'def':
      if (first && !['symbol', 'list', 'vector', 'map'].includes(first.kind)) warn(ctx, `${name}: expected a name, got ${first.kind}`, first.span);
      else if (first?.kind === 'list' && first.children[0]?.kind !== 'symbol') warn(ctx, `${name}: expected (name params ...)`, first.span);
      break;
    case 'defun':
    case 'defn':
    case 'defmacro':
      if (first && first.kind !== 'symbol') warn(ctx, `${name}: expected a name, got ${first.kind}`, first.span);
      else if (a[1] && !['list', 'vector', 'symbol'].includes(a[1].kind)) warn(ctx, `${name}: expected a parameter list`, a[1].span);
      break;
    case 'lambda':
    case 'fn':
      if (first && !['list', 'vector', 'symbol'].includes(first.kind)) warn(ctx, `${name}: expected a parameter list`, first.span);
      break;
    case 'let':
    case 'let*':
    case 'letrec': {
      const spec = first?.kind === 'symbol' && name === 'let' ? a[1] : first;
      if (!spec) warn(ctx, `${name}: expected bindings`, head.span);
      else if (spec.kind === 'list') {
        const bad = spec.children.find((b) => b.kind !== 'list' || b.children.length !== 2);
        if (bad) warn(ctx, `${name}: each binding must be (name value)`, bad.span);
      } else if (spec.kind !== 'vector') warn(ctx, `${name}: expected a list of bindings`, spec.span);
      break;
    }
    case 'set!':
      if (first && first.kind !== 'symbol') warn(ctx, `set!: expected a symbol, got ${first.kind}`, first.span);
      break;
    case 'cond':
      for (const c of a) if (c.kind !== 'list' || c.children.length === 0) warn(ctx, 'cond: each clause must be (test expr ...)', c.span);
      break;
    case 'message':
      if (first?.kind === 'keyword' && !MESSAGE_ROLES.includes(first.text)) {
        warn(ctx, `message: unknown role :${first.text} — expected :system, :user or :assistant`, first.span);
      } else if (first && ['string', 'int', 'float', 'bool', 'nil'].includes(first.kind)) {
        warn(ctx, `message: the role must be :system, :user or :assistant`, first.span);
      }
      break;
    case 'when-let':
    case 'if-let':
      if (first && (first.kind !== 'list' && first.kind !== 'vector' || first.children.length !== 2)) warn(ctx, `${name}: expected (name value)`, first.span);
      break;
    case 'deftool':
    case 'defagent':
    case 'defmulti':
    case 'define-record-type':
      if (first && first.kind !== 'symbol') warn(ctx, `${name}: expected a name, got ${first.kind}`, first.span);
      break;
    default:
      break;
  }
}
