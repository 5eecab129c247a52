// UUIDs, Base64 and hashing (the reference's crypto page), on node:crypto. Strings are
// hashed and encoded as their UTF-8 bytes; digests come back as lower-case hex.

import { createHash, createHmac, randomUUID } from 'node:crypto';
import { Bytevector } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { evalFail } from './support';
import { bytes, str, utf8Problem } from './text-args';
import { Base64Error, decodeBase64 } from './base64-strict';

/** Decodes for `name`, turning a malformed input into `name: <reason>`. */
function decoded(name: string, text: string): Uint8Array {
  try {
    return decodeBase64(text);
  } catch (e) {
    if (e instanceof Base64Error) throw evalFail(`${name}: ${e.message}`);
    throw e;
  }
}

const hex = (algorithm: 'sha256' | 'md5', text: string): string => createHash(algorithm).update(text, 'utf8').digest('hex');

const builtins: BuiltinSpec[] = [
  fn('uuid/v4', 0, 0, () => randomUUID()),
  fn('base64/encode', 1, 1, (args) => Buffer.from(str('base64/encode', args, 0), 'utf8').toString('base64')),
  fn('base64/decode', 1, 1, (args) => {
    const raw = decoded('base64/decode', str('base64/decode', args, 0));
    const problem = utf8Problem(raw);
    if (problem !== undefined) throw evalFail(`base64/decode: invalid UTF-8: ${problem}`);
    return Buffer.from(raw).toString('utf8');
  }),
  fn('base64/encode-bytes', 1, 1, (args) => Buffer.from(bytes('base64/encode-bytes', args, 0)).toString('base64')),
  fn('base64/decode-bytes', 1, 1, (args) => new Bytevector(decoded('base64/decode-bytes', str('base64/decode-bytes', args, 0)))),
  fn('hash/sha256', 1, 1, (args) => hex('sha256', str('hash/sha256', args, 0))),
  fn('hash/md5', 1, 1, (args) => hex('md5', str('hash/md5', args, 0))),
  fn('hash/hmac-sha256', 2, 2, (args) => {
    const key = str('hash/hmac-sha256', args, 0);
    const message = str('hash/hmac-sha256', args, 1);
    return createHmac('sha256', Buffer.from(key, 'utf8')).update(message, 'utf8').digest('hex');
  }),
];

export const cryptoModule: StdlibModule = { name: 'crypto', builtins };
