import { describe, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { auditStrings } from './strings.ts';

describe('audit strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: auditStrings('vi'), en: auditStrings('en') });
  });
});
