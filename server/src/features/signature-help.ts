// Signature help: the call around the cursor, its signature from the catalogue or the user
// definition, and the parameter the cursor is on.

import type { ParameterInformation, Position, SignatureHelp, SignatureInformation } from 'vscode-languageserver-protocol';
import type { DocState, Workspace } from '../documents';
import { SPECIAL_FORMS } from '../analysis/forms';
import { occurrenceAt, enclosingLists } from './tree';
import { signatureOf } from './markdown';

export function signatureHelp(doc: DocState, ws: Workspace, position: Position): SignatureHelp | null {
  const offset = doc.pos.offset(position);
  for (const list of enclosingLists(doc.analysis.parse.nodes, offset)) {
    const head = list.children[0];
    if (head?.kind !== 'symbol' || offset <= head.span.end) continue;
    const occ = occurrenceAt(doc.analysis, head.span.start);
    const info = signatureFor(head.text, occ?.binding ? signatureOf(occ.binding) : undefined, occ?.binding?.params, occ?.binding?.doc, ws);
    if (!info) return null;
    // Index of the operand the cursor is in or after (operands start after the head).
    let active = 0;
    for (const [i, c] of list.children.slice(1).entries()) if (c.span.start <= offset) active = offset > c.span.end ? i + 1 : i;
    const count = info.parameters?.length ?? 0;
    const variadic = /\.\.\.|&|\. /.test(info.label);
    const activeParameter = count === 0 ? 0 : variadic ? Math.min(active, count - 1) : active;
    return { signatures: [info], activeSignature: 0, activeParameter };
  }
  return null;
}

function signatureFor(name: string, userLabel: string | undefined, userParams: readonly string[] | undefined, userDoc: string | undefined, ws: Workspace): SignatureInformation | undefined {
  if (userLabel !== undefined) {
    return withParams({ label: userLabel, ...(userDoc ? { documentation: userDoc } : {}) }, userParams ?? []);
  }
  const doc = ws.catalogue.lookup(name);
  if (doc) {
    const label = doc.signatures[0] ?? `(${name})`;
    return withParams({ label, documentation: { kind: 'markdown', value: doc.summary } }, doc.params);
  }
  const sf = SPECIAL_FORMS.get(name);
  return sf ? { label: sf.shape, parameters: [] } : undefined;
}

/** Parameters as label offsets into the signature, found left to right. */
function withParams(info: SignatureInformation, params: readonly string[]): SignatureInformation {
  const parameters: ParameterInformation[] = [];
  let from = info.label.indexOf(' ') + 1;
  for (const p of params) {
    const at = findWord(info.label, p, from);
    if (at < 0) {
      parameters.push({ label: p });
      continue;
    }
    parameters.push({ label: [at, at + p.length] });
    from = at + p.length;
  }
  return { ...info, parameters };
}

function findWord(s: string, w: string, from: number): number {
  for (let i = s.indexOf(w, from); i >= 0; i = s.indexOf(w, i + 1)) {
    const before = s[i - 1];
    const after = s[i + w.length];
    if ((before === undefined || /[\s(\[{]/.test(before)) && (after === undefined || /[\s)\]}.]/.test(after))) return i;
  }
  return -1;
}
