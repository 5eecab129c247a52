// Catalogue entries for secret and PII detection and redaction (stdlib/secret.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const s = (sig: string, summary: string, examples: string[]): BuiltinDoc => fnDoc('secret', sig, summary, examples);

export const secretDocs: BuiltinDoc[] = [
  s('(secret/detect text)', 'Finds likely secrets in `text`: AWS access keys, private-key headers, JWTs, Slack and GitHub tokens, `api_key = ...`-style assignments and other long random-looking tokens (by Shannon entropy). Returns a list of `{:type :match :start :end}` maps ordered by position; offsets are UTF-8 byte offsets.', [
    '(secret/detect "key AKIAIOSFODNN7EXAMPLE")  ; => ({:end 24 :match "AKIAIOSFODNN7EXAMPLE" :start 4 :type "aws-access-key"})',
  ]),
  s('(secret/redact text)', 'The text with every secret `secret/detect` finds replaced by `«redacted:<type>»`.', [
    '(secret/redact "key AKIAIOSFODNN7EXAMPLE done")  ; => "key «redacted:aws-access-key» done"',
  ]),
  s('(pii/detect text)', 'Finds email addresses, IPv4 addresses and (North American style) phone numbers; returns `{:type :match :start :end}` maps like `secret/detect`.', [
    '(map :type (pii/detect "mail me@example.com from 192.168.1.42 or (415) 555-2671"))  ; => ("email" "ipv4" "phone")',
  ]),
  s('(redact/spans text spans)', 'Replaces caller-given ranges: each span is a map with `:start` and `:end` (UTF-8 byte offsets, end exclusive) and an optional string `:label`, giving `«redacted:<label>»` or `«redacted»`. Spans that are not maps, are empty, fall inside a character or overlap an earlier span are skipped.', [
    '(redact/spans "hello world foo" (list {:start 6 :end 11 :label "name"} {:start 12 :end 15}))  ; => "hello «redacted:name» «redacted»"',
  ]),
  s('(hash/digest text)', 'The SHA-256 digest of the text\'s UTF-8 bytes as 64 lowercase hex digits, e.g. to fingerprint a value before redacting it.', [
    '(hash/digest "hello")  ; => "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"',
  ]),
];
