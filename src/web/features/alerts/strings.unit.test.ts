import { describe, expect, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { fromLocalInput, toLocalInput } from './alerts-api.ts';
import { alertStrings } from './strings.ts';

describe('alerts strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: alertStrings('vi'), en: alertStrings('en') });
  });

  it('datetime inputs are Vietnam time with a numeric offset', () => {
    expect(toLocalInput('2026-12-01T02:00:00.000Z')).toBe('2026-12-01T09:00');
    expect(fromLocalInput('2026-12-01T09:00')).toBe('2026-12-01T09:00:00+07:00');
    expect(fromLocalInput('')).toBeNull();
  });
});
