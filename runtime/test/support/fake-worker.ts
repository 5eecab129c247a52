// Hosts a ScriptedServer on its own thread, so it keeps answering while the test's
// main thread is blocked inside the synchronous LLM bridge.

import { parentPort, workerData } from 'node:worker_threads';
import { anthropicDialect } from './fake-anthropic';
import { openAiDialect } from './fake-openai';
import { ScriptedServer } from './fake-server-core';

const server = new ScriptedServer(workerData.dialect === 'openai' ? openAiDialect : anthropicDialect);

parentPort!.on('message', (msg: { seq: number; op: string; arg?: unknown }) => {
  const reply = (value: unknown): void => parentPort!.postMessage({ seq: msg.seq, value });
  switch (msg.op) {
    case 'listen':
      void server.listen().then(reply);
      break;
    case 'enqueue':
      server.enqueue(...(msg.arg as never[]));
      reply(null);
      break;
    case 'options':
      server.options = msg.arg as never;
      reply(null);
      break;
    case 'release':
      server.release(); // no reply: the sender may be blocked
      break;
    case 'reset':
      server.reset();
      reply(null);
      break;
    case 'requests':
      reply(server.requests);
      break;
    case 'close':
      void server.close().then(() => reply(null));
      break;
  }
});
