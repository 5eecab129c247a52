// Float-to-text conversions that must match Rust's formatting: `{}` (used inside error
// messages) and `{:.N}` (math/format-fixed), which rounds the exact binary value to N
// decimals with ties going to the even digit.

import { formatFloat } from '../reader/printer';

/** Rust's `{}` for f64: like the printer's float form but without a trailing `.0`. */
export function rustFloatDisplay(f: number): string {
  const s = formatFloat(f);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** The exact value of a finite double as mantissa * 2^exponent. */
function decompose(f: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(f));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** `format!("{:.places$}", f)`: fixed notation, exactly rounded, ties to even. */
export function formatFixed(f: number, places: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return 'inf';
  if (f === -Infinity) return '-inf';
  const negative = f < 0 || Object.is(f, -0);
  const { mantissa, exponent } = decompose(f);
  const scale = 10n ** BigInt(places);
  let scaled: bigint;
  if (exponent >= 0) {
    scaled = (mantissa << BigInt(exponent)) * scale;
  } else {
    const numerator = mantissa * scale;
    const denominator = 1n << BigInt(-exponent);
    scaled = numerator / denominator;
    const twice = (numerator % denominator) * 2n;
    if (twice > denominator || (twice === denominator && scaled % 2n === 1n)) scaled += 1n;
  }
  let digits = scaled.toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = digits.slice(0, -places) + '.' + digits.slice(-places);
  }
  return (negative ? '-' : '') + digits;
}
