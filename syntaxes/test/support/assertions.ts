// Scope assertions written inside fixture files, in the Sublime/VS Code syntax-test style:
//
//   (define (greet name) ...)
//   ;^^^^^^ keyword.control.definition.sema
//   ; <- punctuation.section.list.begin.sema        (`<-` points at column 0)
//   ;        ^^^^^ entity.name.function.sema !support.function
//
// An assertion line refers to the closest line above it that is not an assertion line. Each scope
// must prefix-match one of the token's scopes; `!scope` must match none of them.

export interface ScopeAssertion {
  /** 0-based line of the code the assertion refers to. */
  line: number;
  /** 0-based line of the assertion itself (for messages). */
  assertionLine: number;
  startCol: number;
  endCol: number;
  expected: string[];
  forbidden: string[];
}

const assertionRe = /^(\s*;+\s*)(\^+|<-)\s+(.+)$/;

export function isAssertionLine(line: string): boolean {
  return assertionRe.test(line);
}

export function parseAssertions(text: string): ScopeAssertion[] {
  const out: ScopeAssertion[] = [];
  let codeLine = -1;
  text.split(/\r?\n/).forEach((line, i) => {
    const m = assertionRe.exec(line);
    if (!m) {
      codeLine = i;
      return;
    }
    if (codeLine < 0) throw new Error(`assertion on line ${i + 1} has no code line above it`);
    const [, lead = '', marks = '', rest = ''] = m;
    const startCol = marks === '<-' ? 0 : lead.length;
    const endCol = marks === '<-' ? 1 : lead.length + marks.length;
    const words = rest.trim().split(/\s+/);
    out.push({
      line: codeLine,
      assertionLine: i,
      startCol,
      endCol,
      expected: words.filter((w) => !w.startsWith('!')),
      forbidden: words.filter((w) => w.startsWith('!')).map((w) => w.slice(1)),
    });
  });
  return out;
}

/** True when `scope` equals `selector` or starts with `selector.` (TextMate prefix matching). */
export function scopeMatches(scope: string, selector: string): boolean {
  return scope === selector || scope.startsWith(selector + '.');
}
