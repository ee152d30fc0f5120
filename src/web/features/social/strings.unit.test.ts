import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { socialStrings } from './strings.ts';

describe('social strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: socialStrings('vi'), en: socialStrings('en') });
  });
});
