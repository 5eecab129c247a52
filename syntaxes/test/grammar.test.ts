// Tokenizes each fixture with the real grammar and checks the scope assertions written inside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGrammar, tokenize, syntaxesDir } from './support/textmate';
import { parseAssertions, scopeMatches } from './support/assertions';

const fixturesDir = join(syntaxesDir, 'test', 'fixtures');
const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith('.sema'));

test('there are fixtures with assertions', () => {
  assert.ok(fixtures.length >= 4);
});

for (const file of fixtures) {
  test(`scopes in ${file}`, async () => {
    const { grammar } = await loadGrammar();
    const text = readFileSync(join(fixturesDir, file), 'utf8');
    const lines = tokenize(grammar, text);
    const assertions = parseAssertions(text);
    assert.ok(assertions.length > 0, 'fixture has no assertions');
    const failures: string[] = [];
    for (const a of assertions) {
      const tokens = lines[a.line] ?? [];
      for (let col = a.startCol; col < a.endCol; col++) {
        const tok = tokens.find((t) => t.startIndex <= col && col < t.endIndex);
        const where = `${file}:${a.assertionLine + 1} (line ${a.line + 1} col ${col + 1})`;
        if (!tok) {
          failures.push(`${where}: no token`);
          break;
        }
        const missing = a.expected.filter((s) => !tok.scopes.some((x) => scopeMatches(x, s)));
        const present = a.forbidden.filter((s) => tok.scopes.some((x) => scopeMatches(x, s)));
        if (missing.length || present.length) {
          failures.push(`${where} token ${JSON.stringify(tok.text)} has [${tok.scopes.join(' ')}]` +
            (missing.length ? `; missing ${missing.join(' ')}` : '') + (present.length ? `; unexpected ${present.join(' ')}` : ''));
          break;
        }
      }
    }
    assert.deepEqual(failures, []);
  });
}
