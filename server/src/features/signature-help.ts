// Signature help: the call around the cursor, its signature from the catalogue or the user
// definition, and the parameter the cursor is on.

import type { ParameterInformation, Position, SignatureHelp, SignatureInformation } from 'vscode-languageserver-protocol';
import type { DocState, Workspace } from '../documents';
import { SPECIAL_FORMS } from '../analysis/forms';
import { occurrenceAt, enclosingLists } from './tree';
import { signatureOf } from './markdown';
import type { Binding } from '../analysis/types';

export function signatureHelp(doc: DocState, ws: Workspace, position: Position): SignatureHelp | null {
  const offset = doc.pos.offset(position);
  for (const list of enclosingLists(doc.analysis.parse.nodes, offset)) {
    const head = list.children[0];
    if (head?.kind !== 'symbol' || offset <= head.span.end) continue;
    const occ = occurrenceAt(doc.analysis, head.span.start);
    const sigs = signaturesFor(head.text, occ?.binding, ws);
    if (sigs.length === 0) return null;
    // Index of the operand the cursor is in or after (operands start after the head).
    let active = 0;
    for (const [i, c] of list.children.slice(1).entries()) if (c.span.start <= offset) active = offset > c.span.end ? i + 1 : i;
    const operands = Math.max(list.children.length - 1, active + 1);
    // The first signature that can take this many operands.
    let activeSignature = sigs.findIndex((s) => s.variadic || s.info.parameters!.length >= operands);
    if (activeSignature < 0) activeSignature = sigs.length - 1;
    const sig = sigs[activeSignature]!;
    const count = sig.info.parameters!.length;
    const activeParameter = count === 0 ? 0 : Math.min(active, count - 1);
    return { signatures: sigs.map((s) => s.info), activeSignature, activeParameter };
  }
  return null;
}

interface Sig {
  readonly info: SignatureInformation;
  readonly variadic: boolean;
}

function signaturesFor(name: string, binding: Binding | undefined, ws: Workspace): Sig[] {
  if (binding) {
    const label = signatureOf(binding);
    return [fromLabel(label, binding.doc)];
  }
  const doc = ws.catalogue.lookup(name);
  if (doc && doc.signatures.length > 0) return doc.signatures.map((label) => fromLabel(label, doc.summary, true));
  const sf = SPECIAL_FORMS.get(name);
  return sf ? sf.shape.split(' | ').map((label) => fromLabel(label)) : [];
}

/** A signature whose parameters are the label's operands, located by offset in the label. */
function fromLabel(label: string, documentation?: string, markdown = false): Sig {
  const parameters: ParameterInformation[] = [];
  let variadic = false;
  const inner = label.startsWith('(') ? 1 : 0;
  // Skip the head, then take each top-level operand.
  let i = inner;
  while (i < label.length && !/[\s)]/.test(label[i]!)) i++;
  while (i < label.length) {
    while (i < label.length && /\s/.test(label[i]!)) i++;
    if (i >= label.length || label[i] === ')') break;
    const start = i;
    let depth = 0;
    while (i < label.length) {
      const ch = label[i]!;
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') {
        if (depth === 0) break;
        depth--;
      } else if (/\s/.test(ch) && depth === 0) break;
      i++;
    }
    // A lone closer (labels come from user code too, e.g. a `#\]` parameter) is an operand
    // of its own, so the scan always advances.
    if (i === start) i++;
    const text = label.slice(start, i);
    if (text === '.' || text === '&') {
      variadic = true;
      continue;
    }
    if (text === '...' || text.endsWith('...')) {
      variadic = true;
      if (text === '...') continue;
    }
    parameters.push({ label: [start, i] });
  }
  const info: SignatureInformation = { label, parameters };
  if (documentation) info.documentation = markdown ? { kind: 'markdown', value: documentation } : documentation;
  return { info, variadic };
}
