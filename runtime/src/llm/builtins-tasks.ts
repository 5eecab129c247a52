// One-shot LLM tasks with a fixed instruction: structured extraction (from text or an
// image) with validation and re-asking, classification, summaries and comparisons.

import { readFileSync } from 'node:fs';
import { ioError, SemaError, typeError } from '../eval/errors';
import { Bytevector, Keyword, typeName, Vector, type CallContext, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { osReason } from '../stdlib/file-io';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { sniffMediaType } from './builtins-prompts';
import { runModel } from './call';
import { describeSchema, parseJsonAnswer, schemaArg, schemaProblems } from './json-answers';
import { parseOptionSet, type LlmOptions } from './options';
import { EXTRACT_OPTIONS, styleName, SUMMARIZE_OPTIONS, TASK_OPTIONS } from './task-options';
import type { ChatMessage } from './provider';

/** One request with a system instruction; returns the answer text. */
function ask(ctx: CallContext, name: string, opts: LlmOptions, system: string, messages: ChatMessage[], jsonMode = false): string {
  return runModel(ctx, name, opts, { system, messages, jsonMode }).text;
}

const userText = (text: string): ChatMessage[] => [{ role: 'user', content: [{ type: 'text', text }] }];

function reaskPrompt(previous: string, problems: string, schema: string): string {
  return (
    'Your previous response did not match the required schema.\n\n' +
    `Previous response:\n\`\`\`json\n${previous}\n\`\`\`\n\n` +
    `Validation errors:\n${problems}\n\n` +
    `Please respond with ONLY a corrected JSON object matching this schema:\n${schema}\nDo not include any other text.`
  );
}

function extract(ctx: CallContext, args: Value[]): Value {
  const name = 'llm/extract';
  const schema = schemaArg(name, args[0], 0);
  const text = arg.str(name, args[1], 1);
  const { opts, extra } = parseOptionSet(name, args[2], EXTRACT_OPTIONS);
  const validate = extra.get('validate') !== false;
  const retries = (extra.get('retries') as number | undefined) ?? 2;
  const reask = extra.get('reask?') !== false;
  const shape = describeSchema(schema);
  const system = `Extract structured data from the text. Respond with ONLY a JSON object matching this schema:\n${shape}\nDo not include any other text.`;
  let problems = '';
  let previous = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    const instruction =
      attempt === 0 ? system : reask ? reaskPrompt(previous, problems, shape) : `${system}\n\nYour previous response had validation errors: ${problems}. Please fix.`;
    const answer = ask(ctx, name, opts, instruction, userText(text), true);
    const result = parseJsonAnswer(name, answer);
    if (!validate) return result;
    const found = schemaProblems(ctx, result, schema);
    if (found === undefined) return result;
    problems = found;
    previous = answer.trim();
  }
  throw new SemaError(`${name}: extraction validation failed after ${retries + 1} attempt(s): ${problems}`, 'llm/extraction');
}

/** The image argument: a file path or a bytevector, as bytes. */
function imageBytes(name: string, v: Value | undefined): Uint8Array {
  if (v instanceof Bytevector) return v.bytes;
  if (typeof v !== 'string') throw typeError(name, 'string path or bytevector', typeName(v ?? null), 1);
  try {
    return readFileSync(v);
  } catch (e) {
    throw ioError(`${name}: ${v}: ${osReason(e)}`);
  }
}

function extractFromImage(ctx: CallContext, args: Value[]): Value {
  const name = 'llm/extract-from-image';
  const schema = schemaArg(name, args[0], 0);
  const bytes = imageBytes(name, args[1]);
  const opts = parseOptionSet(name, args[2], TASK_OPTIONS).opts;
  const media = sniffMediaType(bytes);
  if (media === undefined) {
    throw new SemaError(`${name}: unsupported image format (expected PNG, JPEG, GIF, WebP or PDF)`, 'llm/unsupported-media');
  }
  const messages: ChatMessage[] = [
    {
      role: 'user',
      content: [
        { type: media.kind, mediaType: media.mediaType, data: media.data },
        { type: 'text', text: 'Extract the requested data from this image. Respond in JSON.' },
      ],
    },
  ];
  const system = `Extract structured data from the image. Respond with ONLY a JSON object matching this schema:\n${describeSchema(schema)}\nDo not include any other text.`;
  return parseJsonAnswer(name, ask(ctx, name, opts, system, messages, true));
}

function classify(ctx: CallContext, args: Value[]): Value {
  const name = 'llm/classify';
  const labels = Array.isArray(args[0]) ? args[0] : args[0] instanceof Vector ? args[0].items : undefined;
  if (labels === undefined || labels.length === 0) throw typeError(name, 'non-empty list or vector of labels', typeName(args[0] ?? null), 0);
  const text = arg.str(name, args[1], 1);
  const opts = parseOptionSet(name, args[2], TASK_OPTIONS).opts;
  const names = labels.map((l) => (l instanceof Keyword ? l.name : typeof l === 'string' ? l : printValue(l)));
  const system = `Classify the following text into exactly one of these categories: ${names.join(', ')}\nRespond with ONLY the category name, nothing else.`;
  const category = ask(ctx, name, opts, system, userText(text)).trim();
  return labels.some((l) => l instanceof Keyword && l.name === category) ? Keyword.of(category) : category;
}

function summarize(ctx: CallContext, args: Value[]): Value {
  const name = 'llm/summarize';
  const text = arg.str(name, args[0], 0);
  const { opts, extra } = parseOptionSet(name, args[1], SUMMARIZE_OPTIONS);
  const style = styleName(extra.get('style') ?? 'paragraph');
  const styleText =
    style === 'bullet-points' || style === 'bullets'
      ? 'Use bullet points.'
      : style === 'one-line'
        ? 'Respond with a single sentence summary.'
        : 'Write a concise paragraph summary.';
  const words = extra.get('max-length');
  const lengthText = words === undefined ? '' : ` Keep the summary under ${printValue(words)} words.`;
  return ask(ctx, name, opts, `Summarize the following text. ${styleText}${lengthText}`, userText(text));
}

const COMPARE_INSTRUCTION =
  'Compare the following two texts. Respond with ONLY a JSON object containing:\n' +
  '- "similarity": a number from 0.0 (completely different) to 1.0 (identical)\n' +
  '- "differences": a list of key differences\n' +
  '- "summary": a brief comparison summary\n' +
  'Do not include any other text.';

function compare(ctx: CallContext, args: Value[]): Value {
  const name = 'llm/compare';
  const a = arg.str(name, args[0], 0);
  const b = arg.str(name, args[1], 1);
  const opts = parseOptionSet(name, args[2], TASK_OPTIONS).opts;
  const answer = ask(ctx, name, opts, COMPARE_INSTRUCTION, userText(`Text A:\n${a}\n\nText B:\n${b}`));
  return parseJsonAnswer(name, answer, 'comparison JSON');
}

export const taskBuiltins: BuiltinSpec[] = [
  fn('llm/extract', 2, 3, (args, ctx) => extract(ctx, args)),
  fn('llm/extract-from-image', 2, 3, (args, ctx) => extractFromImage(ctx, args)),
  fn('llm/classify', 2, 3, (args, ctx) => classify(ctx, args)),
  fn('llm/summarize', 1, 2, (args, ctx) => summarize(ctx, args)),
  fn('llm/compare', 2, 3, (args, ctx) => compare(ctx, args)),
];
