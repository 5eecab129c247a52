// The evaluator's side of the `proc/*` helper thread (proc-worker.ts): it mirrors each
// child's state (buffered output, end of its pipes, exit code) from the thread's
// messages, which it takes off the port synchronously (`receiveMessageOnPort`), and
// waits for replies in short slices so an interrupt (Ctrl+C) is noticed.

import { StringDecoder } from 'node:string_decoder';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { SemaError } from '../eval/errors';
import { helperScript } from './helper-thread';
import type { ProcCommand, ProcMessage } from './proc-worker';

interface Host {
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

class Pipe {
  private readonly decoder = new StringDecoder('utf8');
  text = '';
  ended = false;

  add(bytes: Uint8Array): void {
    this.text += this.decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.text += this.decoder.end();
  }

  /** What has arrived since the last drain ("" if nothing), then forgets it. */
  drain(): string {
    const s = this.text;
    this.text = '';
    return s;
  }
}

export class Child {
  readonly out = new Pipe();
  readonly err = new Pipe();
  exitCode: number | null = null;
  stdinOpen = true;

  constructor(
    readonly pid: number,
    /** Started by pty/spawn: only pty/* accept its handle, proc/* only the others. */
    readonly pty: boolean,
  ) {}

  /** Exited and both pipes drained to their end: every byte the child wrote is buffered. */
  get finished(): boolean {
    return this.exitCode !== null && this.out.ended && this.err.ended;
  }
}

let host: Host | undefined;
let nextId = 1;
const children = new Map<number, Child>();
const replies = new Map<number, { error?: string; pid?: number }>();
const ptyIds = new Set<number>();
/** Spawns whose caller was interrupted before the reply: killed as soon as they start. */
const abandoned = new Set<number>();

function start(): Host {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(helperScript('proc-worker.js', 'proc/spawn'), { workerData: { port: port2, signal }, transferList: [port2] });
  worker.unref();
  port1.unref();
  // The helper thread kills its children when it ends; this covers the case where this
  // thread's exit stops it before it can (the pids are signalled directly).
  process.once('exit', () => {
    for (const c of children.values()) if (c.exitCode === null) killPid(c.pid);
  });
  return { port: port1, signal };
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Applies every message waiting on the port to the mirrored state. */
export function pump(): void {
  if (!host) return;
  for (let m = receiveMessageOnPort(host.port); m !== undefined; m = receiveMessageOnPort(host.port)) {
    const msg = m.message as ProcMessage;
    if ('reply' in msg) {
      replies.set(msg.reply, msg);
      // Registered here, not after the wait: the child's output may be in this same batch.
      if (msg.pid !== undefined && abandoned.delete(msg.reply)) host.port.postMessage({ kill: msg.reply } satisfies ProcCommand);
      else if (msg.pid !== undefined && !children.has(msg.reply)) children.set(msg.reply, new Child(msg.pid, ptyIds.has(msg.reply)));
    }
    else if ('data' in msg) pipeOf(msg.data, msg.stream)?.add(msg.bytes);
    else if ('eof' in msg) pipeOf(msg.eof, msg.stream)?.end();
    else {
      const c = children.get(msg.exit);
      if (c) c.exitCode = msg.code;
    }
  }
}

function pipeOf(id: number, stream: 'out' | 'err'): Pipe | undefined {
  const c = children.get(id);
  return c === undefined ? undefined : stream === 'out' ? c.out : c.err;
}

function post(c: ProcCommand): void {
  host ??= start();
  host.port.postMessage(c);
}

/**
 * Waits in 50 ms slices until `done()` holds, draining the port between slices.
 * `interrupted` is polled so a Ctrl+C stops the wait with the usual "interrupted" error.
 */
export function waitUntil(done: () => boolean, interrupted: () => boolean): void {
  const h = (host ??= start());
  for (;;) {
    Atomics.store(h.signal, 0, 0);
    pump();
    if (done()) return;
    if (interrupted()) throw new SemaError('interrupted', 'interrupted');
    Atomics.wait(h.signal, 0, 0, 50);
  }
}

/** Asks the helper thread for something and waits for its answer. */
function request(id: number, c: ProcCommand, interrupted: () => boolean): { error?: string; pid?: number } {
  replies.delete(id);
  post(c);
  waitUntil(() => replies.has(id), interrupted);
  const r = replies.get(id)!;
  replies.delete(id);
  return r;
}

export interface SpawnSpec {
  readonly argv: string[];
  readonly cwd?: string;
  readonly env: Record<string, string>;
  readonly pty?: { rows: number; cols: number };
}

/** Starts a child; its handle, or the system's reason it could not start. */
export function spawnChild(spec: SpawnSpec, interrupted: () => boolean): number | { error: string } {
  const id = nextId++;
  if (spec.pty !== undefined) ptyIds.add(id);
  let r: { error?: string; pid?: number };
  try {
    r = request(id, { spawn: id, ...spec }, interrupted);
  } catch (e) {
    abandoned.add(id);
    throw e;
  }
  return r.error === undefined ? id : { error: r.error };
}

export function child(id: number): Child | undefined {
  pump();
  return children.get(id);
}

/** Writes `text` to the child's stdin and waits until it is handed to the system. */
export function writeStdin(id: number, text: string, interrupted: () => boolean): string | undefined {
  return request(id, { write: id, text }, interrupted).error;
}

export function closeStdin(id: number): void {
  post({ closeStdin: id });
}

export function kill(id: number): void {
  post({ kill: id });
}

/** Kills the child if it still runs and forgets the handle. */
export function close(id: number): void {
  if (!children.delete(id)) return;
  post({ kill: id });
}
