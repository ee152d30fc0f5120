import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { unitStrings } from './strings.ts';

describe('units strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: unitStrings('vi'), en: unitStrings('en') });
  });
});
