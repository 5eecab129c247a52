// Turns the bytes of one keypress on a raw-mode terminal into the map `io/read-key`
// returns: `{:kind :char :char "a"}`, `{:kind :ctrl :char "c"}`, `{:kind :alt ...}`,
// `{:kind :key :name :up}`, and with mouse or kitty reporting on, `{:kind :mouse ...}`
// and kitty key events in the same shapes plus `:mods`. Decoding follows the reference
// byte for byte; the byte source is abstract so the decoder can be tested without a TTY.

import { mapFromPairs } from '../eval/equality';
import { kw, type Value } from '../eval/values';

export interface ByteSource {
  /** The next byte, waiting for it if need be; undefined at end of input. */
  read(): number | undefined;
  /** True when a byte arrives (or is already there) within `ms` milliseconds. */
  ready(ms: number): boolean;
}

const named = (name: string): Value => mapFromPairs([kw('kind'), kw('key'), kw('name'), kw(name)]);
const withChar = (kind: string, ch: string, mods: Value = null): Value =>
  mapFromPairs([kw('kind'), kw(kind), kw('char'), ch, ...(mods === null ? [] : [kw('mods'), mods])]);

/** `(:shift :alt :ctrl :super)` for the bits set in `bits` (1, 2, 4, 8), or nil for none. */
function modsList(bits: number): Value {
  const names = ['shift', 'alt', 'ctrl', 'super'].filter((_, i) => (bits & (1 << i)) !== 0);
  return names.length === 0 ? null : names.map(kw);
}

/** A decimal field as Rust's `parse::<u32>()` reads it, 0 when it does not parse. */
function u32(field: string | undefined): number {
  if (field === undefined || !/^\+?\d+$/.test(field)) return 0;
  const n = Number(field);
  return n <= 0xffffffff ? n : 0;
}

const CSI_KEYS: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift-tab', '3~': 'delete', '5~': 'page-up', '6~': 'page-down' };
const SS3_KEYS: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', P: 'f1', Q: 'f2', R: 'f3', S: 'f4' };

/** One keypress from `src`, or nil at end of input. */
export function decodeKey(src: ByteSource): Value {
  const b = src.read();
  if (b === undefined) return null;
  if (b === 0x1b) return decodeEscape(src);
  if (b === 0x7f || b === 0x08) return named('backspace');
  if (b === 0x09) return named('tab');
  if (b === 0x0a || b === 0x0d) return named('enter');
  if (b < 0x20) return withChar('ctrl', String.fromCharCode(b + 0x60));
  if (b < 0x80) return withChar('char', String.fromCharCode(b));
  return withChar('char', decodeUtf8Tail(src, b));
}

function decodeEscape(src: ByteSource): Value {
  // A lone ESC is the Escape key; a sequence follows within 50 ms.
  if (!src.ready(50)) return named('esc');
  const b2 = src.read();
  if (b2 === undefined) return named('esc');
  if (b2 === 0x5b) {
    const csi: number[] = [];
    for (let c = src.read(); c !== undefined; c = src.read()) {
      csi.push(c);
      if (c >= 0x40 && c <= 0x7e) break;
    }
    const last = csi[csi.length - 1] ?? 0;
    if (csi[0] === 0x3c) return decodeSgrMouse(csi, last);
    if (last === 0x75) return decodeKitty(csi);
    return named(CSI_KEYS[String.fromCharCode(...csi)] ?? 'unknown');
  }
  if (b2 === 0x4f) return named(SS3_KEYS[String.fromCharCode(src.read() ?? 0)] ?? 'unknown');
  return withChar('alt', String.fromCharCode(b2));
}

/** The rest of a multi-byte UTF-8 character (continuations may lag by up to 20 ms). */
function decodeUtf8Tail(src: ByteSource, lead: number): string {
  const extra = (lead & 0xe0) === 0xc0 ? 1 : (lead & 0xf0) === 0xe0 ? 2 : (lead & 0xf8) === 0xf0 ? 3 : 0;
  const bytes = [lead];
  for (let i = 0; i < extra && src.ready(20); i++) {
    const c = src.read();
    if (c === undefined) break;
    bytes.push(c);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return '?';
  }
}

/** An SGR (1006) mouse report: `<button;x;y` then `M` (press) or `m` (release). */
function decodeSgrMouse(csi: number[], final: number): Value {
  const [b = 0, x = 0, y = 0] = String.fromCharCode(...csi.slice(1, -1)).split(';').map(u32);
  const mods = ((b & 4) !== 0 ? 1 : 0) | ((b & 8) !== 0 ? 2 : 0) | ((b & 16) !== 0 ? 4 : 0);
  const base = b & 3;
  const action = (b & 64) !== 0 ? ['wheel-up', 'wheel-down', 'wheel-left', 'wheel-right'][base]! : (b & 32) !== 0 ? 'move' : final === 0x6d ? 'release' : 'press';
  const modsValue = modsList(mods);
  return mapFromPairs([kw('kind'), kw('mouse'), kw('action'), kw(action), kw('x'), x, kw('y'), y, kw('button'), base, ...(modsValue === null ? [] : [kw('mods'), modsValue])]);
}

const scalar = (n: number): string | undefined => (n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : undefined);
const isAsciiLetter = (c: string | undefined): c is string => c !== undefined && /^[A-Za-z]$/.test(c);

/** A kitty keyboard event `code;mods;text u`, in the legacy shapes plus `:mods`. */
function decodeKitty(csi: number[]): Value {
  let body = '';
  try {
    body = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(csi.slice(0, -1)));
  } catch {
    body = '';
  }
  const [keySec = '', modsSec = '', textSec = ''] = body.split(';');
  const cp = u32(keySec.split(':')[0]);
  // Kitty sends the modifier bitmask plus one.
  const bits = Math.max(0, u32(modsSec.split(':')[0]) - 1);
  const text = textSec.split(':').filter((f) => /^\+?\d+$/.test(f)).map((f) => scalar(u32(f)) ?? '').join('') || undefined;
  const ch = scalar(cp);
  const mods = modsList(bits);
  const keyName = cp === 27 ? 'esc' : cp === 13 || cp === 10 ? 'enter' : cp === 9 ? 'tab' : cp === 127 || cp === 8 ? 'backspace' : undefined;
  if (keyName !== undefined) return mapFromPairs([kw('kind'), kw('key'), kw('name'), kw(keyName), ...(mods === null ? [] : [kw('mods'), mods])]);
  if ((bits & 4) !== 0 && isAsciiLetter(ch)) return withChar('ctrl', ch.toLowerCase(), mods);
  if ((bits & 2) !== 0 && (bits & 4) === 0) return withChar('alt', text ?? ch ?? '', mods);
  const shifted = (bits & 1) !== 0 && isAsciiLetter(ch) ? ch.toUpperCase() : ch;
  return withChar('char', text ?? shifted ?? '', mods);
}
