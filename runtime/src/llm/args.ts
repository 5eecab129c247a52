// Argument checks shared by the LLM builtins.

import { typeError } from '../eval/errors';
import { Keyword, typeName, Vector, isProcedure, type Value } from '../eval/values';
import { MessageValue, PromptValue, ROLES, type MessageRole } from './values';

export function str(fn: string, v: Value | undefined, i: number): string {
  if (typeof v !== 'string') throw typeError(fn, 'string', typeName(v ?? null), i);
  return v;
}

export function role(fn: string, v: Value | undefined, i: number): MessageRole {
  if (v instanceof Keyword && (ROLES as readonly string[]).includes(v.name)) return v.name as MessageRole;
  if (typeof v === 'string' && (ROLES as readonly string[]).includes(v)) return v as MessageRole;
  throw typeError(fn, 'role :system, :user or :assistant', v instanceof Keyword ? ':' + v.name : typeName(v ?? null), i);
}

export function message(fn: string, v: Value | undefined, i: number): MessageValue {
  if (v instanceof MessageValue) return v;
  throw typeError(fn, 'message', typeName(v ?? null), i);
}

export function prompt(fn: string, v: Value | undefined, i: number): PromptValue {
  if (v instanceof PromptValue) return v;
  throw typeError(fn, 'prompt', typeName(v ?? null), i);
}

/** A list or vector of messages. */
export function messages(fn: string, v: Value | undefined, i: number): MessageValue[] {
  const items = Array.isArray(v) ? v : v instanceof Vector ? v.items : undefined;
  if (items === undefined) throw typeError(fn, 'list of messages', typeName(v ?? null), i);
  return items.map((m, j) => {
    if (m instanceof MessageValue) return m;
    throw typeError(fn, `message at position ${j + 1} of the list`, typeName(m), i);
  });
}

export function procedure(fn: string, v: Value | undefined, i: number): Value {
  if (v !== undefined && isProcedure(v)) return v;
  throw typeError(fn, 'function', typeName(v ?? null), i);
}
