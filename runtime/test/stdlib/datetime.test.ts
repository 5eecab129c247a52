import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAll, checkError, Session } from './text-harness';
import { printValue } from '../../src/reader';


test('formatting', () => {
  checkAll([
    ['(define ts 1736943000.0)', 'nil'],
    ['(time/format ts "%Y-%m-%d")', '"2025-01-15"'],
    ['(time/format ts "%H:%M:%S")', '"12:10:00"'],
    ['(time/format ts "%A, %B %d, %Y")', '"Wednesday, January 15, 2025"'],
    ['(time/format ts "%F")', '"2025-01-15"'],
    ['(time/format ts "%T")', '"12:10:00"'],
    ['(time/format ts "%e|%b|%a|%u|%j|%I|%p|%R|%Z|%s|%%")', '"15|Jan|Wed|3|015|12|PM|12:10|UTC|1736943000|%"'],
    ['(time/format ts "%c")', '"Wed Jan 15 12:10:00 2025"'],
    ['(time/format ts "%Y-%m-%dT%H:%M:%SZ")', '"2025-01-15T12:10:00Z"'],
    ['(time/format ts "%I:%M %p")', '"12:10 PM"'],
    ['(time/format ts "%b %d at %H:%M")', '"Jan 15 at 12:10"'],
    ['(time/format ts "%-d/%-m %G-W%V %U %W")', '"15/1 2025-W03 02 02"'],
    ['(time/format 1736943000.25 "%S%.f %.3f %f")', '"00.250 .250 250000000"'],
    ['(time/format 1736943000 "%+")', '"2025-01-15T12:10:00+00:00"'],
    ['(time/format 0.0 "%Y-%m-%d %H:%M:%S")', '"1970-01-01 00:00:00"'],
    ['(time/format -86400.0 "%Y-%m-%d")', '"1969-12-31"'],
    ['(time/format -31536000.0 "%Y-%m-%d")', '"1969-01-01"'],
    ['(time/format -0.5 "%Y-%m-%d %H:%M:%S")', '"1969-12-31 23:59:59"'],
    ['(time/format 1609459200 "%G-W%V")', '"2020-W53"'],
  ]);
});

test('parsing, date parts and arithmetic', () => {
  checkAll([
    ['(time/parse "2025-01-15 12:10:00" "%Y-%m-%d %H:%M:%S")', '1736943000.0'],
    ['(time/parse "2025-01-15 00:00:00" "%Y-%m-%d %H:%M:%S")', '1736899200.0'],
    ['(time/parse "15/01/2025 14:30:00" "%d/%m/%Y %H:%M:%S")', '1736951400.0'],
    ['(time/parse "Wed, 15 Jan 2025 02:30 PM" "%a, %d %b %Y %I:%M %p")', '1736951400.0'],
    ['(time/parse (time/format 1700000000.0 "%Y-%m-%d %H:%M:%S") "%Y-%m-%d %H:%M:%S")', '1700000000.0'],
    ['(time/date-parts 0.0)', '{:day 1 :hour 0 :minute 0 :month 1 :second 0 :weekday "Thursday" :year 1970}'],
    ['(time/date-parts 1736943000.0)', '{:day 15 :hour 12 :minute 10 :month 1 :second 0 :weekday "Wednesday" :year 2025}'],
    ['(time/add 1736943000.0 3600)', '1736946600.0'],
    ['(time/add 1736943000.0 -3600)', '1736939400.0'],
    ['(time/diff 1736943000.0 1736935800.0)', '7200.0'],
    ['(time/diff 1736935800.0 1736943000.0)', '-7200.0'],
    ['(time/diff (time/add 1736943000.0 0.5) 1736943000.0)', '0.5'],
    ['(sleep 1)', 'nil'],
  ]);
  const s = new Session();
  const now = s.run('(time/now)');
  assert.match(printValue(now), /^\d{10}\.\d+$|^\d{10}\.0$/);
  assert.equal(typeof s.run('(time-ms)'), 'number');
});

test('time errors', () => {
  checkError('(time/parse "2025-01-15" "%Y-%m-%d")', 'eval', 'time/parse: parse error: input is not enough for unique date and time');
  checkError('(time/parse "2025-13-15 00:00" "%Y-%m-%d %H:%M")', 'eval', 'input is out of range');
  checkError('(time/parse "2025-01-15 00:00x" "%Y-%m-%d %H:%M")', 'eval', 'trailing input');
  checkError('(time/parse "2025-01-15 0" "%Y-%m-%d %H:%M")', 'eval', 'premature end of input');
  checkError('(time/parse "2025/01/15 00:00" "%Y-%m-%d %H:%M")', 'eval', 'input contains invalid characters');
  checkError('(time/format 0 "%Q")', 'eval', 'time/format: invalid format string');
  checkError('(time/format "x" "%Y")', 'type-error', 'expected number, got string');
  checkError('(sleep 1.5)', 'type-error', 'expected int, got float');
});
