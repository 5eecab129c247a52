// A small injected catalogue and helpers that analyse test text in-process.

import type { BuiltinDoc } from '@sema/runtime/docs';
import { catalogueFrom, type Catalogue } from '../../src/catalogue';
import { DocumentStore, type DocState } from '../../src/documents';
import { marked, type Marked } from './markers';

function fn(name: string, signatures: string[], params: string[], summary: string, extra: Partial<BuiltinDoc> = {}): BuiltinDoc {
  return { name, kind: 'function', module: name.includes('/') ? name.split('/')[0]! : 'core', signatures, params, summary, examples: [], ...extra };
}

export const testCatalogue: Catalogue = catalogueFrom([
  fn('+', ['(+ n ...)'], ['n'], 'Adds numbers.'),
  fn('-', ['(- n ...)'], ['n'], 'Subtracts.'),
  fn('*', ['(* n ...)'], ['n'], 'Multiplies.'),
  fn('=', ['(= a b ...)'], ['a', 'b'], 'Equality.'),
  fn('>', ['(> a b ...)'], ['a', 'b'], 'Greater than.'),
  fn('println', ['(println x ...)'], ['x'], 'Prints values and a newline.', { examples: ['(println "hi")'] }),
  fn('map', ['(map f list)', '(map f list1 list2 ...)'], ['f', 'list'], 'Applies `f` to each element.'),
  fn('string/upper', ['(string/upper s)'], ['s'], 'Upper-cases a string.', { aliases: ['string-upcase'] }),
  fn('substring', ['(substring s start [end])'], ['s', 'start', 'end'], 'Part of a string.'),
  fn('llm/complete', ['(llm/complete prompt)', '(llm/complete prompt opts)'], ['prompt', 'opts'], 'Completes a prompt.', {
    module: 'llm',
    options: [
      { name: 'model', type: 'string', summary: 'Model name.' },
      { name: 'max-tokens', type: 'positive integer', summary: 'Maximum tokens in the response.', default: '1024' },
      { name: 'temperature', type: 'float 0.0-1.0', summary: 'Sampling temperature.' },
      { name: 'system', type: 'string', summary: 'System prompt.' },
      { name: 'tools', type: 'list of tools', summary: 'Tools the model may call.' },
      { name: 'tool-mode', type: 'keyword :auto or :none', summary: 'Whether tools run.', default: ':auto' },
    ],
  }),
  fn('llm/chat', ['(llm/chat messages)', '(llm/chat messages opts)'], ['messages', 'opts'], 'Chats.', { module: 'llm' }),
  { name: 'dotimes', kind: 'macro', module: 'core', signatures: ['(dotimes (i n) body ...)'], params: ['spec', 'body'], summary: 'Repeats body.', examples: [] },
  { name: 'if', kind: 'special-form', module: 'special-forms', signatures: ['(if test then else)'], params: ['test', 'then', 'else'], summary: 'Branches on `test`.', examples: [] },
]);

export const TEST_URI = 'file:///work/test/main.sema';

/** Analyses `source` (with `|` markers removed) as the open document TEST_URI. */
export function open(source: string, extra: Record<string, string> = {}, catalogue = testCatalogue): { doc: DocState; store: DocumentStore; m: Marked } {
  const m = marked(source);
  const store = new DocumentStore(catalogue);
  for (const [uri, text] of Object.entries(extra)) store.set(uri, 1, text);
  store.set(TEST_URI, 1, m.text);
  return { doc: store.get(TEST_URI)!, store, m };
}
