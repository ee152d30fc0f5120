import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { programmeStrings } from './strings.ts';

describe('programmes strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: programmeStrings('vi'), en: programmeStrings('en') });
  });
});
