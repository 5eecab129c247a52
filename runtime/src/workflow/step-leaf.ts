// What a `step` does (llm/workflows.md "step"): the model call behind one journaled step,
// chosen by its options: `:agent` runs a defagent, `:tools` runs the tool loop (each
// tool call journaled), `:schema` extracts typed data, otherwise a plain completion.
// The `step` macro (macros.ts) wraps this in `workflow/step`.

import { SemaError, typeError } from '../eval/errors';
import { mapAssoc, mapFromPairs, mapGet } from '../eval/equality';
import { Keyword, NativeFn, SemaMap, typeName, type CallContext, type Value } from '../eval/values';
import type { Interpreter } from '../eval/interpreter';
import { displayValue } from '../reader/printer';
import { parseOptions } from '../llm/options';
import { toChatMessages } from '../llm/convert';
import { runToolLoop } from '../llm/tool-loop';
import { MessageValue } from '../llm/values';
import { parseJson } from '../stdlib/json-text';
import { valueHasType } from '../llm/json-answers';
import { isMapLike } from '../stdlib/support';
import { journalToolCall } from './run-builtins';

const k = (name: string): Keyword => Keyword.of(name);

function get(m: Value, key: string): Value {
  return m !== null && isMapLike(m) ? (mapGet(m, k(key)) ?? null) : null;
}

/** Calls the global builtin `name` (sandbox rules apply, as for a call written in the program). */
function call(ctx: CallContext, name: string, ...args: Value[]): Value {
  const f = (ctx.interp as Interpreter).lookup(name);
  if (f === undefined) throw new SemaError(`step: ${name} is not defined`, 'eval');
  return ctx.apply(f, args);
}

function optionsMap(opts: Value): Value {
  if (opts === null) return new SemaMap();
  if (!isMapLike(opts)) throw typeError('step', 'map', typeName(opts), 1);
  return opts;
}

/**
 * The options `workflow/step` gets: the role name (a defagent's own name by default) and
 * the prompt and schema as text, which go into the step's resume key.
 */
function prepare([prompt, opts]: Value[], ctx: CallContext): Value {
  let o = optionsMap(opts ?? null) as SemaMap;
  const agent = get(o, 'agent');
  if (agent !== null && get(o, 'name') === null) o = mapAssoc(o, k('name'), call(ctx, 'agent/name', agent));
  const schema = get(o, 'schema');
  o = mapAssoc(o, k('__prompt'), displayValue(prompt ?? null));
  return mapAssoc(o, k('__schema-repr'), schema === null ? '' : displayValue(schema));
}

function hasType(spec: Value): boolean {
  return spec !== null && isMapLike(spec) && mapGet(spec, k('type')) !== undefined;
}

/** A workflow schema's `:type` check: as extraction's, but only lists are `:list` values. */
function typeMatches(v: Value, type: Value): boolean {
  return valueHasType(type instanceof Keyword ? type.name : typeof type === 'string' ? type : '', v, false);
}

/** Every schema key present in `v`, with its `:type` where the schema gives one. */
function satisfies(v: Value, schema: Value): boolean {
  if (v === null || !isMapLike(v) || schema === null || !isMapLike(schema)) return false;
  return schema.entries().every(([key, spec]) => {
    const got = mapGet(v, key);
    if (got === undefined) return false;
    return !hasType(spec) || typeMatches(got, mapGet(spec as SemaMap, k('type'))!);
  });
}

/** Asking again can only help when the schema constrains types (or is not a field map). */
function typed(schema: Value): boolean {
  if (schema === null || !isMapLike(schema)) return true;
  return schema.entries().some(([, spec]) => hasType(spec));
}

/** The final text of an agent or tool loop as the step's value, checked against `:schema`. */
function validated(ctx: CallContext, text: Value, schema: Value): Value {
  if (schema === null) return text;
  if (typeof text === 'string') {
    try {
      const parsed = parseJson(text);
      if (satisfies(parsed, schema)) return parsed;
    } catch {
      // Not JSON: fall through to asking for it.
    }
  }
  return typed(schema) ? call(ctx, 'llm/extract', schema, text) : text;
}

function onToolCall(ctx: CallContext): NativeFn {
  return new NativeFn('step/on-tool-call', ([ev]) => {
    if (get(ev ?? null, 'event') === 'start') {
      const tool = get(ev!, 'tool');
      journalToolCall(ctx, typeof tool === 'string' ? tool : displayValue(tool), get(ev!, 'args'));
    }
    return null;
  });
}

function toolLoop(ctx: CallContext, prompt: Value, tools: Value): string {
  // llm/chat's own gate, since the loop is entered directly (to observe tool calls).
  (ctx.interp as Interpreter).sandbox?.check('llm', 'llm/chat');
  if (typeof prompt !== 'string') throw typeError('step', 'string', typeName(prompt), 0);
  const options = parseOptions('step', mapFromPairs([k('tools'), tools]));
  const { system, messages } = toChatMessages([new MessageValue('user', prompt)]);
  const observer = onToolCall(ctx);
  return runToolLoop(ctx, 'step', { system, messages, options, onToolCall: (e) => void ctx.apply(observer, [e]) }).text;
}

function leaf([prompt, opts]: Value[], ctx: CallContext): Value {
  const o = optionsMap(opts ?? null);
  const p = prompt ?? null;
  const schema = get(o, 'schema');
  const agent = get(o, 'agent');
  if (agent !== null) {
    const answer = call(ctx, 'agent/run', agent, p, mapFromPairs([k('on-tool-call'), onToolCall(ctx)]));
    return validated(ctx, get(answer, 'response'), schema);
  }
  const tools = get(o, 'tools');
  if (tools !== null) return validated(ctx, toolLoop(ctx, p, tools), schema);
  if (schema instanceof Keyword && schema.name === 'sema-form') return call(ctx, 'read-many', call(ctx, 'llm/complete', p));
  if (schema !== null) return call(ctx, 'llm/extract', schema, p);
  return call(ctx, 'llm/complete', p);
}

/** The two natives a `step` expansion calls; not globals, so they need no catalogue entries. */
export const stepPrepare = new NativeFn('step/options', (args, ctx) => prepare(args, ctx));
export const stepLeaf = new NativeFn('step', (args, ctx) => leaf(args, ctx));
