// Tools (`deftool`) and agents (`defagent`, `agent/run`) with their inspectors.

import { mapFromPairs } from '../eval/equality';
import { SemaError, typeError } from '../eval/errors';
import { Keyword, SemaHashMap, SemaMap, typeName, Vector, type Value } from '../eval/values';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { keyName, toChatMessages } from './convert';
import { parseOptions } from './options';
import { runToolLoop } from './tool-loop';
import { AgentValue, MessageValue, ToolValue } from './values';

const DEFAULT_MAX_TURNS = 10;

function tool(fn: string, v: Value | undefined, i: number): ToolValue {
  if (v instanceof ToolValue) return v;
  throw typeError(fn, 'tool', typeName(v ?? null), i);
}

function agent(fn: string, v: Value | undefined, i: number): AgentValue {
  if (v instanceof AgentValue) return v;
  throw typeError(fn, 'agent', typeName(v ?? null), i);
}

function entriesOf(fn: string, v: Value | undefined, what: string): [Value, Value][] {
  if (v === undefined || v === null) return [];
  if (v instanceof SemaMap || v instanceof SemaHashMap) return v.entries();
  throw new SemaError(`${fn}: ${what} must be a map, got ${typeName(v)}`, 'type-error');
}

export function makeTool(name: string, description: Value, params: Value, handler: Value): ToolValue {
  const f = 'deftool';
  if (typeof description !== 'string') throw new SemaError(`${f} ${name}: description must be a string, got ${typeName(description)}`, 'type-error');
  for (const [k, spec] of entriesOf(`${f} ${name}`, params, 'the parameter schema')) {
    if (!(k instanceof Keyword) && typeof k !== 'string') {
      throw new SemaError(`${f} ${name}: parameter names must be keywords, got ${typeName(k)}`, 'type-error');
    }
    if (!(spec instanceof SemaMap || spec instanceof SemaHashMap)) {
      throw new SemaError(`${f} ${name}: parameter :${keyName(k)} must be described by a map like {:type :string}, got ${typeName(spec)}`, 'type-error');
    }
  }
  arg.procedure(`${f} ${name}`, handler, 3);
  return new ToolValue(name, description, params, handler);
}

const AGENT_KEYS = ['system', 'tools', 'model', 'max-turns'];

export function makeAgent(name: string, opts: Value): AgentValue {
  const f = `defagent ${name}`;
  let system = '';
  let tools: ToolValue[] = [];
  let model: string | undefined;
  let maxTurns = DEFAULT_MAX_TURNS;
  for (const [k, v] of entriesOf(f, opts, 'the options')) {
    const key = keyName(k);
    if (key === 'system') system = arg.str(f, v, 1);
    else if (key === 'model') model = arg.str(f, v, 1);
    else if (key === 'max-turns') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) throw new SemaError(`${f}: :max-turns must be a positive integer`, 'type-error');
      maxTurns = v;
    } else if (key === 'tools') {
      const items = Array.isArray(v) ? v : v instanceof Vector ? v.items : undefined;
      if (items === undefined) throw new SemaError(`${f}: :tools must be a list or vector of tools`, 'type-error');
      tools = items.map((t, i) => tool(f, t, i));
    } else {
      throw new SemaError(`${f}: unknown option :${key}; allowed: ${AGENT_KEYS.map((x) => ':' + x).join(', ')}`, 'llm/invalid-option');
    }
  }
  return new AgentValue(name, system, tools, model, maxTurns);
}

export const toolBuiltins: BuiltinSpec[] = [
  fn('tool/name', 1, 1, ([t]) => tool('tool/name', t, 0).name),
  fn('tool/description', 1, 1, ([t]) => tool('tool/description', t, 0).description),
  fn('tool/parameters', 1, 1, ([t]) => tool('tool/parameters', t, 0).parameters),
  fn('tool?', 1, 1, ([v]) => v instanceof ToolValue),

  fn('agent/name', 1, 1, ([a]) => agent('agent/name', a, 0).name),
  fn('agent/system', 1, 1, ([a]) => agent('agent/system', a, 0).system),
  fn('agent/tools', 1, 1, ([a]) => [...agent('agent/tools', a, 0).tools]),
  fn('agent/model', 1, 1, ([a]) => agent('agent/model', a, 0).model ?? null),
  fn('agent/max-turns', 1, 1, ([a]) => agent('agent/max-turns', a, 0).maxTurns),
  fn('agent?', 1, 1, ([v]) => v instanceof AgentValue),

  fn('agent/run', 2, 3, ([a, text, o], ctx) => {
    const name = 'agent/run';
    const ag = agent(name, a, 0);
    const input = arg.str(name, text, 1);
    let prior: MessageValue[] = [];
    let onToolCall: Value | undefined;
    const parsed = parseOptions(name, o, ['messages', 'on-tool-call']);
    for (const [k, v] of entriesOf(name, o, 'the options')) {
      const key = keyName(k);
      if (key === 'messages') prior = arg.messages(name, v, 2);
      else if (key === 'on-tool-call') onToolCall = arg.procedure(name, v, 2);
    }
    const opts = {
      ...parsed,
      tools: ag.tools as ToolValue[],
      maxToolRounds: ag.maxTurns,
    };
    if (ag.model !== undefined && opts.model === undefined) opts.model = ag.model;
    const user = new MessageValue('user', input);
    const { system, messages } = toChatMessages([...prior, user], ag.system || undefined);
    const result = runToolLoop(ctx, name, {
      system,
      messages,
      options: opts,
      limitName: ':max-turns',
      agentName: ag.name,
      ...(onToolCall ? { onToolCall: (e: Value) => void ctx.apply(onToolCall, [e]) } : {}),
    });
    if (o === undefined) return result.text;
    const history = [...prior, user, new MessageValue('assistant', result.text)];
    return mapFromPairs([Keyword.of('response'), result.text, Keyword.of('messages'), history]);
  }),
];
