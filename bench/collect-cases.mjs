// Builds differential-cases.json from the `; =>` examples in the reference's docs:
//   node bench/collect-cases.mjs [docs-dir]   (default /work/ref/website/docs)
// Each case is one top-level form followed by a `; => expected` comment, plus the
// definitions that came before it on the same page (examples often use them).
// Pages whose examples touch the file system, network, clock, processes or LLMs are
// skipped: our interpreter would do those for real, the wasm build only in a sandbox.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const docsDir = process.argv[2] ?? '/work/ref/website/docs';
const outFile = new URL('./differential-cases.json', import.meta.url);

const skippedPages = /(^|\/)(llm|internals)\/|(file-io|http-json|system|process|sqlite|kv-store|web-server|git|secret|terminal|serial|pdf|archive|concurrency|datetime|playground|crypto|context)\.md$|^(cli|mcp|embedding|embedding-js|dap|lsp|notebook|packages|for-agents|editors|formatter|shell-completions)\.md$/;
const effectful = /\b(file\/|http\/|shell|sleep|llm\/|sys\/|env|exit|random|shuffle|now|uuid|time|load|import|read-line|spawn|async|channel|kv\/|db\/|sqlite|print|display|newline|open-input|open-output|write-file|append-file|delete|mkdir|conversation|llm|prompt|embed|agent|tool)/;
const definition = /^\((define|defn|defun|defmacro|define-record-type|defrecord|defmulti|defmethod|defstruct|deftype|define-syntax)\b/;

function markdownFiles(dir, into = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) markdownFiles(full, into);
    else if (name.endsWith('.md')) into.push(full);
  }
  return into;
}

/** The ```sema blocks of a page, with the line number each starts on. */
function semaBlocks(text) {
  const blocks = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```sema') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].trim().startsWith('```')) end++;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/**
 * Splits a block into top-level forms. A form is followed by the `; =>` text found
 * after it on its last line, or on the next line when that line is only a `;; =>` comment.
 */
function topLevelForms(code) {
  const forms = [];
  let i = 0;
  const n = code.length;
  const skipString = (j) => {
    for (j++; j < n && code[j] !== '"'; j++) if (code[j] === '\\') j++;
    return j + 1;
  };
  while (i < n) {
    const c = code[i];
    if (c === ';') {
      const eol = code.indexOf('\n', i);
      const comment = code.slice(i, eol < 0 ? n : eol);
      const m = /^;+\s*=>\s?(.*)$/.exec(comment);
      const last = forms[forms.length - 1];
      if (m && last && last.expected === undefined && !code.slice(last.end, i).includes('\n\n')) last.expected = m[1].trim();
      i = eol < 0 ? n : eol + 1;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    let depth = 0;
    while (i < n) {
      const d = code[i];
      if (d === '"') {
        i = skipString(i);
        if (depth === 0) break;
      } else if (d === '#' && code[i + 1] === '\\') {
        i += 3; // a character literal: `#\(` must not count as a paren
      } else if (d === ';') {
        if (depth === 0) break;
        const eol = code.indexOf('\n', i); // a comment inside a form is part of it
        i = eol < 0 ? n : eol;
      } else if ('([{'.includes(d)) {
        depth++;
        i++;
      } else if (')]}'.includes(d)) {
        depth--;
        i++;
        if (depth <= 0) break;
      } else if (/\s/.test(d) && depth === 0) {
        break;
      } else {
        i++; // an atom's character, whitespace inside a list, or a prefix like ' or #
      }
    }
    forms.push({ text: code.slice(start, i).trim(), end: i, expected: undefined });
  }
  return forms;
}

const cases = [];
for (const file of markdownFiles(docsDir)) {
  const page = relative(docsDir, file);
  if (skippedPages.test(page)) continue;
  const setup = [];
  for (const block of semaBlocks(readFileSync(file, 'utf8'))) {
    for (const form of topLevelForms(block.code)) {
      if (form.expected !== undefined && !effectful.test(form.text)) {
        cases.push({ where: `${page}:${block.line}`, setup: [...setup], expr: form.text, doc: form.expected });
      } else if (form.expected === undefined && definition.test(form.text) && !effectful.test(form.text)) {
        setup.push(form.text);
      }
    }
  }
}
writeFileSync(outFile, `${JSON.stringify(cases, null, 1)}\n`);
console.log(`${cases.length} cases written to ${outFile.pathname}`);
