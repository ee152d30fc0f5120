import { describe, expect, it } from 'vitest';
import { availableSteps, isEditable } from './workflow.ts';

describe('workflow buttons', () => {
  it('follows status and roles', () => {
    expect(availableSteps('draft', ['drafter'])).toEqual(['submit']);
    expect(availableSteps('draft', ['approver', 'clerk'])).toEqual([]);
    expect(availableSteps('submitted', ['approver'])).toEqual(['approve', 'return']);
    expect(availableSteps('approved', ['approver'])).toEqual(['sign', 'return']);
    expect(availableSteps('signed', ['approver'])).toEqual([]);
    expect(availableSteps('signed', ['clerk'])).toEqual(['issue', 'return']);
    expect(availableSteps('issued', ['clerk'])).toEqual(['revoke']);
    expect(availableSteps('issued', ['drafter'])).toEqual(['amend']);
    expect(availableSteps('revoked', ['approver', 'clerk', 'drafter'])).toEqual([]);
    expect(availableSteps('submitted', ['system_admin'])).toEqual([]);
  });

  it('lets only drafters edit drafts and returned documents', () => {
    expect(isEditable('returned', ['drafter'])).toBe(true);
    expect(isEditable('draft', ['approver'])).toBe(false);
    expect(isEditable('submitted', ['drafter'])).toBe(false);
  });
});
