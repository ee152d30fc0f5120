import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { deviceStrings } from './strings.ts';

describe('devices strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: deviceStrings('vi'), en: deviceStrings('en') });
  });
});
