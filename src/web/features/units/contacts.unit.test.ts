import { describe, expect, it } from 'vitest';
import { fromDraft, invalidEmails, invalidPhones, splitList } from './contacts.ts';

describe('contacts helpers', () => {
  it('splits lines/commas, trims and de-duplicates', () => {
    expect(splitList(' a@x.vn \n\nb@x.vn, A@x.vn; c@x.vn ')).toEqual(['a@x.vn', 'b@x.vn', 'c@x.vn']);
  });

  it('validates e-mails and phones', () => {
    expect(invalidEmails(['ubnd@tamduong.gov.vn', 'bad', 'x@y'])).toEqual(['bad', 'x@y']);
    expect(invalidPhones(['0213 3876 123', '+84 213.3876.123', 'abc', '12'])).toEqual(['abc', '12']);
  });

  it('builds the API payload', () => {
    expect(fromDraft({ emails: 'a@x.vn', phones: '', address: '  ', website: 'laichau.gov.vn' })).toEqual({
      emails: ['a@x.vn'],
      phones: [],
      address: null,
      website: 'https://laichau.gov.vn',
    });
  });
});
