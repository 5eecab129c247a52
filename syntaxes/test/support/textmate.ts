// Loads sema.tmLanguage.json into vscode-textmate with the Oniguruma WASM engine, exactly as VS Code
// does, and tokenizes whole files (line by line, carrying the rule stack across lines).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const syntaxesDir = join(__dirname, '..', '..', '..');
export const grammarPath = join(syntaxesDir, 'sema.tmLanguage.json');

let onigLib: Promise<vsctm.IOnigLib> | undefined;
function loadOnig(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

/** A registry holding only the Sema grammar, optionally with a colour theme applied. */
export async function loadGrammar(theme?: vsctm.IRawTheme): Promise<{ grammar: vsctm.IGrammar; registry: vsctm.Registry }> {
  const registry = new vsctm.Registry({
    onigLib: loadOnig(),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.sema' ? vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    ...(theme ? { theme } : {}),
  });
  const grammar = await registry.loadGrammar('source.sema');
  if (!grammar) throw new Error('source.sema did not load');
  return { grammar, registry };
}

export interface Token {
  line: number;
  startIndex: number;
  endIndex: number;
  text: string;
  scopes: string[];
}

/** Tokenizes `text`; returns every token of every line. */
export function tokenize(grammar: vsctm.IGrammar, text: string): Token[][] {
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((lineText, line) => {
    const r = grammar.tokenizeLine(lineText, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ line, startIndex: t.startIndex, endIndex: t.endIndex, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}
