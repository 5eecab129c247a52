// chrono-compatible strftime: formatting a UTC instant and parsing a naive date-time.
// Covers chrono's specifiers and its `-`, `_`, `0` padding modifiers.

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface Instant {
  readonly secs: number;
  readonly nanos: number;
}

export class FormatError extends Error {}

function pad(n: number, width: number, fill: string): string {
  const neg = n < 0;
  const s = String(Math.abs(n));
  const body = s.length >= width ? s : fill.repeat(width - s.length) + s;
  return neg ? '-' + body : body;
}

/** Milliseconds of UTC midnight on the given date (any year, unlike Date.UTC). */
export function midnight(year: number, month0: number, day: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month0, day);
  return t.getTime();
}

/** ISO 8601 week-numbering year and week: the week belongs to the year of its Thursday. */
function isoWeek(y: number, m0: number, day: number, wd: number): { year: number; week: number } {
  const thursday = midnight(y, m0, day) + (3 - ((wd + 6) % 7)) * 86400000;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - midnight(year, 0, 1)) / 86400000 / 7) + 1 };
}

/** Formats `t` (UTC) with a chrono format string; throws FormatError on a bad specifier. */
export function strftime(t: Instant, fmt: string): string {
  const d = new Date(t.secs * 1000);
  const Y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const Mi = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wd = d.getUTCDay();
  const yday = (midnight(Y, mo, day) - midnight(Y, 0, 1)) / 86400000 + 1;
  const frac = (digits: number) => pad(Math.floor(t.nanos / 10 ** (9 - digits)), digits, '0');
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    let mod: string | undefined;
    let spec = fmt[++i];
    if (spec === '-' || spec === '_' || spec === '0') {
      mod = spec;
      spec = fmt[++i];
    }
    const num = (n: number, width: number, fill = '0') => {
      if (mod === '-') return String(n);
      return pad(n, width, mod === '_' ? ' ' : mod === '0' ? '0' : fill);
    };
    switch (spec) {
      case 'Y': out += Y >= 0 && Y <= 9999 ? num(Y, 4) : (Y > 0 ? '+' : '') + String(Y); break;
      case 'C': out += num(Math.floor(Y / 100), 2); break;
      case 'y': out += num(((Y % 100) + 100) % 100, 2); break;
      case 'm': out += num(mo + 1, 2); break;
      case 'b': case 'h': out += MONTHS[mo]!.slice(0, 3); break;
      case 'B': out += MONTHS[mo]; break;
      case 'd': out += num(day, 2); break;
      case 'e': out += num(day, 2, ' '); break;
      case 'a': out += WEEKDAYS[wd]!.slice(0, 3); break;
      case 'A': out += WEEKDAYS[wd]; break;
      case 'w': out += String(wd); break;
      case 'u': out += String(wd === 0 ? 7 : wd); break;
      case 'U': out += num(Math.floor((yday - 1 - wd + 7) / 7), 2); break;
      case 'W': out += num(Math.floor((yday - 1 - ((wd + 6) % 7) + 7) / 7), 2); break;
      case 'G': out += num(isoWeek(Y, mo, day, wd).year, 4); break;
      case 'g': out += num(((isoWeek(Y, mo, day, wd).year % 100) + 100) % 100, 2); break;
      case 'V': out += num(isoWeek(Y, mo, day, wd).week, 2); break;
      case 'j': out += num(yday, 3); break;
      case 'D': case 'x': out += strftime(t, '%m/%d/%y'); break;
      case 'F': out += strftime(t, '%Y-%m-%d'); break;
      case 'v': out += strftime(t, '%e-%b-%Y'); break;
      case 'H': out += num(H, 2); break;
      case 'k': out += num(H, 2, ' '); break;
      case 'I': out += num(((H + 11) % 12) + 1, 2); break;
      case 'l': out += num(((H + 11) % 12) + 1, 2, ' '); break;
      case 'P': out += H < 12 ? 'am' : 'pm'; break;
      case 'p': out += H < 12 ? 'AM' : 'PM'; break;
      case 'M': out += num(Mi, 2); break;
      case 'S': out += num(S, 2); break;
      case 'f': out += frac(9); break;
      case 'R': out += strftime(t, '%H:%M'); break;
      case 'T': case 'X': out += strftime(t, '%H:%M:%S'); break;
      case 'r': out += strftime(t, '%I:%M:%S %p'); break;
      case 'c': out += strftime(t, '%a %b %e %H:%M:%S %Y'); break;
      case '+': out += strftime(t, '%Y-%m-%dT%H:%M:%S%.f+00:00'); break;
      case 'Z': out += 'UTC'; break;
      case 'z': out += '+0000'; break;
      case 's': out += String(t.secs); break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case '%': out += '%'; break;
      case ':':
        if (fmt[i + 1] !== 'z') throw new FormatError();
        i++;
        out += '+00:00';
        break;
      case '.': {
        const n = fmt[i + 1];
        if (n === 'f') {
          i++;
          if (t.nanos !== 0) out += '.' + (t.nanos % 1e6 === 0 ? frac(3) : t.nanos % 1e3 === 0 ? frac(6) : frac(9));
        } else if ((n === '3' || n === '6' || n === '9') && fmt[i + 2] === 'f') {
          i += 2;
          out += '.' + frac(Number(n));
        } else throw new FormatError();
        break;
      }
      case '3': case '6': case '9':
        if (fmt[i + 1] !== 'f') throw new FormatError();
        i++;
        out += frac(Number(spec));
        break;
      default:
        throw new FormatError();
    }
  }
  return out;
}
