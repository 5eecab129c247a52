// Providers (configure, switch, list), cassettes, and token usage / cost.

import { dirname, resolve } from 'node:path';
import { mapFromPairs } from '../eval/equality';
import { SemaError, typeError } from '../eval/errors';
import { Float, Keyword, SemaHashMap, SemaMap, typeName, type CallContext, type Value } from '../eval/values';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { budget } from './budget';
import { currentCassette, setCassette } from './call';
import { Cassette, type CassetteMode } from './cassette';
import { keyName } from './convert';
import { providers, type ConfigureOptions } from './providers';
import { usage } from './usage';

const kw = Keyword.of;

function providerName(fn: string, v: Value | undefined, i: number): string {
  if (v instanceof Keyword) return v.name;
  if (typeof v === 'string') return v;
  throw typeError(fn, 'provider keyword like :anthropic', typeName(v ?? null), i);
}

function mapEntries(fn: string, v: Value | undefined, i: number): [Value, Value][] {
  if (v === undefined || v === null) return [];
  if (v instanceof SemaMap || v instanceof SemaHashMap) return v.entries();
  throw typeError(fn, 'map', typeName(v), i);
}

const CONFIGURE_KEYS = ['api-key', 'base-url', 'host', 'default-model', 'max-retries', 'timeout'];

function configureOptions(v: Value | undefined): ConfigureOptions {
  const f = 'llm/configure';
  const out: ConfigureOptions = {};
  for (const [k, val] of mapEntries(f, v, 1)) {
    const key = keyName(k);
    const nonNegInt = (): number => {
      if (typeof val !== 'number' || !Number.isInteger(val) || val < 0) {
        throw new SemaError(`${f}: option :${key} must be a non-negative integer`, 'llm/invalid-option');
      }
      return val;
    };
    if (key === 'api-key') out.apiKey = arg.str(f, val, 1);
    else if (key === 'base-url') out.baseUrl = arg.str(f, val, 1);
    else if (key === 'host') out.host = arg.str(f, val, 1);
    else if (key === 'default-model') out.defaultModel = arg.str(f, val, 1);
    else if (key === 'max-retries') out.maxRetries = nonNegInt();
    else if (key === 'timeout') out.timeoutMs = nonNegInt();
    else {
      throw new SemaError(
        `${f}: unknown option :${key}; allowed options: ${CONFIGURE_KEYS.map((x) => ':' + x).join(', ')}`,
        'llm/invalid-option',
      );
    }
  }
  return out;
}

function cassetteMode(fn: string, v: Value | undefined): CassetteMode {
  let mode: CassetteMode = 'auto';
  for (const [k, val] of mapEntries(fn, v, 1)) {
    if (keyName(k) !== 'mode') throw new SemaError(`${fn}: unknown option :${keyName(k)}; allowed options: :mode`, 'llm/invalid-option');
    const m = val instanceof Keyword ? val.name : val;
    if (m !== 'auto' && m !== 'record' && m !== 'replay') {
      throw new SemaError(`${fn}: :mode must be :auto, :record or :replay`, 'llm/invalid-option');
    }
    mode = m;
  }
  return mode;
}

/** Relative tape paths are relative to the running file's folder (else the working directory). */
function tapePath(ctx: CallContext, p: string): string {
  const file = ctx.interp.currentFile;
  return resolve(file ? dirname(file) : process.cwd(), p);
}

function usageMap(u: { inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheCreationTokens: number }, extra: Value[]): Value {
  return mapFromPairs([
    kw('prompt-tokens'), u.inputTokens,
    kw('completion-tokens'), u.outputTokens,
    kw('total-tokens'), u.inputTokens + u.outputTokens,
    kw('cache-read-tokens'), u.cacheReadTokens,
    kw('cache-creation-tokens'), u.cacheCreationTokens,
    ...extra,
  ]);
}

const money = (n: number | undefined): Value => (n === undefined ? null : new Float(n));

function amount(fn: string, v: Value | undefined, i: number): number {
  const n = typeof v === 'number' ? v : v instanceof Float ? v.value : undefined;
  if (n === undefined || n < 0) throw typeError(fn, 'non-negative number (USD)', typeName(v ?? null), i);
  return n;
}

