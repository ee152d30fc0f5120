import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { todoStrings } from './strings.ts';

describe('todo strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: todoStrings('vi'), en: todoStrings('en') });
  });
});
