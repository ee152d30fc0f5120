import { describe, expect, it } from 'vitest';
import { ROLES, UNIT_KINDS } from './api.ts';
import { type AttachmentKind, type CcPurpose, type DirectiveStatus, type Urgency } from './features/directives/directives-api.ts';
import { dictionaries, initialLang, LANGS, translate, type MessageKey } from './i18n.ts';

// Compile-time guarantee that every directive status, urgency, cc purpose and attachment kind has a label.
const vi = dictionaries.vi as Record<string, string>;
const _statusKeys: Record<`dstatus.${DirectiveStatus}`, string> = vi;
const _urgencyKeys: Record<`urgency.${Urgency}`, string> = vi;
const _purposeKeys: Record<`ccPurpose.${CcPurpose}`, string> = vi;
const _attachmentKindKeys: Record<`attachments.kind.${AttachmentKind}`, string> = vi;
void [_statusKeys, _urgencyKeys, _purposeKeys, _attachmentKindKeys];

describe('i18n dictionary', () => {
  it('has exactly the same keys in every language, all non-empty', () => {
    const viKeys = Object.keys(dictionaries.vi).sort();
    for (const lang of LANGS) {
      const keys = Object.keys(dictionaries[lang]).sort();
      expect(keys).toEqual(viKeys);
      for (const k of keys) expect(dictionaries[lang][k as MessageKey].trim(), `${lang}:${k}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(dictionaries.vi) as MessageKey[]) {
      expect(ph(dictionaries.en[k]), k).toEqual(ph(dictionaries.vi[k]));
    }
  });

  it('labels every role and unit kind with the official Vietnamese names', () => {
    for (const r of ROLES) expect(dictionaries.vi[`role.${r}`]).toBeTruthy();
    for (const k of UNIT_KINDS) expect(dictionaries.vi[`kind.${k}`]).toBeTruthy();
    expect(translate('vi', 'role.approver')).toBe('Lãnh đạo duyệt, ký');
    expect(translate('vi', 'kind.commune_radio')).toBe('Đài truyền thanh cơ sở');
    expect(translate('vi', 'kind.radio_tv')).toBe('Đài PT-TH');
  });

  it('interpolates parameters and keeps unknown placeholders', () => {
    expect(translate('vi', 'password.tooShort', { n: 8 })).toBe('Mật khẩu mới phải có ít nhất 8 ký tự.');
    expect(translate('en', 'units.expand', {})).toBe('Expand {name}');
  });

  it('defaults to Vietnamese', () => {
    expect(initialLang(null)).toBe('vi');
    expect(initialLang('fr')).toBe('vi');
    expect(initialLang('en')).toBe('en');
  });
});
