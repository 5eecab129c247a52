// Markdown for catalogue entries, options and user bindings, shared by hover and completion.

import type { BuiltinDoc, OptionDoc } from '@sema/runtime/docs';
import type { Binding } from '../analysis/types';
import { SPECIAL_FORMS } from '../analysis/forms';

export function codeBlock(text: string): string {
  return '```sema\n' + text + '\n```';
}

export function optionsTable(options: readonly OptionDoc[]): string {
  const rows = options.map((o) => `| \`:${o.name}\` | ${o.type} | ${o.summary.replace(/\|/g, '\\|')}${o.default ? ` (default \`${o.default}\`)` : ''} |`);
  return ['| option | type | description |', '| --- | --- | --- |', ...rows].join('\n');
}

export function docMarkdown(doc: BuiltinDoc, options?: readonly OptionDoc[]): string {
  const parts = [codeBlock(doc.signatures.join('\n') || `(${doc.name} ...)`), doc.summary];
  const kind = doc.kind === 'special-form' ? 'special form' : doc.kind;
  parts.push(`*${kind}* · \`${doc.module}\`${doc.aliases?.length ? ` · aliases: ${doc.aliases.map((a) => `\`${a}\``).join(', ')}` : ''}`);
  const opts = options ?? doc.options;
  if (opts && opts.length > 0) parts.push('**Options**\n\n' + optionsTable(opts));
  if (doc.examples.length > 0) parts.push('**Examples**\n\n' + codeBlock(doc.examples.join('\n')));
  return parts.join('\n\n');
}

/** A special form the catalogue does not document (yet): its shape from the analysis table. */
export function specialFormMarkdown(name: string): string | undefined {
  const info = SPECIAL_FORMS.get(name);
  return info ? `${codeBlock(info.shape)}\n\n*special form*` : undefined;
}

export function optionMarkdown(fn: string, o: OptionDoc): string {
  return `${codeBlock(`:${o.name}`)}\n\nOption of \`${fn}\` · type: ${o.type}\n\n${o.summary}${o.default ? `\n\nDefault: \`${o.default}\`` : ''}`;
}

export function signatureOf(b: Binding): string {
  if (b.params) return `(${[b.name, ...b.params.map((p) => (p === b.rest ? `. ${p}` : p))].join(' ')})`;
  return b.name;
}

export function bindingMarkdown(b: Binding, line: number, file?: string): string {
  if (!b.global) {
    const what = b.kind === 'parameter' ? 'parameter' : 'local';
    return `${codeBlock(b.params ? signatureOf(b) : b.name)}\n\n${what} bound by \`${b.binder}\` on line ${line}${file ? ` of ${file}` : ''}`;
  }
  const kind = b.kind === 'variable' ? 'variable' : b.kind;
  const where = file ? `defined in \`${file}\` line ${line}` : `defined on line ${line}`;
  return `${codeBlock(signatureOf(b))}\n\n${b.doc ? b.doc + '\n\n' : ''}*${kind}* · ${where} (\`${b.binder}\`)`;
}
