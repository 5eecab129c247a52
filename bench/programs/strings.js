'use strict';
// Plain JavaScript twin of strings.sema.
function row(i) {
  return `item-${i}:${i * i}${i % 2 === 0 ? '/even' : '/odd'}`;
}

function buildRows(n) {
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(row(i));
  return rows.join('\n');
}

function buildLine(n) {
  let s = '';
  for (let i = 0; i < n; i++) s += String(i % 10);
  return s;
}

function main() {
  const table = buildRows(22000);
  const line = buildLine(60000);
  return `(${table.length} ${line.length} ${JSON.stringify(table.slice(0, 13))})\n`;
}

module.exports = main;
if (require.main === module) process.stdout.write(main());
