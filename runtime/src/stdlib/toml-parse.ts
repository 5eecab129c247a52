// TOML documents -> Sema maps: tables, arrays of tables, dotted keys, inline tables and
// arrays, with TOML's rules on redefining keys. Accepts what the reference's parser
// accepts beyond TOML 1.0 (TOML 1.1: `\e` and `\xHH` escapes, times without seconds,
// line breaks and a trailing comma in inline tables). Errors name line and column.

import { Float, kw, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { Cursor, TomlSyntaxError, readBasicString, readDateTime, readLiteralString, readNumber } from './toml-scalars';

/** How a table came to exist decides whether it may be defined again later. */
type TableOrigin = 'root' | 'implicit' | 'header' | 'dotted';

interface Table {
  readonly kind: 'table';
  readonly entries: Map<string, Node>;
  origin: TableOrigin;
}
interface TableArray {
  readonly kind: 'array-of-tables';
  readonly items: Table[];
}
/** A finished value; `type` names it in "cannot extend" errors. */
interface Plain {
  readonly kind: 'plain';
  readonly value: Value;
  readonly type: string;
}
type Node = Table | TableArray | Plain;

interface KeyPart {
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

/** The reference's limit on nested arrays and inline tables. */
const MAX_DEPTH = 80;

const newTable = (origin: TableOrigin): Table => ({ kind: 'table', entries: new Map(), origin });

function readKey(cur: Cursor): KeyPart[] {
  const parts: KeyPart[] = [];
  for (;;) {
    cur.skipSpaces();
    const offset = cur.pos;
    let name: string;
    if (cur.peek() === '"' || cur.peek() === "'") {
      const basic = cur.peek() === '"';
      const multi = cur.startsWith(cur.peek().repeat(3));
      name = basic ? readBasicString(cur) : readLiteralString(cur);
      if (multi) cur.fail(`keys cannot be multi-line ${basic ? 'basic' : 'literal'} strings, expected basic string, literal string`, offset, cur.pos - offset);
    } else {
      while (/[A-Za-z0-9_-]/.test(cur.peek())) cur.pos++;
      if (cur.pos === offset) cur.fail('unquoted keys cannot be empty, expected letters, numbers, `-`, `_`');
      name = cur.text.slice(offset, cur.pos);
    }
    parts.push({ name, offset, length: cur.pos - offset });
    cur.skipSpaces();
    if (cur.peek() !== '.') return parts;
    cur.pos++;
  }
}

function duplicate(cur: Cursor, key: KeyPart): never {
  return cur.fail('duplicate key', key.offset, key.length);
}

/**
 * Follows all but the last of `keys` down from `table`, creating missing tables with
 * `origin`; `enter` gives the table to go into for an existing entry, or fails.
 */
function walk(table: Table, keys: KeyPart[], origin: TableOrigin, enter: (found: Node, key: KeyPart) => Table): Table {
  let t = table;
  for (const key of keys.slice(0, -1)) {
    const found = t.entries.get(key.name);
    if (found !== undefined) t = enter(found, key);
    else {
      const created = newTable(origin);
      t.entries.set(key.name, created);
      t = created;
    }
  }
  return t;
}

/** Sets `keys = value` in `table`, creating the tables a dotted key passes through. */
function insert(cur: Cursor, table: Table, keys: KeyPart[], value: Plain): void {
  const t = walk(table, keys, 'dotted', (found, key) => {
    if (found.kind === 'table' && found.origin === 'dotted') return found;
    if (found.kind === 'plain') cur.fail(`cannot extend value of type ${found.type} with a dotted key`, key.offset, key.length);
    return duplicate(cur, key);
  });
  const last = keys[keys.length - 1]!;
  if (t.entries.has(last.name)) duplicate(cur, last);
  t.entries.set(last.name, value);
}

function readArray(cur: Cursor, depth: number): Plain {
  cur.pos++;
  const items: Value[] = [];
  for (;;) {
    cur.skipBlank();
    if (cur.peek() === ']') break;
    if (cur.eof()) cur.fail('unclosed array, expected `]`');
    if (cur.peek() === ',') cur.fail('extra comma in array, expected value');
    items.push(readValue(cur, depth).value);
    cur.skipBlank();
    if (cur.peek() === ',') cur.pos++;
    else if (cur.peek() !== ']') cur.fail('unclosed array, expected `]`');
  }
  cur.pos++;
  return { kind: 'plain', value: items, type: 'array' };
}

function readInlineTable(cur: Cursor, depth: number): Plain {
  cur.pos++;
  const table = newTable('dotted');
  cur.skipBlank();
  while (cur.peek() !== '}') {
    const keys = readKey(cur);
    if (cur.peek() !== '=') cur.fail('key with no value, expected `=`');
    cur.pos++;
    cur.skipSpaces();
    insert(cur, table, keys, readValue(cur, depth));
    cur.skipBlank();
    if (cur.peek() === ',') {
      cur.pos++;
      cur.skipBlank();
    } else if (cur.peek() !== '}') {
      cur.fail(cur.eof() ? 'unclosed inline table, expected `}`' : 'extra assignment between key-value pairs, expected `,`');
    }
  }
  cur.pos++;
  return { kind: 'plain', value: toValue(table), type: 'inline table' };
}

/** The bare token of a number, boolean or date-time (a date may be followed by ` HH:MM`). */
function bareToken(cur: Cursor): string {
  const start = cur.pos;
  let end = start;
  while (/[0-9A-Za-z_+\-.:]/.test(cur.text[end] ?? '')) end++;
  if (/^\d{4}-\d{2}-\d{2}$/.test(cur.text.slice(start, end)) && /^ \d{2}:/.test(cur.text.slice(end, end + 4))) {
    end++;
    while (/[0-9A-Za-z_+\-.:]/.test(cur.text[end] ?? '')) end++;
  }
  return cur.text.slice(start, end);
}

function readScalar(cur: Cursor): Plain {
  const start = cur.pos;
  const token = bareToken(cur);
  const plain = (value: Value, type: string): Plain => {
    cur.pos = start + token.length;
    return { kind: 'plain', value, type };
  };
  const fail = (message: string): never => cur.fail(message, start, Math.max(token.length, 1));
  if (token === 'true' || token === 'false') return plain(token === 'true', 'boolean');
  if (token.length > 0 && 'true'.startsWith(token)) fail('invalid boolean, expected `true`');
  if (token.length > 0 && 'false'.startsWith(token)) fail('invalid boolean, expected `false`');
  const special = /^([+-]?)(inf|nan)$/.exec(token);
  if (special !== null) return plain(new Float(special[2] === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity), 'float');
  if (/^[+-]?_/.test(token)) cur.fail('`_` may only go between digits, expected nothing', token.indexOf('_') + start);
  if (/^\d{4}-\d|^\d{2}:/.test(token)) return plain(readDateTime(token, fail), 'datetime');
  if (/^[+-]?\d/.test(token)) {
    const value = readNumber(cur, token);
    return plain(value, typeof value === 'number' ? 'integer' : 'float');
  }
  return fail('string values must be quoted, expected literal string');
}

function readValue(cur: Cursor, depth: number): Plain {
  const c = cur.peek();
  if ((c === '[' || c === '{') && depth >= MAX_DEPTH) cur.fail('cannot recurse further; max recursion depth met');
  if (c === '"') return { kind: 'plain', value: readBasicString(cur), type: 'string' };
  if (c === "'") return { kind: 'plain', value: readLiteralString(cur), type: 'string' };
  if (c === '[') return readArray(cur, depth + 1);
  if (c === '{') return readInlineTable(cur, depth + 1);
  return readScalar(cur);
}

/** Handles `[a.b]` or `[[a.b]]` (the cursor is on the first bracket); returns the table to fill. */
function readHeader(cur: Cursor, root: Table): Table {
  const isArray = cur.startsWith('[[');
  cur.pos += isArray ? 2 : 1;
  const keys = readKey(cur);
  if (cur.peek() !== ']') cur.fail(isArray ? 'unclosed array table, expected `]`' : 'unclosed table, expected `]`');
  cur.pos++;
  if (isArray) {
    if (cur.peek() !== ']') cur.fail('unclosed array table, expected `]`');
    cur.pos++;
  }
  const t = walk(root, keys, 'implicit', (found, key) => {
    if (found.kind === 'table') return found;
    if (found.kind === 'array-of-tables') return found.items[found.items.length - 1]!;
    return cur.fail(`cannot extend value of type ${found.type} with a dotted key`, key.offset, key.length);
  });
  const last = keys[keys.length - 1]!;
  const found = t.entries.get(last.name);
  const fresh = newTable('header');
  if (isArray) {
    if (found === undefined) t.entries.set(last.name, { kind: 'array-of-tables', items: [fresh] });
    else if (found.kind === 'array-of-tables') found.items.push(fresh);
    else duplicate(cur, last);
    return fresh;
  }
  if (found === undefined) {
    t.entries.set(last.name, fresh);
    return fresh;
  }
  if (found.kind !== 'table' || found.origin !== 'implicit') duplicate(cur, last);
  found.origin = 'header';
  return found;
}

/** Tables nested deeper than the limit (through dotted keys or headers) fail as in the reference. */
function toValue(node: Node, depth = 0): Value {
  if (depth > MAX_DEPTH) throw new TomlSyntaxError('recursion limit', -1);
  if (node.kind === 'plain') return node.value;
  if (node.kind === 'array-of-tables') return node.items.map((t) => toValue(t, depth + 1));
  return mapFromPairs([...node.entries].flatMap(([k, v]) => [kw(k), toValue(v, depth + 1)]));
}

/** Parses a whole document; throws TomlSyntaxError on bad input. */
export function parseToml(text: string): Value {
  const cur = new Cursor(text);
  if (cur.peek() === '\ufeff') cur.pos++;
  const root = newTable('root');
  let current = root;
  for (;;) {
    cur.skipSpaces();
    cur.skipComment();
    if (cur.newline()) continue;
    if (cur.eof()) break;
    if (cur.peek() === '[') current = readHeader(cur, root);
    else {
      const keys = readKey(cur);
      if (cur.peek() !== '=') cur.fail('key with no value, expected `=`');
      cur.pos++;
      cur.skipSpaces();
      insert(cur, current, keys, readValue(cur, 0));
    }
    cur.skipSpaces();
    cur.skipComment();
    if (!cur.eof() && !cur.newline()) cur.fail('unexpected key or value, expected newline, `#`');
  }
  return toValue(root);
}

/** The reference's error text: position, the offending line with carets, then the message. */
export function describeTomlError(text: string, e: TomlSyntaxError): string {
  if (e.offset < 0) return e.message;
  const offset = Math.min(e.offset, text.length);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const lineText = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  const line = text.slice(0, lineStart).split('\n').length;
  const col = [...text.slice(lineStart, offset)].length + 1;
  const pad = ' '.repeat(String(line).length);
  const carets = '^'.repeat(Math.max(1, [...text.slice(offset, offset + e.length)].length));
  return `TOML parse error at line ${line}, column ${col}\n${pad} |\n${line} | ${lineText}\n${pad} | ${' '.repeat(col - 1)}${carets}\n${e.message}\n`;
}
