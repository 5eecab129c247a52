// Catalogue entries for UUIDs, Base64 and hashing (stdlib/crypto.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const c = (sig: string, summary: string, examples: string[]): BuiltinDoc => fnDoc('crypto', sig, summary, examples);

export const cryptoDocs: BuiltinDoc[] = [
  c('(uuid/v4)', 'A new random (version 4) UUID string.', ['(uuid/v4)  ; => "550e8400-e29b-41d4-a716-446655440000" (varies)', '(equal? (uuid/v4) (uuid/v4))  ; => #f']),
  c('(base64/encode string)', 'The standard (RFC 4648, padded) Base64 encoding of a string\'s UTF-8 bytes.', ['(base64/encode "hello")  ; => "aGVsbG8="']),
  c('(base64/decode base64-string)', 'Decodes padded standard Base64 into a string; malformed Base64 or bytes that are not UTF-8 are errors.', ['(base64/decode "aGVsbG8=")  ; => "hello"']),
  c('(base64/encode-bytes bytevector)', 'The standard (padded) Base64 encoding of a bytevector.', ['(base64/encode-bytes #u8(104 101 108 108 111))  ; => "aGVsbG8="']),
  c('(base64/decode-bytes base64-string)', 'Decodes padded standard Base64 into a bytevector (any bytes, not only UTF-8).', ['(base64/decode-bytes "aGVsbG8=")  ; => #u8(104 101 108 108 111)']),
  c('(hash/sha256 string)', 'The SHA-256 digest of a string\'s UTF-8 bytes, as 64 hex digits.', ['(hash/sha256 "hello")  ; => "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"']),
  c('(hash/md5 string)', 'The MD5 digest of a string, as 32 hex digits. MD5 is broken for security; use it only for checksums and cache keys.', ['(hash/md5 "hello")  ; => "5d41402abc4b2a76b9719d911017c592"']),
  c('(hash/hmac-sha256 key message)', 'The HMAC-SHA256 of `message` under `key`, as 64 hex digits.', ['(hash/hmac-sha256 "secret-key" "message")']),
];
