// WebSocket connections of the web server's helper thread: an upgrade request waits here
// while the evaluator decides; then it is accepted (101 + frames) or answered as plain HTTP.

import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { OP, FrameReader, acceptKey, encodeFrame } from './ws-frames';
import type { ServerCommand, ServerEvent } from './server-worker';

interface Held {
  readonly socket: Duplex;
  readonly key: string;
  readonly head: Buffer;
  accepted: boolean;
  closed: boolean;
}

export class WsConnections {
  private readonly held = new Map<number, Held>();

  constructor(
    private readonly maxMessage: number,
    private readonly post: (e: ServerEvent) => void,
  ) {}

  has(id: number): boolean {
    return this.held.has(id);
  }

  hold(id: number, req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const key = req.headers['sec-websocket-key'];
    this.held.set(id, { socket, key: typeof key === 'string' ? key : '', head, accepted: false, closed: false });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.ended(id));
  }

  perform(c: Exclude<ServerCommand, { t: 'close' }>): void {
    const h = this.held.get(c.id)!;
    switch (c.t) {
      case 'ws-accept':
        return this.accept(c.id, h);
      case 'ws-send':
        if (h.accepted && !h.closed) h.socket.write(encodeFrame(OP.text, Buffer.from(c.data, 'utf8')));
        return;
      case 'ws-close':
        return this.close(h);
      case 'reply':
        return this.plain(c.id, h, c.status, c.headers, c.body);
      default:
        // Files and streams cannot answer an upgrade request.
        return this.plain(c.id, h, 400, [['content-type', 'text/plain']], 'WebSocket upgrade required');
    }
  }

  closeAll(): void {
    for (const h of this.held.values()) h.socket.destroy();
  }

  private ended(id: number): void {
    const h = this.held.get(id);
    if (h === undefined) return;
    this.held.delete(id);
    h.closed = true;
    if (h.accepted) this.post({ t: 'ws-closed', id });
  }

  private plain(id: number, h: Held, status: number, headers: [string, string][], body: string): void {
    const code = Number.isInteger(status) && status >= 100 && status <= 999 ? status : 500;
    const bytes = Buffer.from(body, 'utf8');
    const lines = [`HTTP/1.1 ${code} ${STATUS_CODES[code] ?? ''}`];
    for (const [k, v] of headers) if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k) && !/[\r\n]/.test(v)) lines.push(`${k}: ${v}`);
    lines.push(`content-length: ${bytes.length}`, 'connection: close');
    h.socket.end(Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n'), bytes]));
    this.held.delete(id);
  }

  private accept(id: number, h: Held): void {
    h.accepted = true;
    h.socket.write(['HTTP/1.1 101 Switching Protocols', 'upgrade: websocket', 'connection: Upgrade', `sec-websocket-accept: ${acceptKey(h.key)}`].join('\r\n') + '\r\n\r\n');
    const reader = new FrameReader(this.maxMessage);
    let parts: Buffer[] = [];
    let kind: number = OP.text;
    const onData = (chunk: Buffer): void => {
      const frames = reader.push(chunk);
      if (frames === 'too-large') return this.close(h, 1009);
      for (const f of frames) {
        if (f.opcode === OP.close) return this.close(h);
        if (f.opcode === OP.ping) h.socket.write(encodeFrame(OP.pong, f.payload));
        if (f.opcode !== OP.text && f.opcode !== OP.continuation && f.opcode !== OP.binary) continue;
        if (f.opcode !== OP.continuation) kind = f.opcode;
        parts.push(f.payload);
        if (!f.fin) continue;
        const message = Buffer.concat(parts);
        parts = [];
        // Binary messages are ignored, as the reference does; text goes to the handler.
        if (kind === OP.text) this.post({ t: 'ws-message', id, data: message.toString('utf8') });
      }
    };
    h.socket.on('data', onData);
    if (h.head.length > 0) onData(h.head);
  }

  private close(h: Held, code = 1000): void {
    if (h.closed) return;
    h.closed = true;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    h.socket.end(encodeFrame(OP.close, payload));
  }
}
