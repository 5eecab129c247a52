// Character references shared by the Markdown inline parser and the HTML tokenizer.
// The HTML5 table has over 2000 names; this holds the ones seen in practice. An unknown
// name stays literal text (so `&bogus;` survives a round trip), which is what both
// CommonMark and HTML5 do for names they do not know.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«',
  raquo: '»', bull: '•', middot: '·', deg: '°', plusmn: '±', times: '×', divide: '÷', micro: 'µ',
  para: '¶', sect: '§', cent: '¢', pound: '£', yen: '¥', euro: '€', iexcl: '¡', iquest: '¿',
  shy: '\u00ad', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', lArr: '⇐', rArr: '⇒', hArr: '⇔',
  le: '≤', ge: '≥', ne: '≠', asymp: '≈', equiv: '≡', infin: '∞', minus: '−', sum: '∑', prod: '∏',
  radic: '√', part: '∂', nabla: '∇', isin: '∈', notin: '∉', cap: '∩', cup: '∪', forall: '∀', exist: '∃',
  empty: '∅', and: '∧', or: '∨', not: '¬', prime: '′', Prime: '″', frac12: '½', frac14: '¼', frac34: '¾',
  sup1: '¹', sup2: '²', sup3: '³', ordf: 'ª', ordm: 'º', acute: '´', cedil: '¸', uml: '¨', macr: '¯',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ', mu: 'μ', pi: 'π', sigma: 'σ',
  tau: 'τ', phi: 'φ', omega: 'ω', Delta: 'Δ', Sigma: 'Σ', Omega: 'Ω', Pi: 'Π', Gamma: 'Γ', Lambda: 'Λ',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è',
  ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', atilde: 'ã', aring: 'å', aelig: 'æ', ccedil: 'ç',
  iacute: 'í', igrave: 'ì', icirc: 'î', oacute: 'ó', ograve: 'ò', ocirc: 'ô', otilde: 'õ', oslash: 'ø',
  uacute: 'ú', ugrave: 'ù', ucirc: 'û', ntilde: 'ñ', Eacute: 'É', Ntilde: 'Ñ', Ccedil: 'Ç', dagger: '†',
  Dagger: '‡', permil: '‰', loz: '◊', spades: '♠', clubs: '♣', hearts: '♥', diams: '♦', check: '✓',
  tab: '\t', NewLine: '\n', quest: '?', excl: '!', num: '#', dollar: '$', percnt: '%', lpar: '(', rpar: ')',
  ast: '*', plus: '+', comma: ',', period: '.', sol: '/', colon: ':', semi: ';', equals: '=', commat: '@',
  lsqb: '[', rsqb: ']', bsol: '\\', lowbar: '_', grave: '`', lcub: '{', rcub: '}', verbar: '|', Hat: '^',
};

/** The character a numeric reference names, with the replacements HTML5 and CommonMark make. */
export function codePointText(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

/**
 * Decodes the reference starting at `s[i] === '&'`; returns [text, length] or null when
 * there is none. `needSemicolon` is CommonMark's rule; HTML text also accepts `&amp` bare
 * for the legacy names, which is all we do leniently.
 */
export function decodeEntityAt(s: string, i: number, needSemicolon: boolean): [string, number] | null {
  const m = /^&(?:#[xX]([0-9a-fA-F]{1,6});|#([0-9]{1,7});|([A-Za-z][A-Za-z0-9]{0,31});)/.exec(s.slice(i, i + 40));
  if (m) {
    if (m[1] !== undefined) return [codePointText(parseInt(m[1], 16)), m[0].length];
    if (m[2] !== undefined) return [codePointText(parseInt(m[2], 10)), m[0].length];
    const named = NAMED[m[3]!];
    if (named !== undefined) return [named, m[0].length];
    return null;
  }
  if (!needSemicolon) {
    const bare = /^&(amp|lt|gt|quot|nbsp|copy|reg)(?![A-Za-z0-9=])/.exec(s.slice(i, i + 8));
    if (bare) return [NAMED[bare[1]!]!, bare[0].length];
  }
  return null;
}

/** Replaces every known reference in `s`. */
export function decodeEntities(s: string, needSemicolon: boolean): string {
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const amp = s.indexOf('&', i);
    if (amp < 0) { out += s.slice(i); break; }
    out += s.slice(i, amp);
    const hit = decodeEntityAt(s, amp, needSemicolon);
    if (hit) { out += hit[0]; i = amp + hit[1]; } else { out += '&'; i = amp + 1; }
  }
  return out;
}

/** Escaping for element text (pulldown-cmark's and html5ever's body-text rule: `&`, `<`, `>`). */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escaping for attribute values in Markdown output (`"` as well). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
