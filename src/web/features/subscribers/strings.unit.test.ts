import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { subscriberStrings } from './strings.ts';

describe('subscribers strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: subscriberStrings('vi'), en: subscriberStrings('en') });
  });
});
