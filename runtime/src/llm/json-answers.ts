// Answers the model was asked to give as JSON (`llm/extract`, `llm/compare`, ...): the
// prompt text describing a schema, the parsing of a reply (a ```json fence allowed), and
// the checks `llm/extract` runs on the result.

import { SemaError, typeError } from '../eval/errors';
import { isProcedure, isTruthy, Keyword, SemaHashMap, SemaMap, typeName, Vector, Float, type CallContext, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { JsonSyntaxError, parseJson } from '../stdlib/json-text';
import { keyName, lookup } from './convert';

type MapValue = SemaMap | SemaHashMap;

const isMap = (v: Value | undefined): v is MapValue => v instanceof SemaMap || v instanceof SemaHashMap;

/** A schema argument: a map of field names to `{:type ...}` descriptors or bare type keywords. */
export function schemaArg(fn: string, v: Value | undefined, i: number): MapValue {
  if (!isMap(v)) throw typeError(fn, 'schema map like {:name {:type :string}}', typeName(v ?? null), i);
  for (const [k, spec] of v.entries()) {
    if (!isMap(spec)) continue;
    const t = lookup(spec, 'type');
    if (t !== undefined && !(t instanceof Keyword) && typeof t !== 'string') {
      throw new SemaError(`${fn}: field :${keyName(k)}: :type must be a keyword like :string, got ${typeName(t)}`, 'type-error');
    }
    const check = lookup(spec, 'validate');
    if (check !== undefined && !isProcedure(check)) {
      throw new SemaError(`${fn}: field :${keyName(k)}: :validate must be a function, got ${typeName(check)}`, 'type-error');
    }
    const message = lookup(spec, 'message');
    if (message !== undefined && typeof message !== 'string') {
      throw new SemaError(`${fn}: field :${keyName(k)}: :message must be a string, got ${typeName(message)}`, 'type-error');
    }
  }
  return v;
}

function typeOf(spec: Value): string {
  const t = isMap(spec) ? lookup(spec, 'type') : spec;
  if (t instanceof Keyword) return t.name;
  if (typeof t === 'string') return t;
  return 'any';
}

/** The schema as the prompt shows it: `{ "vendor": <string>, ... }`. */
export function describeSchema(schema: MapValue): string {
  const fields = schema.entries().map(([k, spec]) => `  "${keyName(k)}": <${typeOf(spec)}>`);
  return `{\n${fields.join(',\n')}\n}`;
}

/** Parses a JSON reply (optionally inside a ``` fence) into Sema data; `what` names it in errors. */
export function parseJsonAnswer(fn: string, text: string, what = 'LLM JSON response'): Value {
  const content = text.trim();
  const body = content.startsWith('```') ? content.replace(/^```(json)?/, '').replace(/```$/, '').trim() : content;
  try {
    return parseJson(body);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const shown = content.length > 300 ? `${content.slice(0, 300)}...` : content;
    throw new SemaError(`${fn}: failed to parse ${what}: ${e.message}\nResponse was: ${shown}`, 'llm/invalid-response');
  }
}

/**
 * Whether `v` has the schema type `type` (`:string`, `:number`, `:bool`, `:list`, ...; other
 * names accept anything). `vectorIsList`: a vector counts as a `:list` value too.
 */
export function valueHasType(type: string, v: Value, vectorIsList = true): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' || v instanceof Float;
    case 'boolean':
    case 'bool':
      return typeof v === 'boolean';
    case 'list':
    case 'array':
      return Array.isArray(v) || (vectorIsList && v instanceof Vector);
    default:
      return true;
  }
}

/**
 * Checks an extraction result against the schema: required keys present, descriptor
 * types matched, `:validate` predicates true. Bare type keywords are hints only, not
 * checked. Returns the problems joined by "; ", or undefined when there are none.
 */
export function schemaProblems(ctx: CallContext, result: Value, schema: MapValue): string | undefined {
  if (!isMap(result)) return `expected map result, got ${typeName(result)}`;
  const problems: string[] = [];
  for (const [k, spec] of schema.entries()) {
    const name = keyName(k);
    const value = lookup(result, name);
    const descriptor = isMap(spec) ? spec : undefined;
    if (value === undefined) {
      if (!(descriptor && isTruthy(lookup(descriptor, 'optional') ?? false))) problems.push(`missing key: ${name}`);
      continue;
    }
    if (descriptor === undefined) continue;
    const type = lookup(descriptor, 'type') === undefined ? 'any' : typeOf(descriptor);
    if (!valueHasType(type, value)) {
      problems.push(`key ${name}: expected ${type}, got ${typeName(value)}`);
      continue;
    }
    const check = lookup(descriptor, 'validate');
    if (check === undefined) continue;
    const message = lookup(descriptor, 'message');
    try {
      if (!isTruthy(ctx.apply(check, [value]))) {
        problems.push(`key ${name}: ${typeof message === 'string' ? message : `custom validation failed for value ${printValue(value)}`}`);
      }
    } catch (e) {
      if (!(e instanceof SemaError) || e.type === 'interrupted') throw e;
      problems.push(`key ${name}: validation error: ${e.message}`);
    }
  }
  return problems.length > 0 ? problems.join('; ') : undefined;
}
