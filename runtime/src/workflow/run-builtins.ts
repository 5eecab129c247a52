// The builtins behind the workflow DSL: `workflow/run` (the run scope and its
// `{:status ...}` envelope), `workflow/phase`, `workflow/step`, `workflow/tool-call` and
// `workflow/checkpoint`. The macros in macros.ts expand to these.

import { SemaError, typeError } from '../eval/errors';
import { describeError } from '../eval/format-error';
import { asSemaError } from '../eval/special-forms';
import { mapFromPairs, mapGet } from '../eval/equality';
import { Float, isProcedure, Keyword, Vector, typeName, type CallContext, type Value } from '../eval/values';
import { usage } from '../llm/usage';
import { prettyPrint } from '../stdlib/pretty';
import { isMapLike } from '../stdlib/support';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import { lossyJson, WorkflowRun, type Budget } from './run-state';
import { attempt, fatal, runStack } from './scope';

const k = (name: string): Keyword => Keyword.of(name);

/** A keyword's name or a string; undefined for anything else. */
function nameOf(v: Value | undefined): string | undefined {
  if (typeof v === 'string') return v;
  return v instanceof Keyword ? v.name : undefined;
}

function option(opts: Value | undefined, key: string): Value | undefined {
  return opts !== undefined && isMapLike(opts) ? mapGet(opts, k(key)) : undefined;
}

const MAX_JOURNAL_TEXT = 4000;

/** Journal text is capped so one huge value cannot bloat a line. */
function capText(s: string): string {
  const chars = Array.from(s);
  if (chars.length <= MAX_JOURNAL_TEXT) return s;
  return `${chars.slice(0, MAX_JOURNAL_TEXT).join('')}\n… (truncated, ${chars.length} chars total)`;
}

const rendered = (v: Value): string => capText(prettyPrint(v, 100));

function declaredPhases(meta: Value): string[] {
  const v = option(meta, 'phases');
  const items = Array.isArray(v) ? v : v instanceof Vector ? v.items : [];
  return items.map(nameOf).filter((s): s is string => s !== undefined);
}

function numberOf(v: Value | undefined): number | undefined {
  if (typeof v === 'number') return v;
  return v instanceof Float ? v.value : undefined;
}

function budgetOf(meta: Value): Budget {
  const b = option(meta, 'budget');
  const usd = numberOf(option(b, 'usd'));
  const tokens = numberOf(option(b, 'tokens'));
  return { ...(usd !== undefined ? { usd } : {}), ...(tokens !== undefined ? { tokens: Math.trunc(tokens) } : {}) };
}

/** The body's value as the run result: a map with `:status` passes through, anything else is wrapped. */
function successEnvelope(v: Value): Value {
  if (v !== null && isMapLike(v) && mapGet(v, k('status')) !== undefined) return v;
  return mapFromPairs([k('status'), k('success'), k('value'), v]);
}

function current(ctx: CallContext): WorkflowRun | undefined {
  const stack = runStack(ctx);
  return stack[stack.length - 1];
}

function runWorkflow([name, doc, meta, thunk]: Value[], ctx: CallContext): Value {
  if (typeof name !== 'string') throw typeError('workflow/run', 'string', typeName(name ?? null), 0);
  if (!isProcedure(thunk!)) throw typeError('workflow/run', 'function', typeName(thunk ?? null), 3);
  let run: WorkflowRun;
  try {
    run = new WorkflowRun(name, budgetOf(meta!));
  } catch (e) {
    throw new SemaError(`workflow/run: ${(e as Error).message}`, 'io');
  }
  const codeVersion = process.env['SEMA_WORKFLOW_CODE_VERSION'] ?? '';
  const metadata = mapFromPairs(['workflow', name, 'doc', typeof doc === 'string' ? doc : '', 'run_id', run.runId, 'code_version', codeVersion, 'meta', meta!]);
  run.journal.writeSidecar('metadata.json', lossyJson(metadata, '  '));
  run.emit({ event: 'run.started', workflow: name, run_id: run.runId, args_json: run.argsJson, phases: declaredPhases(meta!) });
  const stack = runStack(ctx);
  stack.push(run);
  let envelope: Value;
  let status = 'success';
  let reason: string | undefined;
  const body = attempt(ctx, () => ctx.apply(thunk!, []));
  if (stack[stack.length - 1] === run) stack.pop();
  if (body.ok) envelope = successEnvelope(body.value);
  else {
    const e = body.error;
    if (fatal(e) || ctx.interp.interrupted()) {
      // Ctrl+C or `exit`: the journal still gets its closing lines, then the stop goes on.
      run.closePhase('failed');
      run.emit({ event: 'run.ended', status: 'failed', reason: e instanceof SemaError ? e.type : 'interrupted', dur_ms: run.elapsed() });
      throw e;
    }
    status = 'failed';
    reason = 'workflow body returned an error';
    envelope = mapFromPairs([k('status'), k('failed'), k('error'), describeError(asSemaError(e))]);
  }
  if (run.overBudget) {
    status = 'failed';
    reason = 'budget exceeded';
    envelope = mapFromPairs([k('status'), k('failed'), k('reason'), 'budget exceeded']);
  }
  run.closePhase(status);
  run.emit({ event: 'run.ended', status, ...(reason !== undefined ? { reason } : {}), dur_ms: run.elapsed() });
  run.journal.writeSidecar('result.json', lossyJson(envelope, '  '));
  return envelope;
}

