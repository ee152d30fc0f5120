import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { mapStrings } from './strings.ts';

describe('map strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: mapStrings('vi'), en: mapStrings('en') });
  });
});
