// A fake Anthropic Messages API on 127.0.0.1 for the end-to-end tests (JSON and SSE streaming).
// The answer streams as numbered chunks ("chunk-1 ", "chunk-2 ", ...) with a pause between them,
// so a test can see them arrive one by one. A prompt containing "LONG" gets a stream too long to
// finish (for Cancel). Every request is recorded, including whether the client hung up early.
import http from 'node:http';

export async function startFakeAnthropic({ chunks = 5, delayMs = 400, longChunks = 200, longDelayMs = 250 } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      const record = { method: req.method, url: req.url, headers: req.headers, body: null, closedEarly: false, chunksSent: 0 };
      requests.push(record);
      try { record.body = JSON.parse(body || '{}'); } catch { record.body = { raw: body }; }
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `no route ${req.url}` } }));
        return;
      }
      const prompt = JSON.stringify(record.body.messages ?? '');
      const long = prompt.includes('LONG');
      const n = long ? longChunks : chunks;
      const texts = Array.from({ length: n }, (_, i) => `chunk-${i + 1} `);
      const model = record.body.model ?? 'claude-fake';
      if (!record.body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({
          id: 'msg_fake', type: 'message', role: 'assistant', model,
          content: [{ type: 'text', text: texts.join('').trim() }],
          stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 5, output_tokens: n },
        }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const send = (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
      send('message_start', { message: { id: 'msg_fake', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 5, output_tokens: 1 } } });
      send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
      let i = 0;
      const timer = setInterval(() => {
        if (i < texts.length) {
          send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: texts[i] } });
          record.chunksSent = ++i;
          return;
        }
        clearInterval(timer);
        send('content_block_stop', { index: 0 });
        send('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: n } });
        send('message_stop', {});
        res.end();
      }, long ? longDelayMs : delayMs);
      res.on('close', () => {
        if (!res.writableEnded) record.closedEarly = true;
        clearInterval(timer);
      });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
