// Content types guessed from file extensions for `http/file` and `:static` routes (the
// common web types; anything else is served as application/octet-stream).

import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', mjs: 'application/javascript',
  json: 'application/json', map: 'application/json', txt: 'text/plain', md: 'text/markdown', csv: 'text/csv',
  xml: 'text/xml', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif',
  webp: 'image/webp', ico: 'image/x-icon', avif: 'image/avif', bmp: 'image/bmp', woff: 'font/woff', woff2: 'font/woff2',
  ttf: 'font/ttf', otf: 'font/otf', pdf: 'application/pdf', wasm: 'application/wasm', zip: 'application/zip',
  gz: 'application/gzip', tar: 'application/x-tar', mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg',
  mp4: 'video/mp4', webm: 'video/webm', yaml: 'text/x-yaml', yml: 'text/x-yaml', toml: 'text/x-toml',
  sema: 'text/plain', webmanifest: 'application/manifest+json',
};

/** The content type for `path`'s extension (case-insensitive). */
export function contentTypeOf(path: string): string {
  return TYPES[extname(path).slice(1).toLowerCase()] ?? 'application/octet-stream';
}
