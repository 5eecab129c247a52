// The tool-use loop behind `llm/chat :tools`, conversations and `agent/run`: ask the
// model; for each tool call, run the Sema handler with the arguments bound by parameter
// name; send the results back; repeat until a final answer. Handler failures (and bad
// arguments, unknown tools) are sent back as error results so the model can recover;
// the loop is bounded by its round limit and by 5 consecutive tool errors.

import { SemaError } from '../eval/errors';
import { mapFromPairs } from '../eval/equality';
import { Keyword, Lambda, type CallContext, type Value } from '../eval/values';
import { runModel } from './call';
import { checkToolArgs, jsonToValue, toolResultText, toolSchema } from './convert';
import { DEFAULT_MAX_TOOL_ROUNDS, type LlmOptions } from './options';
import type { ChatMessage, ContentBlock, LlmResponse, ToolCall } from './provider';
import type { ToolValue } from './values';
import { tracedAgent, tracedTool, withCallIdentity } from '../otel/llm-spans';

const MAX_CONSECUTIVE_TOOL_ERRORS = 5;

export interface LoopInput {
  readonly system: string | undefined;
  readonly messages: readonly ChatMessage[];
  readonly options: LlmOptions;
  readonly onChunk?: (text: string) => void;
  /** Called with an event map at the start and end of each tool call (agent/run). */
  readonly onToolCall?: (event: Value) => void;
  /** What the limit is called in errors (`:max-tool-rounds`, `:max-turns`). */
  readonly limitName?: string;
  /** The agent's name, for its tracing span. */
  readonly agentName?: string;
}

export interface LoopResult {
  readonly text: string;
  readonly messages: ChatMessage[];
  readonly last: LlmResponse;
}

export function runToolLoop(ctx: CallContext, fn: string, input: LoopInput): LoopResult {
  const run = (): LoopResult => loop(ctx, fn, input);
  // An agent run, or a completion that may call tools, is one `invoke_agent` span.
  if ((input.options.tools ?? []).length === 0) return run();
  return withCallIdentity(input.options, () => tracedAgent(input.agentName, run));
}

function loop(ctx: CallContext, fn: string, input: LoopInput): LoopResult {
  const tools = input.options.tools ?? [];
  const schemas = tools.map(toolSchema);
  const maxRounds = input.options.maxToolRounds ?? DEFAULT_MAX_TOOL_ROUNDS;
  const messages = [...input.messages];
  let consecutiveErrors = 0;
  for (let round = 1; ; round++) {
    const res = runModel(ctx, fn, input.options, { system: input.system, messages, tools: schemas }, input.onChunk);
    if (res.toolCalls.length === 0 || tools.length === 0 || input.options.toolMode === 'none') {
      messages.push({ role: 'assistant', content: [{ type: 'text', text: res.text }] });
      return { text: res.text, messages, last: res };
    }
    if (round >= maxRounds) {
      throw new SemaError(
        `${fn}: the model was still calling tools after ${maxRounds} rounds (${input.limitName ?? ':max-tool-rounds'} ${maxRounds})`,
        'llm/tool-loop',
      );
    }
    const assistant: ContentBlock[] = [...(res.thinking ?? [])];
    if (res.text) assistant.push({ type: 'text', text: res.text });
    for (const call of res.toolCalls) assistant.push({ type: 'tool_use', id: call.id, name: call.name, input: call.input });
    messages.push({ role: 'assistant', content: assistant });
    const results: ContentBlock[] = [];
    for (const call of res.toolCalls) {
      const outcome = tracedTool(call.name, call.id, () => runTool(ctx, tools, call, input.onToolCall));
      consecutiveErrors = outcome.isError ? consecutiveErrors + 1 : 0;
      results.push({ type: 'tool_result', toolUseId: call.id, content: outcome.text, isError: outcome.isError });
    }
    messages.push({ role: 'user', content: results });
    if (consecutiveErrors >= MAX_CONSECUTIVE_TOOL_ERRORS) {
      throw new SemaError(
        `${fn}: gave up after ${consecutiveErrors} tool errors in a row (last: ${(results[results.length - 1] as { content: string }).content})`,
        'llm/tool-loop',
      );
    }
  }
}

/** Parameter names in the handler's declaration order (lambda), else the schema's order. */
function argumentOrder(tool: ToolValue, schemaKeys: string[]): string[] {
  const h = tool.handler;
  if (h instanceof Lambda) {
    const names = [...h.params.required, ...h.params.optional];
    if (names.length > 0 || h.params.rest === undefined) return names;
  }
  return schemaKeys;
}

function runTool(
  ctx: CallContext,
  tools: readonly ToolValue[],
  call: ToolCall,
  observe: ((event: Value) => void) | undefined,
): { text: string; isError: boolean } {
  const args = jsonToValue(call.input);
  observe?.(event('start', call.name, args));
  const started = Date.now();
  let text: string;
  let isError = false;
  const tool = tools.find((t) => t.name === call.name);
  if (tool === undefined) {
    text = `Error: no tool named "${call.name}" (available: ${tools.map((t) => t.name).join(', ')})`;
    isError = true;
  } else {
    const schema = toolSchema(tool);
    const problem = checkToolArgs(schema, call.input);
    if (problem !== undefined) {
      text = `Error: invalid arguments for tool ${tool.name}: ${problem}`;
      isError = true;
    } else {
      const order = argumentOrder(tool, Object.keys(schema.inputSchema.properties));
      const bound = order.map((name) => jsonToValue(call.input[name]));
      try {
        text = toolResultText(ctx.apply(tool.handler, bound));
      } catch (err) {
        // Cancellation must stop the whole run; any other Sema error goes to the model.
        if (!(err instanceof SemaError) || err.type === 'interrupted' || ctx.interp.interrupted()) throw err;
        text = `Error: ${err.message}`;
        isError = true;
      }
    }
  }
  observe?.(
    event('end', call.name, args, [
      Keyword.of('result'),
      text.length > 200 ? text.slice(0, 200) + '...' : text,
      Keyword.of('error'),
      isError,
      Keyword.of('duration-ms'),
      Date.now() - started,
    ]),
  );
  return { text, isError };
}

function event(kind: string, tool: string, args: Value, extra: Value[] = []): Value {
  return mapFromPairs([Keyword.of('event'), kind, Keyword.of('tool'), tool, Keyword.of('args'), args, ...extra]);
}
