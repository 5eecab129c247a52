import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ryuFloat } from '../../src/stdlib/json-text';
import { Float } from '../../src/eval/values';
import { checkAll, checkError, Session } from './text-harness';


test('json/encode examples', () => {
  checkAll([
    ['(json/encode 42)', '"42"'],
    ['(json/encode "hello")', '"\\"hello\\""'],
    ['(json/encode #t)', '"true"'],
    ['(json/encode nil)', '"null"'],
    ["(json/encode '(1 2 3))", '"[1,2,3]"'],
    ['(json/encode [1 2 3])', '"[1,2,3]"'],
    ['(json/encode {:name "Ada" :age 36})', '"{\\"age\\":36,\\"name\\":\\"Ada\\"}"'],
    ['(json/encode [1.0 2.5 :kw \'sym "tab\\there"])', '"[1.0,2.5,\\"kw\\",\\"sym\\",\\"tab\\\\there\\"]"'],
    ['(json/encode {"b" 1 :a {}})', '"{\\"a\\":{},\\"b\\":1}"'],
  ]);
});

test('json/encode-pretty indents by two spaces', () => {
  const s = new Session();
  assert.equal(
    s.run('(json/encode-pretty {:name "Ada" :scores [95 87 92]})'),
    '{\n  "name": "Ada",\n  "scores": [\n    95,\n    87,\n    92\n  ]\n}',
  );
  assert.equal(s.run('(json/encode-pretty [])'), '[]');
});

test('json/decode examples and round trips', () => {
  checkAll([
    ['(json/decode "42")', '42'],
    ['(json/decode "3.14")', '3.14'],
    ['(json/decode "1.0")', '1.0'],
    ['(json/decode "1e2")', '100.0'],
    ['(json/decode "\\"hello\\"")', '"hello"'],
    ['(json/decode "true")', '#t'],
    ['(json/decode "null")', 'nil'],
    ['(json/decode "[1, 2, 3]")', '(1 2 3)'],
    ['(json/decode "{\\"name\\": \\"Ada\\"}")', '{:name "Ada"}'],
    ['(json/decode "{\\"a\\": [1, {\\"b\\": null}], \\"u\\": \\"\\\\u00e9\\\\n\\"}")', '{:a (1 {:b nil}) :u "é\\n"}'],
    ['(json/decode (json/encode [1 2 3]))', '(1 2 3)'],
    ['(json/decode (json/encode {:a 1 :b 2}))', '{:a 1 :b 2}'],
  ]);
});

test('json errors', () => {
  const s = new Session();
  s.define('nan', new Float(NaN));
  assert.throws(() => s.run('(json/encode [nan])'), /json\/encode: cannot encode NaN\/Infinity as JSON/);
  checkError('(json/encode display)', 'eval', 'json/encode: cannot encode native-fn as JSON');
  checkError('(json/decode "not json")', 'eval', 'json/decode: parse error at line 1 column 2: expected ident at line 1 column 2');
  checkError('(json/decode "")', 'eval', 'EOF while parsing a value at line 1 column 0');
  checkError('(json/decode "[1,]")', 'eval', 'trailing comma');
  checkError('(json/decode "{\\"a\\" 1}")', 'eval', 'expected `:`');
  checkError('(json/decode "[1] x")', 'eval', 'trailing characters at line 1 column 5');
  checkError('(json/decode "@")', 'eval', 'expected value at line 1 column 1');
  checkError('(json/decode 42)', 'type-error', 'expected string, got int');
});

test('floats are written the way ryu writes them', () => {
  assert.equal(ryuFloat(1), '1.0');
  assert.equal(ryuFloat(0.1), '0.1');
  assert.equal(ryuFloat(1e16), '1e16');
  assert.equal(ryuFloat(1234e13), '1.234e16');
  assert.equal(ryuFloat(123456789012345.6), '123456789012345.6');
  assert.equal(ryuFloat(0.00001), '0.00001');
  assert.equal(ryuFloat(0.000001), '1e-6');
  assert.equal(ryuFloat(-2.5e-7), '-2.5e-7');
});
