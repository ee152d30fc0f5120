import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { bulletinStrings } from './strings.ts';

describe('bulletins strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: bulletinStrings('vi'), en: bulletinStrings('en') });
  });
});
