// Reads VS Code's default colour themes (copied unchanged from VS Code 1.100's theme-defaults
// extension into syntaxes/test/themes/) into the raw form vscode-textmate applies, following `include`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IRawTheme } from 'vscode-textmate';

type IRawThemeSetting = IRawTheme['settings'][number];
import { syntaxesDir } from './textmate';

interface ThemeFile {
  include?: string;
  colors?: Record<string, string>;
  tokenColors?: IRawThemeSetting[];
}

const themesDir = join(syntaxesDir, 'test', 'themes');

function chain(file: string): ThemeFile[] {
  const theme = JSON.parse(readFileSync(join(themesDir, file), 'utf8')) as ThemeFile;
  return [...(theme.include ? chain(theme.include.replace(/^\.\//, '')) : []), theme];
}

/** The theme as VS Code applies it to TextMate tokens: editor colours first, then every token rule. */
export function loadTheme(file: string): IRawTheme {
  const parts = chain(file);
  const colors = Object.assign({}, ...parts.map((p) => p.colors ?? {})) as Record<string, string>;
  const settings: IRawThemeSetting[] = [
    { settings: { foreground: colors['editor.foreground'] ?? '#000000', background: colors['editor.background'] ?? '#ffffff' } },
    ...parts.flatMap((p) => p.tokenColors ?? []),
  ];
  return { name: file, settings };
}
