// The `stream/*` builtins: byte-oriented reads and writes that work the same on every
// kind of stream (stream-values.ts, stream-files.ts), plus `*stdin*`/`*stdout*`/`*stderr*`.

import { evalError } from '../eval/errors';
import { Bytevector, type CallContext, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { ConsoleStream, FileInputStream, FileOutputStream, StdinStream } from './stream-files';
import { ByteBufferStream, joinBytes, SemaStream, StringStream } from './stream-values';
import { badType } from './support';
import { bytes, int, str, utf8Problem } from './text-args';

/** Argument `i` as a stream, or a type error whose hint names the function and position. */
function stream(name: string, args: readonly Value[], i: number): SemaStream {
  const v = args[i] ?? null;
  if (v instanceof SemaStream) return v;
  throw badType(name, 'stream', v, `${name} expects a stream as argument ${i + 1}`);
}

function byteBuffer(name: string, args: readonly Value[]): ByteBufferStream {
  const s = stream(name, args, 0);
  if (s instanceof ByteBufferStream) return s;
  throw evalError(`${name}: expected byte-buffer stream, got ${s.streamType} stream`);
}

/** Bytes as text, failing (in the reference's words) on invalid UTF-8. */
function utf8Text(name: string, data: Uint8Array): string {
  const problem = utf8Problem(data);
  if (problem !== undefined) throw evalError(`${name}: invalid UTF-8: ${problem}`);
  return new TextDecoder().decode(data);
}

const CHUNK = 8192;

/** Every byte left in `s`. */
function readAll(s: SemaStream, ctx: CallContext): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let chunk = s.read(CHUNK, ctx); chunk.length > 0; chunk = s.read(CHUNK, ctx)) {
    parts.push(chunk);
    total += chunk.length;
  }
  return joinBytes(parts, total);
}

/** Bytes up to the next `\n` (dropped, with a `\r` before it), or undefined at end of data. */
function readLineBytes(s: SemaStream, ctx: CallContext): Uint8Array | undefined {
  const line: number[] = [];
  for (;;) {
    const b = s.read(1, ctx);
    if (b.length === 0) {
      if (line.length === 0) return undefined;
      break;
    }
    if (b[0] === 10) break;
    line.push(b[0]!);
  }
  if (line[line.length - 1] === 13) line.pop();
  return Uint8Array.from(line);
}

const builtins: BuiltinSpec[] = [
  fn('stream?', 1, 1, ([v]) => v instanceof SemaStream),

  fn('stream/byte-buffer', 0, 0, () => new ByteBufferStream()),
  fn('stream/from-string', 1, 1, (args) => new StringStream(str('stream/from-string', args, 0))),
  fn('stream/from-bytes', 1, 1, (args) => new ByteBufferStream(bytes('stream/from-bytes', args, 0))),
  fn('stream/open-input', 1, 1, (args) => new FileInputStream(str('stream/open-input', args, 0))),
  fn('stream/open-output', 1, 1, (args) => new FileOutputStream(str('stream/open-output', args, 0))),

  fn('stream/read', 2, 2, (args, ctx) => {
    const s = stream('stream/read', args, 0);
    const n = int('stream/read', args, 1);
    if (n < 0) throw evalError(`stream/read: count must be non-negative, got ${n}`);
    return new Bytevector(s.read(n, ctx));
  }),
  fn('stream/read-byte', 1, 1, (args, ctx) => {
    const b = stream('stream/read-byte', args, 0).read(1, ctx);
    return b.length === 0 ? null : b[0]!;
  }),
  fn('stream/read-line', 1, 1, (args, ctx) => {
    const line = readLineBytes(stream('stream/read-line', args, 0), ctx);
    return line === undefined ? null : utf8Text('stream/read-line', line);
  }),
  fn('stream/read-all', 1, 1, (args, ctx) => new Bytevector(readAll(stream('stream/read-all', args, 0), ctx))),

  fn('stream/write', 2, 2, (args, ctx) => {
    const s = stream('stream/write', args, 0);
    return s.write(bytes('stream/write', args, 1), ctx);
  }),
  fn('stream/write-byte', 2, 2, (args, ctx) => {
    const s = stream('stream/write-byte', args, 0);
    const b = int('stream/write-byte', args, 1);
    if (b < 0 || b > 255) throw evalError(`stream/write-byte: value ${b} out of range 0..255`);
    s.write(Uint8Array.of(b), ctx);
    return null;
  }),
  fn('stream/write-string', 2, 2, (args, ctx) => {
    const s = stream('stream/write-string', args, 0);
    return s.write(new TextEncoder().encode(str('stream/write-string', args, 1)), ctx);
  }),
  fn('stream/copy', 2, 2, (args, ctx) => {
    const from = stream('stream/copy', args, 0);
    const to = stream('stream/copy', args, 1);
    let total = 0;
    for (let chunk = from.read(CHUNK, ctx); chunk.length > 0; chunk = from.read(CHUNK, ctx)) {
      to.write(chunk, ctx);
      total += chunk.length;
    }
    return total;
  }),

  fn('stream/close', 1, 1, (args) => {
    stream('stream/close', args, 0).close();
    return null;
  }),
  fn('stream/flush', 1, 1, (args) => {
    stream('stream/flush', args, 0).flush();
    return null;
  }),

  fn('stream/readable?', 1, 1, (args) => stream('stream/readable?', args, 0).readable()),
  fn('stream/writable?', 1, 1, (args) => stream('stream/writable?', args, 0).writable()),
  fn('stream/available?', 1, 1, (args) => stream('stream/available?', args, 0).available()),
  fn('stream/type', 1, 1, (args) => stream('stream/type', args, 0).streamType),

  fn('stream/to-bytes', 1, 1, (args) => new Bytevector(byteBuffer('stream/to-bytes', args).contents())),
  fn('stream/to-string', 1, 1, (args) => utf8Text('stream/to-string', byteBuffer('stream/to-string', args).contents())),
];

export const streamsModule: StdlibModule = {
  name: 'streams',
  builtins,
  // A getter, so each interpreter gets its own standard streams: closing `*stdout*` in
  // one interpreter must not close it for another in the same process.
  get constants() {
    return [
      { name: '*stdin*', value: new StdinStream() },
      { name: '*stdout*', value: new ConsoleStream('stdout') },
      { name: '*stderr*', value: new ConsoleStream('stderr') },
    ];
  },
};
