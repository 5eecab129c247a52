// Date and time: UTC Unix timestamps in seconds (floats), chrono-style formatting and
// parsing, date parts, arithmetic, plus `time-ms` and `sleep` (milliseconds).

import { SemaError, evalError } from '../eval/errors';
import { Float, kw } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { aliases, int, num, str } from './text-args';
import { FormatError, WEEKDAYS, strftime, type Instant } from './strftime';
import { ParseFailure, strptime } from './strptime';
import { pause } from './pause';

/** Splits a timestamp into whole seconds (floored) and nanoseconds; rejects non-finite ones. */
function instant(ts: number): Instant {
  const secs = Math.floor(ts);
  if (!Number.isFinite(ts) || Math.abs(secs) > 8.2e15) throw evalError('time: invalid timestamp');
  return { secs, nanos: Math.floor((ts - secs) * 1e9) };
}

const builtins: BuiltinSpec[] = [
  fn('time/now', 0, 0, () => new Float(Math.floor(Date.now()) / 1000)),
  fn('time/format', 2, 2, (args) => {
    const t = instant(num('time/format', args, 0));
    const fmt = str('time/format', args, 1);
    try {
      return strftime(t, fmt);
    } catch (e) {
      if (e instanceof FormatError) throw evalError(`time/format: invalid format string ${JSON.stringify(fmt)}`);
      throw e;
    }
  }),
  fn('time/parse', 2, 2, (args) => {
    const s = str('time/parse', args, 0);
    const fmt = str('time/parse', args, 1);
    try {
      return new Float(strptime(s, fmt));
    } catch (e) {
      if (!(e instanceof ParseFailure)) throw e;
      throw new SemaError(
        `time/parse: parse error: ${e.message}`,
        'eval',
        {},
        'time/parse uses chrono format specifiers like %Y-%m-%d %H:%M:%S (see https://docs.rs/chrono/latest/chrono/format/strftime/index.html)',
      );
    }
  }),
  fn('time/date-parts', 1, 1, (args) => {
    const d = new Date(instant(num('time/date-parts', args, 0)).secs * 1000);
    return mapFromPairs([
      kw('year'), d.getUTCFullYear(),
      kw('month'), d.getUTCMonth() + 1,
      kw('day'), d.getUTCDate(),
      kw('hour'), d.getUTCHours(),
      kw('minute'), d.getUTCMinutes(),
      kw('second'), d.getUTCSeconds(),
      kw('weekday'), WEEKDAYS[d.getUTCDay()]!,
    ]);
  }),
  fn('time/add', 2, 2, (args) => new Float(num('time/add', args, 0) + num('time/add', args, 1))),
  fn('time/diff', 2, 2, (args) => new Float(num('time/diff', args, 0) - num('time/diff', args, 1))),
  ...aliases(fn('time-ms', 0, 0, () => Date.now()), 'time/now-ms'),
  fn('sleep', 1, 1, (args, ctx) => {
    pause(ctx, int('sleep', args, 0));
    return null;
  }),
];

export const datetimeModule: StdlibModule = { name: 'datetime', builtins };
