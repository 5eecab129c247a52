// `json/encode`, `json/encode-pretty` and `json/decode`.

import { SemaError, evalError } from '../eval/errors';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { typeErr } from './text-args';
import { JsonSyntaxError, parseJson, toJson, writeJson } from './json-text';

function encoder(name: string, indent: string | undefined): BuiltinSpec {
  return fn(name, 1, 1, (args) => {
    try {
      return writeJson(toJson(args[0] ?? null), indent);
    } catch (e) {
      if (e instanceof SemaError) throw evalError(`${name}: ${e.message}`);
      throw e;
    }
  });
}

const builtins: BuiltinSpec[] = [
  encoder('json/encode', undefined),
  encoder('json/encode-pretty', '  '),
  fn('json/decode', 1, 1, (args) => {
    const text = args[0] ?? null;
    if (typeof text !== 'string') {
      const e = typeErr('json/decode', 'string', text);
      throw new SemaError(e.message, e.type, e.fields, 'json/decode: argument 1 must be a JSON-encoded string');
    }
    try {
      return parseJson(text);
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      throw new SemaError(
        `json/decode: parse error at line ${e.line} column ${e.column}: ${e.message}`,
        'eval',
        {},
        'json/decode expects a JSON string (note: single quotes and trailing commas are not valid JSON)',
      );
    }
  }),
];

export const jsonModule: StdlibModule = { name: 'json', builtins };
