// Conversions between Sema values and the provider port's plain data: messages into
// API messages (system messages lifted out), tool parameter maps into JSON Schema,
// JSON tool arguments into Sema values and tool results back into text.

import { mapFromPairs } from '../eval/equality';
import { SemaError } from '../eval/errors';
import { Float, Keyword, SemaHashMap, SemaMap, Sym, Vector, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import type { ChatMessage, ContentBlock, ToolSchema } from './provider';
import type { MessageValue, ToolValue } from './values';

export interface SplitMessages {
  readonly system: string | undefined;
  readonly messages: ChatMessage[];
}

/** System messages become the top-level system text (joined by blank lines, then `extraSystem`). */
export function toChatMessages(msgs: readonly MessageValue[], extraSystem?: string): SplitMessages {
  const systems: string[] = [];
  const messages: ChatMessage[] = [];
  for (const m of msgs) {
    if (m.role === 'system') {
      systems.push(m.content);
      continue;
    }
    // The API refuses empty text blocks; an empty assistant turn carries nothing anyway.
    if (m.role === 'assistant' && m.content === '' && m.attachments.length === 0) continue;
    const content: ContentBlock[] = m.attachments.map((a) => ({ type: a.kind, mediaType: a.mediaType, data: a.data }));
    if (m.content !== '' || content.length === 0) content.push({ type: 'text', text: m.content });
    messages.push({ role: m.role, content });
  }
  if (extraSystem !== undefined) systems.push(extraSystem);
  return { system: systems.length > 0 ? systems.join('\n\n') : undefined, messages };
}

export function keyName(k: Value): string {
  if (k instanceof Keyword || k instanceof Sym) return k.name;
  if (typeof k === 'string') return k;
  return printValue(k);
}

function mapLike(v: Value): v is SemaMap | SemaHashMap {
  return v instanceof SemaMap || v instanceof SemaHashMap;
}

export function lookup(m: SemaMap | SemaHashMap, name: string): Value | undefined {
  for (const [k, v] of m.entries()) if (keyName(k) === name) return v;
  return undefined;
}

/** `{:city {:type :string :description "..."}}` as JSON Schema for the API. */
export function toolSchema(tool: ToolValue): ToolSchema {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  if (mapLike(tool.parameters)) {
    for (const [k, spec] of tool.parameters.entries()) {
      const name = keyName(k);
      const prop: Record<string, unknown> = {};
      let optional = false;
      if (mapLike(spec)) {
        const type = lookup(spec, 'type');
        prop['type'] = type === undefined ? 'string' : keyName(type);
        const desc = lookup(spec, 'description');
        if (desc !== undefined) prop['description'] = typeof desc === 'string' ? desc : printValue(desc);
        const choices = lookup(spec, 'enum');
        const items = Array.isArray(choices) ? choices : choices instanceof Vector ? choices.items : undefined;
        if (items) prop['enum'] = items.map(keyName);
        const opt = lookup(spec, 'optional');
        optional = opt !== undefined && opt !== null && opt !== false;
      } else {
        prop['type'] = 'string';
      }
      properties[name] = prop;
      if (!optional) required.push(name);
    }
  }
  return { name: tool.name, description: tool.description, inputSchema: { type: 'object', properties, required } };
}

/** JSON (as parsed) to Sema: objects become keyword maps, arrays lists. */
export function jsonToValue(j: unknown): Value {
  if (j === null || j === undefined) return null;
  if (typeof j === 'boolean' || typeof j === 'string') return j;
  if (typeof j === 'number') return Number.isInteger(j) ? j : new Float(j);
  if (Array.isArray(j)) return j.map(jsonToValue);
  const pairs: Value[] = [];
  for (const [k, v] of Object.entries(j as Record<string, unknown>)) pairs.push(Keyword.of(k), jsonToValue(v));
  return mapFromPairs(pairs);
}

/** Sema to JSON-able data (for tool results the model reads). */
export function valueToJson(v: Value): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(valueToJson);
  if (v instanceof Vector) return v.items.map(valueToJson);
  if (v instanceof Float) return v.value;
  if (v instanceof Keyword) return v.name;
  if (mapLike(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of v.entries()) out[keyName(k)] = valueToJson(val);
    return out;
  }
  return printValue(v);
}

/** A tool handler's return value as the text sent back to the model. */
export function toolResultText(v: Value): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) || v instanceof Vector || mapLike(v)) return JSON.stringify(valueToJson(v));
  return printValue(v);
}

/** Checks model-supplied arguments against the tool's declared parameters. */
export function checkToolArgs(schema: ToolSchema, input: Record<string, unknown>): string | undefined {
  for (const name of schema.inputSchema.required) {
    if (!(name in input)) return `missing required argument "${name}"`;
  }
  for (const [name, value] of Object.entries(input)) {
    const prop = schema.inputSchema.properties[name] as { type?: string } | undefined;
    if (prop === undefined) return `unknown argument "${name}"`;
    if (!matchesType(prop.type, value)) return `argument "${name}" should be ${prop.type}, got ${JSON.stringify(value)}`;
  }
  return undefined;
}

function matchesType(type: string | undefined, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      return true;
  }
}

export function expectString(fn: string, v: Value, what: string): string {
  if (typeof v !== 'string') throw new SemaError(`${fn}: ${what} must be a string, got ${printValue(v)}`, 'type-error');
  return v;
}
