import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { authStrings } from './strings.ts';

describe('auth strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: authStrings('vi'), en: authStrings('en') });
  });
});
