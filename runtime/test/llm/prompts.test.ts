// Messages and prompts as values: construction, printing, templates, images.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Bytevector, typeName, type Value } from '../../src/eval/values';
import { printValue } from '../../src/reader/printer';
import { MessageValue, PromptValue } from '../../src/llm/values';
import { call, kw, makeCtx, map } from '../support/fake-ctx';
import { promptOf } from '../support/fake-ctx';
import { errorOf } from '../support/llm-fixture';

const ctx = makeCtx();
const c = (name: string, ...args: Value[]): Value => call(ctx, name, ...args);

describe('messages', () => {
  it('builds, prints and inspects messages', () => {
    const m = c('message', kw('user'), 'What is Lisp?');
    assert.equal(printValue(m), '<message user "What is Lisp?">');
    assert.equal(c('message/role', m), kw('user'));
    assert.equal(c('message/content', m), 'What is Lisp?');
    assert.equal(c('message?', m), true);
    assert.equal(c('message?', 'nope'), false);
    assert.equal(typeName(m), 'message');
    const long = c('message', kw('system'), 'x'.repeat(50));
    assert.equal(printValue(long), `<message system "${'x'.repeat(40)}...">`);
  });

  it('rejects unknown roles and non-string content', () => {
    assert.match(errorOf(() => c('message', kw('robot'), 'hi')).message, /message: expected role :system, :user or :assistant, got :robot/);
    assert.equal(errorOf(() => c('message', kw('user'), 42)).type, 'type-error');
  });

  it('detects image and document types from magic bytes', () => {
    const cases: [number[], string, string][] = [
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], 'image', 'image/png'],
      [[0xff, 0xd8, 0xff, 0xe0], 'image', 'image/jpeg'],
      [[...Buffer.from('GIF89a')], 'image', 'image/gif'],
      [[...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')], 'image', 'image/webp'],
      [[...Buffer.from('%PDF-1.7')], 'document', 'application/pdf'],
    ];
    for (const [bytes, kind, mediaType] of cases) {
      const m = c('message/with-image', kw('user'), 'Look', new Bytevector(Uint8Array.from(bytes))) as MessageValue;
      assert.deepEqual(m.attachments, [{ kind, mediaType, data: Buffer.from(bytes).toString('base64') }]);
      assert.equal(m.content, 'Look');
    }
  });

  it('refuses other bytes with a clear error', () => {
    const e = errorOf(() => c('message/with-image', kw('user'), 'x', new Bytevector(Uint8Array.from([1, 2, 3, 4]))));
    assert.equal(e.type, 'llm/unsupported-media');
    assert.match(e.message, /unsupported file type \(first bytes: 01 02 03 04\); expected PNG, JPEG, GIF, WebP or PDF/);
    assert.match(errorOf(() => c('message/with-image', kw('user'), 'x', 'not bytes')).message, /expected a bytevector/);
  });
});

describe('prompts', () => {
  const template = promptOf([
    ['system', ['You are a ', '{{role}}', ' reviewing {{language}} code.']],
    ['user', ['{{query}}']],
  ]) as PromptValue;

  it('builds from role entries and messages, prints its size', () => {
    assert.equal(printValue(template), '<prompt 2 messages>');
    assert.equal(c('prompt?', template), true);
    assert.equal(c('prompt?', 42), false);
    const msgs = c('prompt/messages', template) as Value[];
    assert.equal(msgs.length, 2);
    assert.equal(c('message/content', msgs[0]!), 'You are a {{role}} reviewing {{language}} code.');
    const mixed = promptOf([c('message', kw('user'), 'hi'), ['assistant', ['hello ', 3]]]) as PromptValue;
    assert.deepEqual(mixed.messages.map((m) => [m.role, m.content]), [['user', 'hi'], ['assistant', 'hello 3']]);
  });

  it('fills slots, partially too, and lists what is left', () => {
    assert.deepEqual(c('prompt/slots', template), [kw('role'), kw('language'), kw('query')]);
    const partial = c('prompt/fill', template, map('role', 'expert'));
    assert.deepEqual(c('prompt/slots', partial), [kw('language'), kw('query')]);
    const full = c('prompt/fill', partial, map('language', 'Rust', 'query', 'Explain.'));
    assert.deepEqual(c('prompt/slots', full), []);
    assert.equal((full as PromptValue).messages[0]!.content, 'You are a expert reviewing Rust code.');
  });

  it('appends, concatenates and replaces the system message', () => {
    const a = promptOf([['system', ['A']]]);
    const b = promptOf([['system', ['B']], ['user', ['q']]]);
    const both = c('prompt/append', a, b, a) as PromptValue;
    assert.equal(both.messages.length, 4);
    assert.equal((c('prompt/concat', a, b) as PromptValue).messages.length, 3);
    const replaced = c('prompt/set-system', both, 'new') as PromptValue;
    assert.deepEqual(replaced.messages.map((m) => [m.role, m.content]), [['system', 'new'], ['user', 'q']]);
    assert.equal(errorOf(() => c('prompt/append', a, 5)).type, 'type-error');
  });
});
