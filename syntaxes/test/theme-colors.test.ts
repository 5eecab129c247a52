// Highlighting is for people: in Dark Modern and Light Modern, comments, strings, keywords,
// special forms, builtins and llm/* builtins must each get a visible colour of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGrammar } from './support/textmate';
import { loadTheme } from './support/themes';
import * as vsctm from 'vscode-textmate';

// Token text -> the role it plays; one line holding every role.
const line = '(define (ask topic) (llm/stream (str "about " topic) {:max-tokens 64})) ; done';
const roles: Record<string, string> = {
  define: 'special form',
  'llm/stream': 'llm builtin',
  '(str ': 'builtin',
  '"about "': 'string',
  ':max-tokens': 'keyword',
  '; done': 'comment',
};

/** A function giving the foreground colour at a character offset of `text` under `theme`. */
async function colours(themeFile: string, text: string): Promise<{ at(offset: number): string; plain: string }> {
  const { grammar, registry } = await loadGrammar(loadTheme(themeFile));
  const colorMap = registry.getColorMap();
  const { tokens } = grammar.tokenizeLine2(text, vsctm.INITIAL); // pairs: start offset, encoded attributes
  const at = (offset: number): string => {
    let meta = 0;
    for (let i = 0; i < tokens.length && tokens[i]! <= offset; i += 2) meta = tokens[i + 1]!;
    return (colorMap[(meta & 0x00ff8000) >>> 15] ?? '?').toUpperCase(); // foreground bits
  };
  return { at, plain: (colorMap[1] ?? '?').toUpperCase() };
}

for (const theme of ['dark_modern.json', 'light_modern.json']) {
  test(`${theme}: each role has a visible colour of its own`, async () => {
    const { at, plain } = await colours(theme, line);
    const seen = new Map<string, string>();
    for (const [text, role] of Object.entries(roles)) {
      const colour = at(line.indexOf(text) + 1);
      assert.notEqual(colour, plain, `${role} (${text}) is drawn in the plain text colour ${plain}`);
      const other = seen.get(colour);
      assert.equal(other, undefined, `${role} and ${other} share colour ${colour}`);
      seen.set(colour, role);
    }
  });
}

test('plain symbols stay in the plain text colour (so the roles above stand out)', async () => {
  for (const theme of ['dark_modern.json', 'light_modern.json']) {
    const { at, plain } = await colours(theme, '(my-fn x)');
    assert.equal(at(1), plain);
    assert.equal(at(7), plain);
  }
});
