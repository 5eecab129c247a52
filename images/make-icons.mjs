// Draws the extension icon (128x128) and the .sema file icon (32x32) as PNGs with nothing but
// zlib: a violet rounded square holding a white lambda between two parentheses.
//   node images/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1); each pixel is 4x4 supersampled for smooth edges.
const segDist = (px, py, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
};
function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}
function inGlyph(x, y, w) {
  // lambda: a long stroke from top-left to bottom-right, a short leg from the middle to bottom-left
  if (segDist(x, y, 0.38, 0.24, 0.64, 0.76) < w) return true;
  if (segDist(x, y, 0.51, 0.5, 0.36, 0.76) < w) return true;
  // parentheses: arcs of circles centred outside the glyph
  const arc = (cx, side) => {
    const d = Math.hypot(x - cx, y - 0.5);
    return Math.abs(d - 0.3) < w * 0.8 && Math.abs(y - 0.5) < 0.24 && (side < 0 ? x < cx : x > cx);
  };
  return arc(0.5, -1) && x < 0.26 || arc(0.5, 1) && x > 0.74;
}
function draw(size, stroke) {
  return png(size, (px, py) => {
    let bg = 0, fg = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      const x = (px + (i + 0.5) / 4) / size, y = (py + (j + 0.5) / 4) / size;
      if (inRoundedSquare(x, y, 0.2)) { bg++; if (inGlyph(x, y, stroke)) fg++; }
    }
    const a = bg / 16, f = bg ? fg / bg : 0;
    const top = [124, 58, 237], bottom = [91, 33, 182]; // violet gradient
    const t = py / size;
    const base = top.map((c, k) => c + (bottom[k] - c) * t);
    const rgb = base.map((c) => Math.round(c + (255 - c) * f));
    return [...rgb, Math.round(a * 255)];
  });
}
writeFileSync(new URL('./icon.png', import.meta.url), draw(128, 0.045));
writeFileSync(new URL('./sema-file.png', import.meta.url), draw(32, 0.06));
