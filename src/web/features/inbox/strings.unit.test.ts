import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { inboxStrings } from './strings.ts';

describe('inbox strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: inboxStrings('vi'), en: inboxStrings('en') });
  });
});
