import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { groupStrings } from './strings.ts';

describe('groups strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: groupStrings('vi'), en: groupStrings('en') });
  });
});
