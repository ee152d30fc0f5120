import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { broadcastStrings } from './strings.ts';

describe('broadcasts strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: broadcastStrings('vi'), en: broadcastStrings('en') });
  });
});
