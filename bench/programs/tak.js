'use strict';
// Plain JavaScript twin of tak.sema.
function tak(x, y, z) {
  if (!(y < x)) return z;
  return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
}

function main() {
  return `${tak(25, 16, 8)}\n`;
}

module.exports = main;
if (require.main === module) process.stdout.write(main());
