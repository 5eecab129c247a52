// Installs every special form into the compiler's table (once per process).

import { installCoreForms } from './core';
import { installControlForms } from './control';
import { installQuasiForms } from './quasi';
import { installModuleForms } from './modules';
import { installLlmSpecialForms } from '../../llm/special-forms';

let installed = false;

export function installSpecialForms(): void {
  if (installed) return;
  installed = true;
  installCoreForms();
  installControlForms();
  installQuasiForms();
  installModuleForms();
  installLlmSpecialForms();
}

export { installBuiltinMacros } from './threading';
export { errorToMap, asSemaError } from './control';
