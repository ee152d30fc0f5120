import { describe, expect, it } from 'vitest';
import { formatFileSize } from './attachments.ts';

describe('formatFileSize', () => {
  it('shows KB below one MiB and MB above, with the locale decimal mark', () => {
    expect(formatFileSize(512, 'en')).toBe('0.5 KB');
    expect(formatFileSize(12_800, 'vi')).toBe('12,5 KB');
    expect(formatFileSize(1_258_291, 'en')).toBe('1.2 MB');
    expect(formatFileSize(1_258_291, 'vi')).toBe('1,2 MB');
  });
});
