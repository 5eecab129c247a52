// Checks on the literal options map of an `llm/*` call. The option names and docs come
// from the catalogue entry's `options`; the value rules are the runtime's option schema
// contract (DESIGN.md "LLM"): :max-tokens positive integer, :temperature 0.0-1.0, :model and
// :system strings, :tools a list or vector of tools.
// FIXME(issue 4): import the schema from runtime/src/llm/options.ts once it lands on main.

import type { OptionDoc } from '@sema/runtime/docs';
import type { SyntaxNode } from '@sema/runtime/reader';

/** What the analysis needs of an option schema: names and a check of literal values. */
export interface OptionSchema {
  /** The option docs for `fn`, or undefined when `fn` takes no options map. */
  optionsOf(fn: string): readonly OptionDoc[] | undefined;
  /** A problem with this literal value for option `name`, or undefined when it is fine. */
  checkValue(name: string, value: SyntaxNode): string | undefined;
}

/** The options the four LLM calls share when the catalogue has none yet. */
export const FALLBACK_OPTIONS: readonly OptionDoc[] = [
  { name: 'model', type: 'string', summary: 'Model name, e.g. `"claude-haiku-4-5-20251001"`.' },
  { name: 'max-tokens', type: 'positive integer', summary: 'Maximum number of tokens in the response.' },
  { name: 'temperature', type: 'float 0.0-1.0', summary: 'Sampling temperature.' },
  { name: 'system', type: 'string', summary: 'System prompt.' },
  { name: 'tools', type: 'list of tools', summary: 'Tools (from `deftool`) the model may call.' },
];

export const LLM_CALLS_WITH_OPTIONS = ['llm/complete', 'llm/stream', 'llm/chat', 'llm/send'];

function isNumber(v: SyntaxNode): boolean {
  return v.kind === 'int' || v.kind === 'float';
}

/** Literal kinds: anything else (a symbol, a call) is only known at run time. */
function isLiteral(v: SyntaxNode): boolean {
  return ['int', 'float', 'string', 'keyword', 'bool', 'nil', 'char', 'vector', 'map'].includes(v.kind) || v.kind === 'quote';
}

export function checkOptionValue(name: string, v: SyntaxNode): string | undefined {
  if (!isLiteral(v)) return undefined;
  switch (name) {
    case 'max-tokens':
      if (v.kind !== 'int') return `:max-tokens must be a positive integer, got ${describe(v)}`;
      if (Number(v.text) <= 0) return `:max-tokens must be a positive integer, got ${v.text}`;
      return undefined;
    case 'temperature': {
      if (!isNumber(v)) return `:temperature must be a number between 0.0 and 1.0, got ${describe(v)}`;
      const t = Number(v.text);
      return t >= 0 && t <= 1 ? undefined : `:temperature must be between 0.0 and 1.0, got ${v.text}`;
    }
    case 'model':
    case 'system':
      return v.kind === 'string' ? undefined : `:${name} must be a string, got ${describe(v)}`;
    case 'tools':
      return v.kind === 'vector' || v.kind === 'quote' || v.kind === 'nil' ? undefined : `:tools must be a list of tools, got ${describe(v)}`;
    default:
      return undefined;
  }
}

function describe(v: SyntaxNode): string {
  switch (v.kind) {
    case 'string':
      return `a string`;
    case 'keyword':
      return `keyword :${v.text}`;
    case 'int':
      return `integer ${v.text}`;
    case 'float':
      return `float ${v.text}`;
    default:
      return `a ${v.kind}`;
  }
}

/** A schema reading option names from catalogue entries, falling back for the LLM calls. */
export function catalogueOptionSchema(lookup: (fn: string) => { options?: readonly OptionDoc[] } | undefined): OptionSchema {
  return {
    optionsOf(fn) {
      const doc = lookup(fn);
      if (doc?.options && doc.options.length > 0) return doc.options;
      return LLM_CALLS_WITH_OPTIONS.includes(fn) ? FALLBACK_OPTIONS : undefined;
    },
    checkValue: checkOptionValue,
  };
}