function roleOf(opts: Value): string {
  if (opts !== null && isMapLike(opts)) return nameOf(mapGet(opts, k('name'))) ?? 'step';
  return nameOf(opts) ?? 'step';
}

function runStep([opts, thunk]: Value[], ctx: CallContext): Value {
  if (!isProcedure(thunk!)) throw typeError('workflow/step', 'function', typeName(thunk ?? null), 1);
  const run = current(ctx);
  if (run === undefined) return ctx.apply(thunk!, []);
  const role = roleOf(opts!);
  const str = (key: string): string => {
    const v = option(opts, key);
    return typeof v === 'string' ? v : '';
  };
  const prompt = str('__prompt') || str('prompt');
  // The key is computed for every step, so occurrence numbers follow body order on resume.
  const key = run.stepKey(prompt, str('__schema-repr'), role);
  const memo = run.memo(key);
  if (memo !== undefined) return memo;
  if (run.overBudget) return null;
  const id = run.nextStepId(role);
  run.emit({ event: 'agent.started', agent_id: id, agent_name: role, prompt: capText(prompt) });
  const before = { ...usage.session };
  const started = Date.now();
  const outer = run.currentStep;
  run.currentStep = id;
  const result = attempt(ctx, () => ctx.apply(thunk!, []));
  run.currentStep = outer;
  const after = usage.session;
  const calls = after.calls - before.calls;
  const model = calls > 0 ? (usage.last?.model ?? '') : '';
  const output = result.ok ? rendered(result.value) : `error: ${describeError(asSemaError(result.error))}`;
  run.emit({ event: 'agent.result', agent_id: id, status: result.ok ? 'ok' : 'failed', output, dur_ms: run.elapsed(started), model });
  if (calls > 0) {
    const input = Math.max(0, after.inputTokens - before.inputTokens);
    const outputTokens = Math.max(0, after.outputTokens - before.outputTokens);
    // Unknown pricing is "no cost", not a cost of zero.
    const cost = usage.price(model) === undefined ? undefined : Math.max(0, after.costUsd - before.costUsd);
    run.emit({
      event: 'budget',
      agent_id: id,
      ...(run.phaseSeq !== undefined ? { phase_seq: run.phaseSeq } : {}),
      input_tokens: input,
      output_tokens: outputTokens,
      ...(cost !== undefined ? { cost_usd: cost } : {}),
      ...(run.budget.tokens !== undefined ? { budget_limit: run.budget.tokens } : {}),
    });
    // Charged after the step is journaled: the step that passes the cap is recorded, the next is refused.
    run.charge(cost, input + outputTokens);
  }
  if (!result.ok) throw result.error;
  run.remember(key, result.value);
  return result.value;
}

/** Journals a tool call of the running step; nothing outside a step. `args` absent = "gated". */
export function journalToolCall(ctx: CallContext, tool: string, args: Value | undefined): void {
  const run = current(ctx);
  const step = run?.currentStep;
  if (run === undefined || step === undefined) return;
  const argsText = args === undefined ? 'gated' : typeof args === 'string' ? args : rendered(args);
  run.emit({ event: 'agent.tool_call', agent_id: step, tool_name: tool, args_json: argsText });
}

function checkpoint([key, thunk]: Value[], ctx: CallContext): Value {
  const name = nameOf(key);
  if (name === undefined) throw typeError('workflow/checkpoint', 'keyword or string', typeName(key ?? null), 0);
  const run = current(ctx);
  if (run === undefined) throw new SemaError('checkpoint outside a workflow/run', 'eval', {}, 'checkpoint works inside a defworkflow body');
  if (thunk === undefined) return run.state.get(name) ?? null;
  if (!isProcedure(thunk)) throw typeError('workflow/checkpoint', 'function', typeName(thunk), 1);
  const contentKey = run.checkpointKey(name);
  const memo = run.memo(contentKey);
  if (memo !== undefined) {
    run.state.set(name, memo);
    return memo;
  }
  const value = ctx.apply(thunk, []);
  run.state.set(name, value);
  run.emit({
    event: 'checkpoint',
    ...(run.phaseSeq !== undefined ? { phase_seq: run.phaseSeq } : {}),
    key: name,
    content_key: contentKey,
    value_digest: run.digest(value),
    value: rendered(value),
  });
  run.remember(contentKey, value);
  return value;
}

export const runBuiltins: BuiltinSpec[] = [
  fn('workflow/run', 4, 4, runWorkflow),
  fn('workflow/phase', 1, 1, ([label], ctx) => {
    if (typeof label !== 'string') throw typeError('workflow/phase', 'string', typeName(label ?? null), 0);
    const run = current(ctx);
    if (run === undefined) throw new SemaError('workflow/phase outside a workflow/run', 'eval', {}, 'phase marks a section of a defworkflow body');
    // Reaching a new marker means the previous phase finished.
    run.closePhase('success');
    run.openPhase(label);
    return null;
  }),
  fn('workflow/step', 2, 2, runStep),
  fn('workflow/tool-call', 1, 2, ([tool, args], ctx) => {
    const name = nameOf(tool);
    if (name === undefined) throw typeError('workflow/tool-call', 'keyword or string', typeName(tool ?? null), 0);
    journalToolCall(ctx, name, args);
    return null;
  }),
  fn('workflow/checkpoint', 1, 2, checkpoint),
];
