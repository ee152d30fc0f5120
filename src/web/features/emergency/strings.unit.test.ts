import { describe, expect, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { renditionsOf } from './emergency-api.ts';
import { emergencyStrings } from './strings.ts';

describe('emergency strings and renditions', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    expectCompleteStrings({ vi: emergencyStrings('vi'), en: emergencyStrings('en') });
  });

  it('makes every channel’s text from one message: the social post links to the portal’s notice', () => {
    const r = renditionsOf('Lũ quét', 'Sơ tán ngay khỏi ven suối.', { portalUrl: 'https://loa.example' });
    expect(r.radio.text).toMatch(/^Thông báo khẩn cấp\. Lũ quét\..*Xin nhắc lại: Lũ quét\.$/);
    expect(r.led.text).toBe('KHẨN CẤP: Lũ quét. Sơ tán ngay khỏi ven suối.');
    expect(r.social.text).toContain('https://loa.example/#thong-bao-khan-cap');
    expect(r.cap.vi).toEqual({ headline: 'Lũ quét', description: 'Sơ tán ngay khỏi ven suối.', instruction: '' });
    expect(r.banner).toEqual({ headline: 'Lũ quét', link: null });
  });
});
