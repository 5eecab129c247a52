import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkError, show } from './harness';
import { decodeBase64 } from '../../src/stdlib/base64-strict';

test('uuid/v4 gives distinct version-4 UUIDs', () => {
  const a = JSON.parse(show('(uuid/v4)')) as string;
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(a, JSON.parse(show('(uuid/v4)')));
});

test('Base64 round-trips any bytes', () => {
  check([
    ['(base64/decode-bytes (base64/encode-bytes #u8(0 255 128 1)))', '#u8(0 255 128 1)'],
    ['(base64/encode-bytes #u8())', '""'],
    ['(base64/decode (base64/encode "λ → ∞"))', '"λ → ∞"'],
    ['(base64/encode "ab")', '"YWI="'],
  ]);
});

test('the strict decoder rejects what node would silently skip', () => {
  const reason = (s: string): string => {
    try {
      decodeBase64(s);
    } catch (e) {
      return (e as Error).message;
    }
    return 'ok';
  };
  assert.equal(reason('aGVsbG8='), 'ok');
  assert.equal(reason(''), 'ok');
  assert.equal(reason('ab=c'), 'Invalid symbol 61, offset 2.');
  assert.equal(reason('a==='), 'Invalid symbol 61, offset 1.');
  assert.equal(reason('aGVs bG8='), 'Invalid symbol 32, offset 4.');
  assert.equal(reason('aGVsb'), 'Invalid input length: 5');
  assert.equal(reason('QQ='), 'Invalid padding');
  assert.equal(reason('QR=='), 'Invalid last symbol 82, offset 1.');
  assert.equal(reason('é==='), 'Invalid symbol 195, offset 0.');
  assert.deepEqual(Array.from(decodeBase64('/+8=')), [255, 239]);
});

test('digests are lower-case hex of the UTF-8 bytes', () => {
  check([
    ['(hash/sha256 "")', '"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"'],
    ['(hash/hmac-sha256 "" "")', '"b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"'],
    ['(hash/md5 "héllo")', '"be50e8478cf24ff3595bc7307fb91b50"'],
  ]);
  checkError('(hash/sha256 :a)', 'hash/sha256: expected string, got keyword', 'type-error');
  checkError('(hash/hmac-sha256 "k" 1)', 'hash/hmac-sha256: expected string, got int', 'type-error');
});
