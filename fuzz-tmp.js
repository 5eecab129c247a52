const path='/work/wt/server/server/out/';
const { open } = require(path+'test/support/fixtures.js');
const F = (m) => require(path+'src/features/'+m+'.js');
const { diagnostics } = F('diagnostics'), { completion } = F('completion'), { hover } = F('hover'), { signatureHelp } = F('signature-help');
const nav = F('navigation'), { semanticTokens } = F('semantic-tokens'), fmt = F('formatting'), st = F('structure'), sym = F('symbols');
const { runtimeCatalogueView } = require(path+'src/catalogue.js');
const chars = '()[]{}()()  \n\n"\\;#|\'`,@:abcdefxyz-?!*+/<>=.&%0123456789_é😀\t\r';
let seed = 7; const r = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const cat = runtimeCatalogueView();
const t0 = Date.now(); let n = 0;
for (let i = 0; Date.now() - t0 < 100000; i++) {
  let s = ''; const len = Math.floor(r() * 80); for (let j = 0; j < len; j++) s += [...chars][Math.floor(r() * [...chars].length)];
  require('fs').writeFileSync('/tmp/fuzz-last.txt', JSON.stringify({i, s}));
  const { doc, store } = open(s, {}, i % 2 ? cat : undefined);
  diagnostics(doc, doc.uri); semanticTokens(doc); st.foldingRanges(doc); st.codeLenses(doc); sym.documentSymbols(doc); fmt.formatDocument(doc);
  for (let k = 0; k <= s.length; k += 2) { const p = doc.pos.position(k);
    completion(doc, store, p); hover(doc, store, p); signatureHelp(doc, store, p); nav.definition(doc, store, p); nav.references(doc, store, p, true); nav.documentHighlight(doc, p); st.selectionRanges(doc, [p]); nav.prepareRename(doc, p);
    try { nav.rename(doc, store, p, 'zz'); } catch (e) { if (!(e instanceof nav.RenameError)) throw e; }
    fmt.formatRange(doc, { start: doc.pos.position(0), end: p });
  }
  const f = fmt.formatText(s); if (f !== undefined && fmt.formatText(f) !== f) { console.log('NONIDEMPOTENT', JSON.stringify(s), JSON.stringify(f), JSON.stringify(fmt.formatText(f))); process.exit(1); }
  n++;
}
console.log('ok', n);
