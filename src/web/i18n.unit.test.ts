import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, ROLES } from '../shared/contracts/access.ts';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../shared/contracts/units.ts';
import { type Urgency } from './features/directives/directives-api.ts';
import { dictionaries, initialLang, LANGS, translate, type MessageKey } from './i18n.ts';

// Compile-time guarantee that every urgency has a label (statuses, cc purposes, attachment kinds: features/directives/strings.unit.test.ts).
const vi = dictionaries.vi as Record<string, string>;
const _urgencyKeys: Record<`urgency.${Urgency}`, string> = vi;
void _urgencyKeys;

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

  it('labels every role and unit kind with the official names (the shared contract)', () => {
    for (const r of ROLES) for (const lang of LANGS) expect(ROLE_LABELS[r][lang].trim()).not.toBe('');
    for (const k of UNIT_KINDS) for (const lang of LANGS) expect(UNIT_KIND_LABELS[k][lang].trim()).not.toBe('');
    expect(ROLE_LABELS.approver.vi).toBe('Lãnh đạo duyệt, ký');
    expect(UNIT_KIND_LABELS.commune_radio.vi).toBe('Đài truyền thanh cơ sở');
    expect(UNIT_KIND_LABELS.radio_tv.vi).toBe('Đài PT-TH');
  });

  it('interpolates parameters and keeps unknown placeholders', () => {
    expect(translate('vi', 'error.server', { status: 503 })).toBe('Máy chủ gặp lỗi (mã 503). Vui lòng thử lại sau.');
    expect(translate('en', 'common.requiredField', {})).toBe('Please enter {field}.');
  });

  it('defaults to Vietnamese', () => {
    expect(initialLang(null)).toBe('vi');
    expect(initialLang('fr')).toBe('vi');
    expect(initialLang('en')).toBe('en');
  });
});
