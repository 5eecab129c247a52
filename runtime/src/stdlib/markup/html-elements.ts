// The node type of parsed HTML and the element categories HTML5 tree building uses
// (void, special, formatting, scoping, table structure ...).

export interface HNode {
  type: 'document' | 'element' | 'text' | 'comment' | 'doctype';
  name: string;              // tag or doctype name
  attrs: [string, string][];
  text: string;
  children: HNode[];
  parent: HNode | null;
}

export function node(type: HNode['type'], name = '', parent: HNode | null = null): HNode {
  return { type, name, attrs: [], text: '', children: [], parent };
}

export const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'bgsound', 'frame']);
export const HEAD_ONLY = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'style', 'script', 'noscript', 'template']);
export const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'dd', 'dt', 'listing',
  'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'search', 'summary', 'table', 'ul', 'xmp', 'plaintext']);
export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that bound the search for an open element (a simplified "has in scope"). */
export const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'marquee', 'object', 'applet', 'template']);
export const LIST_ITEM_SCOPE = new Set([...SCOPE, 'ol', 'ul']);
export const MAX_DEPTH = 512;
/** Formatting elements stay "active" past the elements that close them and reopen where text continues. */
export const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
export const MARKERS = new Set(['td', 'th', 'caption', 'applet', 'marquee', 'object', 'template']);
export const NO_RECONSTRUCT = new Set([...CLOSES_P, ...HEAD_ONLY, 'textarea', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'col', 'colgroup']);
/** Bounds the reopening work on hostile input (HTML5 itself keeps at most 3 alike). */
export const MAX_ACTIVE = 64;
export const SPECIAL = new Set(('address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd ' +
  'details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img ' +
  'input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre script search section ' +
  'select source style summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp').split(' '));
export const RAW_TEXT_PARENTS = new Set(['textarea', 'title', 'script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
export const TABLE_CONTEXT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
/** What a table (outside its cells) may hold; anything else is fostered out before it. */
export const IN_TABLE = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'table', 'style', 'script', 'template', 'form']);
export const TABLE_PARTS = new Set(['caption', 'col', 'colgroup', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr']);
