import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkError, show } from './harness';
import { entropy } from '../../src/stdlib/secret';

test('secret/detect finds each kind of secret with byte offsets', () => {
  check([
    ['(secret/detect "AWS key AKIAIOSFODNN7EXAMPLE here")', '({:end 28 :match "AKIAIOSFODNN7EXAMPLE" :start 8 :type "aws-access-key"})'],
    ['(map :type (secret/detect "xoxb-EXAMPLE-NOT-A-REAL-TOKEN"))', '("slack-token")'],
    ['(map :type (secret/detect "ghp_0000000000000000000000000000000000000000"))', '("github-token")'],
    ['(map :type (secret/detect "-----BEGIN RSA PRIVATE KEY-----"))', '("private-key")'],
    ['(map :type (secret/detect "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123_-xyz"))', '("jwt")'],
    ['(secret/detect "api_key = \'a8Fk3Lm9Zq2Wx7Bv1Nc4Pd6\'")', '({:end 34 :match "api_key = \'a8Fk3Lm9Zq2Wx7Bv1Nc4Pd6" :start 0 :type "api-key"})'],
    // Offsets count UTF-8 bytes: "naïve ünïcode " is 17 bytes.
    ['(map :start (secret/detect "naïve ünïcode AKIAIOSFODNN7EXAMPLE 😀 ghp_aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5"))', '(17 43)'],
  ]);
});

test('low-entropy values and look-alikes are not secrets', () => {
  check([
    ['(secret/detect "PASSWORD: \\"aaaaaaaaaaaaaaaaaaaa\\"")', '()'],
    ['(secret/detect "key AKIA... and tok eyJ...")', '()'],
    ['(secret/detect "")', '()'],
    ['(map :match (secret/detect "c2VjcmV0X2tleV9mb3JfdGVzdGluZ19wdXJwb3Nlcw== and aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))', '("c2VjcmV0X2tleV9mb3JfdGVzdGluZ19wdXJwb3Nlcw==")'],
  ]);
  assert.equal(entropy(''), 0);
  assert.equal(entropy('aaaa'), 0);
  assert.equal(entropy('abcd'), 2);
});

test('secret/redact replaces each finding with its marker', () => {
  check([
    ['(secret/redact "key AKIAIOSFODNN7EXAMPLE done, jwt eyJa.b.c")', '"key «redacted:aws-access-key» done, jwt «redacted:jwt»"'],
    ['(secret/redact "é AKIAIOSFODNN7EXAMPLE ü")', '"é «redacted:aws-access-key» ü"'],
    ['(secret/redact "nothing here")', '"nothing here"'],
  ]);
});

test('pii/detect finds emails, IPv4 addresses and phone numbers at word boundaries', () => {
  check([
    ['(pii/detect "contact me@example.com")', '({:end 22 :match "me@example.com" :start 8 :type "email"})'],
    ['(map :match (pii/detect "host 192.168.1.42 up, 999.1.1.1, 1.2.3.4.5, a10.0.0.1"))', '("192.168.1.42" "1.2.3.4")'],
    ['(map :match (pii/detect "call (415) 555-2671 now or +1 415.555.2671 or 4155552671"))', '("(415) 555-2671" "+1 415.555.2671" "4155552671")'],
    // Word boundaries and digits are Unicode-aware, as in the reference.
    ['(pii/detect "x192.168.1.1 _10.0.0.1 é10.0.0.1")', '()'],
    ['(map :type (pii/detect "٤١٥٥٥٥٢٦٧١"))', '("phone")'],
  ]);
});

test('redact/spans skips bad spans and keeps the first of overlapping ones', () => {
  check([
    ['(redact/spans "hello world foo" (list {:start 6 :end 11 :label "name"} {:start 12 :end 15}))', '"hello «redacted:name» «redacted»"'],
    ['(redact/spans "hello world" (list {:start 0 :end 5} {:start 3 :end 8} {:start 6 :end 100 :label :kw} 5 {:start -1 :end 3} {:start 2 :end 2}))', '"«redacted» «redacted»"'],
    // A span that ends inside a character is skipped.
    ['(redact/spans "héllo" (list {:start 1 :end 2}))', '"héllo"'],
    ['(redact/spans "héllo" (list {:start 1 :end 3}))', '"h«redacted»llo"'],
    ['(redact/spans "x" (list {:start "0" :end 1}))', '"x"'],
  ]);
  checkError('(redact/spans "x" [{:start 0 :end 1}])', 'expected list, got vector');
  checkError('(redact/spans 1 \'())', 'expected string, got int');
});

test('hash/digest is SHA-256 hex of the UTF-8 bytes', () => {
  check([
    ['(hash/digest "hello")', '"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"'],
    ['(hash/digest "")', '"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"'],
    ['(= (hash/digest "é") (hash/sha256 "é"))', '#t'],
  ]);
  checkError('(hash/digest 5)', 'expected string, got int');
  assert.equal(show('(string-length (hash/digest "x"))'), '64');
});

test('long runs that almost match do not make the scan quadratic', () => {
  // Before runs were skipped after one failed start, each of these took minutes.
  const texts = ['Ab1'.repeat(100_000), 'a'.repeat(100_000) + '@' + 'a.'.repeat(100_000), 'eyJ'.repeat(100_000)];
  for (const text of texts) {
    assert.equal(show(`(length (pii/detect ${JSON.stringify(text)}))`), '0');
    assert.equal(show(`(length (filter (fn (f) (= (:type f) "jwt")) (secret/detect ${JSON.stringify(text)})))`), '0');
  }
  check([['(map :match (pii/detect "x a.b@c.io, y@z.org"))', '("a.b@c.io" "y@z.org")']]);
});
