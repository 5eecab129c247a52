// Messages and prompts: construction, inspection, composition and `{{slot}}` templates.

import { SemaError } from '../eval/errors';
import { Bytevector, Keyword, SemaHashMap, SemaMap, typeName, type Value } from '../eval/values';
import { displayValue } from '../reader/printer';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import * as arg from './args';
import { keyName } from './convert';
import { MessageValue, PromptValue, type Attachment } from './values';

/** Media type from the first bytes; undefined for anything we cannot send. */
export function sniffMediaType(bytes: Uint8Array): Attachment | undefined {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  const ascii = (at: number, s: string): boolean => [...s].every((c, i) => bytes[at + i] === c.charCodeAt(0));
  let mediaType: string | undefined;
  if (starts(0x89, 0x50, 0x4e, 0x47)) mediaType = 'image/png';
  else if (starts(0xff, 0xd8, 0xff)) mediaType = 'image/jpeg';
  else if (ascii(0, 'GIF8')) mediaType = 'image/gif';
  else if (bytes.length >= 12 && ascii(0, 'RIFF') && ascii(8, 'WEBP')) mediaType = 'image/webp';
  else if (ascii(0, '%PDF')) return { kind: 'document', mediaType: 'application/pdf', data: Buffer.from(bytes).toString('base64') };
  if (mediaType === undefined) return undefined;
  return { kind: 'image', mediaType, data: Buffer.from(bytes).toString('base64') };
}

const SLOT = /\{\{\s*([A-Za-z0-9_\-?!./]+)\s*\}\}/g;

function fillText(text: string, values: Map<string, string>): string {
  return text.replace(SLOT, (whole, name: string) => values.get(name) ?? whole);
}

/** `(prompt ...)` entries: message values, prompts, or `("role" (parts...))` pairs from the special form. */
export function promptEntries(entries: readonly Value[]): MessageValue[] {
  const out: MessageValue[] = [];
  for (const e of entries) {
    if (e instanceof MessageValue) out.push(e);
    else if (e instanceof PromptValue) out.push(...e.messages);
    else if (Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Array.isArray(e[1])) {
      const r = arg.role('prompt', e[0], 0);
      out.push(new MessageValue(r, e[1].map(displayValue).join('')));
    } else {
      throw new SemaError(`prompt: expected (system ...), (user ...), (assistant ...) or a message, got ${typeName(e)}`, 'type-error');
    }
  }
  return out;
}

export const promptBuiltins: BuiltinSpec[] = [
  fn('message', 2, 2, ([r, c]) => new MessageValue(arg.role('message', r, 0), arg.str('message', c, 1))),
  fn('message/role', 1, 1, ([m]) => Keyword.of(arg.message('message/role', m, 0).role)),
  fn('message/content', 1, 1, ([m]) => arg.message('message/content', m, 0).content),
  fn('message/with-image', 3, 3, ([r, c, bytes]) => {
    const role = arg.role('message/with-image', r, 0);
    const text = arg.str('message/with-image', c, 1);
    if (!(bytes instanceof Bytevector)) {
      throw new SemaError(`message/with-image: expected a bytevector (e.g. from file/read-bytes), got ${typeName(bytes ?? null)} (argument 3)`, 'type-error');
    }
    const attachment = sniffMediaType(bytes.bytes);
    if (attachment === undefined) {
      const head = Array.from(bytes.bytes.slice(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
      throw new SemaError(
        `message/with-image: unsupported file type (first bytes: ${head || 'empty'}); expected PNG, JPEG, GIF, WebP or PDF`,
        'llm/unsupported-media',
      );
    }
    return new MessageValue(role, text, [attachment]);
  }),
  fn('message?', 1, 1, ([v]) => v instanceof MessageValue),

  fn('prompt/messages', 1, 1, ([p]) => [...arg.prompt('prompt/messages', p, 0).messages]),
  fn('prompt/append', 2, -1, (ps) => new PromptValue(ps.flatMap((p, i) => arg.prompt('prompt/append', p, i).messages))),
  fn('prompt/concat', 2, -1, (ps) => new PromptValue(ps.flatMap((p, i) => arg.prompt('prompt/concat', p, i).messages))),
  fn('prompt/fill', 2, 2, ([p, vars]) => {
    const pr = arg.prompt('prompt/fill', p, 0);
    if (!(vars instanceof SemaMap || vars instanceof SemaHashMap)) {
      throw new SemaError(`prompt/fill: expected a map of slot values like {:name "x"}, got ${typeName(vars ?? null)} (argument 2)`, 'type-error');
    }
    const values = new Map<string, string>();
    for (const [k, v] of vars.entries()) values.set(keyName(k), displayValue(v));
    return new PromptValue(pr.messages.map((m) => m.withContent(fillText(m.content, values))));
  }),
  fn('prompt/slots', 1, 1, ([p]) => {
    const seen = new Set<string>();
    for (const m of arg.prompt('prompt/slots', p, 0).messages) {
      for (const match of m.content.matchAll(SLOT)) seen.add(match[1]!);
    }
    return [...seen].map((s) => Keyword.of(s));
  }),
  fn('prompt/set-system', 2, 2, ([p, text]) => {
    const pr = arg.prompt('prompt/set-system', p, 0);
    const sys = new MessageValue('system', arg.str('prompt/set-system', text, 1));
    return new PromptValue([sys, ...pr.messages.filter((m) => m.role !== 'system')]);
  }),
  fn('prompt?', 1, 1, ([v]) => v instanceof PromptValue),
];
