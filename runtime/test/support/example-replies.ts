// The scripted model answers the example cassettes in test-workspace/llm/ were
// recorded with (against the fake Anthropic server; there is no network here).

import type { Reply } from './fake-server-core';

const text = (t: string, usage?: { input: number; output: number }): Reply => ({ kind: 'text', text: t, ...(usage ? { usage } : {}) });
const tool = (name: string, input: Record<string, unknown>, id: string): Reply => ({ kind: 'tool', calls: [{ id, name, input }] });

export const exampleReplies: Record<string, Reply[]> = {
  complete: [
    text('Hello there, nice to meet you!'),
    text('A monad wraps a value with context and lets you chain steps that keep that context.'),
  ],
  stream: [
    { kind: 'text', chunks: ['A parenthesis', ' fell in love', ' with its match;\n', 'they closed', ' happily ever after.'] },
    { kind: 'text', chunks: ['One, ', 'two, ', 'three.'] },
  ],
  batch: [
    { kind: 'text', text: 'Bonjour', forPrompt: 'French' },
    { kind: 'text', text: 'Hola', forPrompt: 'Spanish' },
    { kind: 'text', text: 'Hallo', forPrompt: 'German' },
    { kind: 'text', text: 'Happy lucky accident.', forPrompt: 'serendipity' },
    { kind: 'text', text: 'Lasting very briefly.', forPrompt: 'ephemeral' },
  ],
  budget: [text('7', { input: 12, output: 2 }), text('11', { input: 12, output: 2 }), text('13', { input: 12, output: 2 })],
  chat: [text('Lisp is a family of languages whose programs are written as lists.'), text("The word was 'paren'.")],
  image: [text('A single tiny transparent pixel.')],
  prompts: [text('Looks good: f returns its argument plus one.'), text('Fine.')],
  tools: [tool('lookup-capital', { country: 'Norway' }, 'toolu_01'), text('The capital of Norway is Oslo.')],
  agent: [
    tool('get-weather', { city: 'Tokyo' }, 'toolu_01'),
    text("It's sunny and 22°C in Tokyo."),
    tool('get-weather', { city: 'Oslo' }, 'toolu_02'),
    text('Oslo is sunny too, 22°C.'),
  ],
  conversation: [
    text('Got it: 7.'),
    text('The secret number is 7.'),
    text('Le nombre secret est sept.'),
    text('All those parentheses make Lisp hard to read.'),
  ],
  usage: [text('Hi!', { input: 9, output: 3 }), text('Bye!', { input: 9, output: 3 })],
};
