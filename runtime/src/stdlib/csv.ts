// `csv/parse`, `csv/parse-maps` and `csv/encode`: RFC 4180 CSV with the reference's
// reading rules (the Rust csv crate: blank lines skipped, \r, \n and \r\n all end a
// record, every record as long as the first) and its error texts.

import { SemaError } from '../eval/errors';
import { Vector, kw, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { printValue } from '../reader/printer';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str, typeErr } from './text-args';

/** Where a record starts, as the csv crate reports it: after the previous record's terminator. */
interface RecordStart {
  readonly index: number;
  readonly line: number;
  readonly byte: number;
}

class CsvError extends Error {}

/** UTF-8 bytes for one UTF-16 code unit, so positions count bytes as the crate's do. */
function utf8Width(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // A surrogate pair is four bytes: two for each half.
  if (code >= 0xd800 && code <= 0xdfff) return 2;
  return 3;
}

/**
 * Splits `text` into records of fields. A quote opens a quoted field only at the start of
 * a field; after the closing quote any further characters join the field as they are
 * (the crate's leniency), and an unclosed quote runs to the end of the text.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let line = 1;
  // A leading byte-order mark is dropped (its bytes still count in error positions).
  const bom = text.startsWith('\ufeff');
  let byte = bom ? 3 : 0;
  let i = bom ? 1 : 0;
  const n = text.length;
  const advance = (): void => {
    const c = text.charCodeAt(i++);
    byte += utf8Width(c);
    if (c === 10) line++;
  };
  while (i < n) {
    const start: RecordStart = { index: records.length, line, byte };
    // Blank lines (any run of \r and \n) between records are skipped.
    while (i < n && (text[i] === '\r' || text[i] === '\n')) advance();
    if (i >= n) break;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let atFieldStart = true;
    for (;;) {
      if (i >= n) {
        fields.push(field);
        break;
      }
      const c = text[i]!;
      if (quoted) {
        advance();
        if (c !== '"') field += c;
        else if (text[i] === '"') {
          advance();
          field += '"';
        } else quoted = false;
        continue;
      }
      if (c === '"' && atFieldStart) {
        advance();
        quoted = true;
        atFieldStart = false;
        continue;
      }
      advance();
      if (c === ',') {
        fields.push(field);
        field = '';
        atFieldStart = true;
      } else if (c === '\n' || c === '\r') {
        fields.push(field);
        break;
      } else {
        field += c;
        atFieldStart = false;
      }
    }
    const expected = records[0]?.length;
    if (expected !== undefined && fields.length !== expected) {
      throw new CsvError(
        `CSV error: record ${start.index} (line: ${start.line}, byte: ${start.byte}): found record with ${fields.length} fields, but the previous record has ${expected} fields`,
      );
    }
    records.push(fields);
  }
  return records;
}

function parseOrFail(name: string, text: string, hint: string): string[][] {
  try {
    return parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new SemaError(`${name}: parse error: ${e.message}`, 'eval', {}, hint);
    throw e;
  }
}

/** A field quoted when it holds a comma, quote or line break (quotes doubled). */
function encodeField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function encodeRecord(fields: readonly string[]): string {
  // A record of one empty field (or none) is written `""` so that it survives reading.
  if (fields.length === 0 || (fields.length === 1 && fields[0] === '')) return '""\n';
  return fields.map(encodeField).join(',') + '\n';
}

function rowFields(row: Value): string[] {
  const items = Array.isArray(row) ? row : row instanceof Vector ? row.items : undefined;
  if (items === undefined) throw typeErr('csv/encode', 'list', row);
  return items.map((v) => (typeof v === 'string' ? v : printValue(v)));
}

function encodeCsv(rows: Value): string {
  if (!Array.isArray(rows)) throw typeErr('csv/encode', 'list', rows);
  let out = '';
  let width: number | undefined;
  for (const row of rows) {
    const fields = rowFields(row);
    if (width !== undefined && fields.length !== width) {
      throw new SemaError(
        `csv/encode: CSV error: found record with ${fields.length} fields, but the previous record has ${width} fields`,
        'eval',
      );
    }
    width = fields.length;
    out += encodeRecord(fields);
  }
  return out;
}

const builtins: BuiltinSpec[] = [
  fn('csv/parse', 1, 1, (args) => {
    return parseOrFail('csv/parse', str('csv/parse', args, 0), 'csv/parse expects comma-separated values; check delimiters and quoting');
  }),
  fn('csv/parse-maps', 1, 1, (args) => {
    const name = 'csv/parse-maps';
    const [headers, ...records] = parseOrFail(name, str(name, args, 0), `${name} expects comma-separated values; check delimiters and quoting`);
    if (headers === undefined) return [];
    return records.map((r) => mapFromPairs(r.flatMap((field, i) => [kw(headers[i]!), field])));
  }),
  fn('csv/encode', 1, 1, (args) => encodeCsv(args[0] ?? null)),
];

export const csvModule: StdlibModule = { name: 'csv', builtins };
