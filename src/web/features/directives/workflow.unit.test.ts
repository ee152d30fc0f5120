import { describe, expect, it } from 'vitest';
import type { DirectiveCapabilities } from './directives-api.ts';
import { availableSteps } from './workflow.ts';

const none: DirectiveCapabilities = {
  edit: false,
  submit: false,
  approve: false,
  return: false,
  sign: false,
  issue: false,
  revoke: false,
  amend: false,
  attach: false,
  detach: false,
};
const caps = (...on: (keyof DirectiveCapabilities)[]): DirectiveCapabilities => ({ ...none, ...Object.fromEntries(on.map((k) => [k, true])) });

describe('workflow buttons', () => {
  it('shows the steps the server allows, in button order', () => {
    expect(availableSteps(caps('edit', 'submit', 'attach', 'detach'))).toEqual(['submit']);
    expect(availableSteps(none)).toEqual([]);
    expect(availableSteps(caps('return', 'approve'))).toEqual(['approve', 'return']);
    expect(availableSteps(caps('return', 'sign'))).toEqual(['sign', 'return']);
    expect(availableSteps(caps('return', 'issue'))).toEqual(['issue', 'return']);
    expect(availableSteps(caps('revoke'))).toEqual(['revoke']);
    expect(availableSteps(caps('revoke', 'amend'))).toEqual(['amend', 'revoke']);
  });
});
