import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { lockoutStrings } from './lockout-strings.ts';
import { userStrings } from './strings.ts';

describe('users strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: userStrings('vi'), en: userStrings('en') });
    expectCompleteStrings({ vi: lockoutStrings('vi'), en: lockoutStrings('en') });
  });
});
