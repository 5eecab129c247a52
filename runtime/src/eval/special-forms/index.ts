// Installs every special form into the compiler's table (once per process).

import { installCoreForms } from './core';
import { installControlForms } from './control';
import { installQuasiForms } from './quasi';
import { installModuleForms } from './modules';
import { installAsyncForms } from './async';
import { installLlmSpecialForms } from '../../llm/special-forms';

let installed = false;

export function installSpecialForms(): void {
  if (installed) return;
  installed = true;
  installCoreForms();
  installControlForms();
  installQuasiForms();
  installModuleForms();
  installAsyncForms();
  installLlmSpecialForms();
}

export { installBuiltinMacros } from './threading';
export { errorToMap, asSemaError } from './control';
export { runPendingTasks, AsyncPromise } from './async';