export const adminBuiltins: BuiltinSpec[] = [
  fn('llm/configure', 1, 2, ([name, o]) => {
    providers.configure(providerName('llm/configure', name, 0), configureOptions(o));
    return null;
  }),
  fn('llm/define-provider', 2, 2, ([name, o]) => {
    const f = 'llm/define-provider';
    const n = providerName(f, name, 0);
    let complete: Value | undefined;
    let defaultModel = 'default';
    for (const [k, v] of mapEntries(f, o, 1)) {
      const key = keyName(k);
      if (key === 'complete') complete = arg.procedure(f, v, 1);
      else if (key === 'default-model') defaultModel = arg.str(f, v, 1);
      else throw new SemaError(`${f}: unknown option :${key}; allowed options: :complete, :default-model`, 'llm/invalid-option');
    }
    if (complete === undefined) throw new SemaError(`${f}: requires a :complete function`, 'llm/invalid-option');
    providers.defineLisp(n, complete, defaultModel);
    return kw(n);
  }),
  fn('llm/auto-configure', 0, 0, () => {
    const name = providers.autoConfigure();
    return name === undefined ? null : kw(name);
  }),
  fn('llm/set-default', 1, 1, ([name]) => {
    providers.setDefault(providerName('llm/set-default', name, 0));
    return null;
  }),
  fn('llm/current-provider', 0, 0, () => {
    const c = providers.current();
    return c === undefined ? null : mapFromPairs([kw('name'), kw(c.name), kw('model'), c.defaultModel]);
  }),
  fn('llm/list-providers', 0, 0, () => providers.names().map((n) => kw(n))),

  fn('llm/with-cassette', 2, 3, (args, ctx) => {
    const f = 'llm/with-cassette';
    const given = arg.str(f, args[0], 0);
    const thunk = arg.procedure(f, args.length === 3 ? args[2] : args[1], args.length - 1);
    // SEMA_LLM_CASSETTES=off runs the body live, so recorded examples can call a real model.
    if (process.env.SEMA_LLM_CASSETTES === 'off') return ctx.apply(thunk, []);
    const tape = new Cassette(tapePath(ctx, given), cassetteMode(f, args.length === 3 ? args[1] : undefined), given);
    const previous = currentCassette();
    setCassette(tape);
    try {
      return ctx.apply(thunk, []);
    } finally {
      setCassette(previous);
      tape.save();
    }
  }),
  fn('llm/cassette-load', 1, 2, ([p, o], ctx) => {
    const f = 'llm/cassette-load';
    currentCassette()?.save();
    const given = arg.str(f, p, 0);
    setCassette(new Cassette(tapePath(ctx, given), cassetteMode(f, o), given));
    return null;
  }),
  fn('llm/cassette-save', 0, 0, () => {
    const tape = currentCassette();
    tape?.save();
    return tape !== undefined;
  }),
  fn('llm/cassette-eject', 0, 0, () => {
    const tape = currentCassette();
    tape?.save();
    setCassette(undefined);
    return tape !== undefined;
  }),

  fn('llm/last-usage', 0, 0, () => {
    const u = usage.last;
    return u === undefined ? null : usageMap(u, [kw('model'), u.model, kw('cost-usd'), money(u.costUsd)]);
  }),
  fn('llm/session-usage', 0, 0, () => usageMap(usage.session, [kw('cost-usd'), new Float(usage.session.costUsd)])),
  fn('llm/reset-usage', 0, 0, () => {
    usage.reset();
    return null;
  }),
  fn('llm/set-budget', 1, 1, ([limit]) => {
    budget.setCost(amount('llm/set-budget', limit, 0));
    return null;
  }),
  fn('llm/clear-budget', 0, 0, () => {
    budget.clear();
    return null;
  }),
  fn('llm/budget-remaining', 0, 0, () => {
    const s = budget.state;
    if (!budget.active) return null;
    const pairs: Value[] = [];
    if (s.costLimit !== undefined) {
      pairs.push(kw('limit'), new Float(s.costLimit), kw('spent'), new Float(s.costSpent), kw('remaining'), new Float(s.costLimit - s.costSpent));
    }
    if (s.tokenLimit !== undefined) {
      pairs.push(kw('token-limit'), s.tokenLimit, kw('tokens-spent'), s.tokensSpent, kw('tokens-remaining'), Math.max(0, s.tokenLimit - s.tokensSpent));
    }
    return mapFromPairs(pairs);
  }),
  fn('llm/with-budget', 2, 2, ([o, thunk], ctx) => {
    const f = 'llm/with-budget';
    const body = arg.procedure(f, thunk, 1);
    let cost: number | undefined;
    let tokens: number | undefined;
    let preGateStreams = false;
    for (const [k, v] of mapEntries(f, o, 0)) {
      const key = keyName(k);
      if (key === 'max-cost-usd') cost = amount(f, v, 0);
      else if (key === 'max-tokens') {
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new SemaError(`${f}: :max-tokens must be a non-negative integer`, 'llm/invalid-option');
        tokens = v;
      } else if (key === 'on-stream') {
        const mode = v instanceof Keyword ? v.name : v;
        if (mode !== 'pre-gate' && mode !== 'off') throw new SemaError(`${f}: :on-stream must be :pre-gate or :off`, 'llm/invalid-option');
        preGateStreams = mode === 'pre-gate';
      } else {
        throw new SemaError(`${f}: unknown option :${key}; allowed options: :max-cost-usd, :max-tokens, :on-stream`, 'llm/invalid-option');
      }
    }
    if (cost === undefined && tokens === undefined) {
      throw new SemaError(`${f}: requires at least :max-cost-usd or :max-tokens`, 'llm/invalid-option');
    }
    return budget.scoped({ ...(cost !== undefined ? { cost } : {}), ...(tokens !== undefined ? { tokens } : {}), preGateStreams }, () =>
      ctx.apply(body, []),
    );
  }),

  fn('llm/set-pricing', 3, 3, ([m, i, o]) => {
    const f = 'llm/set-pricing';
    const num = (v: Value | undefined, idx: number): number => {
      if (typeof v === 'number') return v;
      if (v instanceof Float) return v.value;
      throw typeError(f, 'number (USD per million tokens)', typeName(v ?? null), idx);
    };
    usage.setPricing(arg.str(f, m, 0), num(i, 1), num(o, 2));
    return null;
  }),
];
