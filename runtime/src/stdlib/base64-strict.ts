// Strict standard Base64 (RFC 4648 alphabet, padding required, no stray bits), rejecting
// bad input with the same reasons and offsets as the reference's decoder: node's own
// decoder skips invalid characters silently, which would turn typos into wrong data.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // '='
const INVALID = 0xff;

const SEXTETS = (() => {
  const table = new Uint8Array(256).fill(INVALID);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Why decoding failed, in the reference's words (`Invalid symbol 33, offset 0.`). */
export class Base64Error extends Error {}

const invalidSymbol = (offset: number, byte: number) => new Base64Error(`Invalid symbol ${byte}, offset ${offset}.`);

/** The bytes `text` encodes; throws Base64Error for anything but canonical padded Base64. */
export function decodeBase64(text: string): Uint8Array {
  const input = Buffer.from(text, 'utf8');
  const rem = input.length % 4;
  // A single trailing byte that cannot be Base64 (a newline, say) is reported as such.
  if (rem === 1) {
    const last = input[input.length - 1]!;
    if (last !== PAD && SEXTETS[last] === INVALID) throw invalidSymbol(input.length - 1, last);
  }
  // Every quad but the last must be four plain symbols; the last may carry padding.
  const bodyEnd = Math.max(0, input.length - rem - (rem === 0 ? 4 : 0));
  for (let i = 0; i < bodyEnd; i++) if (SEXTETS[input[i]!] === INVALID) throw invalidSymbol(i, input[i]!);
  checkTail(input, bodyEnd);
  return new Uint8Array(Buffer.from(input.toString('latin1'), 'base64'));
}

/** Checks the last (at most four) bytes: padding placement, length and unused low bits. */
function checkTail(input: Buffer, start: number): void {
  const sextets: number[] = [];
  let pads = 0;
  let firstPad = 0;
  let lastSymbol = 0;
  for (let i = start; i < input.length; i++) {
    const b = input[i]!;
    if (b === PAD) {
      // Padding may only follow two or three symbols of the quad.
      if (i - start < 2) throw invalidSymbol(i, b);
      if (pads === 0) firstPad = i;
      pads++;
      continue;
    }
    if (pads > 0) throw invalidSymbol(firstPad, PAD);
    if (SEXTETS[b] === INVALID) throw invalidSymbol(i, b);
    sextets.push(SEXTETS[b]!);
    lastSymbol = b;
  }
  if (input.length > 0 && sextets.length < 2) throw new Base64Error(`Invalid input length: ${start + sextets.length}`);
  if ((pads + sextets.length) % 4 !== 0) throw new Base64Error('Invalid padding');
  // Bits of the last symbol beyond the encoded bytes must be zero (canonical encoding).
  const usedBits = Math.floor((sextets.length * 6) / 8) * 8;
  const spareBits = sextets.length * 6 - usedBits;
  const last = sextets[sextets.length - 1] ?? 0;
  if (spareBits > 0 && (last & ((1 << spareBits) - 1)) !== 0) {
    throw new Base64Error(`Invalid last symbol ${lastSymbol}, offset ${start + sextets.length - 1}.`);
  }
}
