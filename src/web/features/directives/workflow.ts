// Which workflow buttons a directive shows: the steps the server's capabilities allow the user now
// (the server decides by its policy and checks again on the click), in button order.
import type { DirectiveCapabilities } from './directives-api.ts';

export type StepName = 'submit' | 'approve' | 'return' | 'sign' | 'issue' | 'revoke' | 'amend';

const BUTTON_ORDER: readonly StepName[] = ['submit', 'approve', 'sign', 'issue', 'amend', 'return', 'revoke'];

export function availableSteps(capabilities: DirectiveCapabilities): StepName[] {
  return BUTTON_ORDER.filter((s) => capabilities[s]);
}
