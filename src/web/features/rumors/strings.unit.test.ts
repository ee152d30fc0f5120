import { describe, expect, it } from 'vitest';
import { expectCompleteStrings } from '../../../../test/support/strings.ts';
import { actionStrings } from './actions-strings.ts';
import { filtersFromQuery, queryFromFilters } from './CaseList.tsx';
import { clusterStrings } from './cluster-strings.ts';
import { detailStrings } from './detail-strings.ts';
import { intakeStrings } from './intake-strings.ts';
import { monitoringStrings } from './monitoring-strings.ts';
import { parseLinks } from './ReportEntryForm.tsx';
import { fromVietnamLocal } from './rumors-api.ts';
import { rumorStrings } from './strings.ts';

describe('misinformation desk strings', () => {
  it('has the same keys and placeholders in Vietnamese and English, none empty', () => {
    for (const f of [rumorStrings, detailStrings, actionStrings, clusterStrings, intakeStrings, monitoringStrings]) expectCompleteStrings({ vi: f('vi'), en: f('en') });
  });

  it('shows the contract’s Vietnamese labels', () => {
    expect(rumorStrings('vi').verdicts.false).toBe('Sai sự thật');
    expect(rumorStrings('vi').statuses.unverified).toBe('Chưa xác minh');
  });
});

describe('case list filters in the URL', () => {
  it('round-trips known values and drops unknown ones', () => {
    const f = filtersFromQuery(new URLSearchParams('status=verifying&verdict=nope&severity=high&q=%20phong%20toa%20&mine=1&offset=50'));
    expect(f).toEqual({ status: 'verifying', verdict: undefined, severity: 'high', q: 'phong toa', mine: true, offset: 50 });
    expect(queryFromFilters(f)).toBe('?status=verifying&severity=high&q=phong+toa&mine=1&offset=50');
    expect(queryFromFilters(filtersFromQuery(new URLSearchParams('offset=-3')))).toBe('');
  });
});

describe('staff entry', () => {
  it('takes one http(s) link per line and says which line is wrong', () => {
    const S = intakeStrings('vi');
    expect(parseLinks(' https://fb.com/a \n\nhttp://x.vn/b\n', S)).toEqual(['https://fb.com/a', 'http://x.vn/b']);
    expect(parseLinks('ftp://x.vn/a', S)).toEqual({ error: S.badLink('ftp://x.vn/a') });
    expect(parseLinks(Array.from({ length: 11 }, (_, i) => `https://x.vn/${i}`).join('\n'), S)).toEqual({ error: S.tooManyLinks });
  });

  it('reads a datetime-local input as Viet Nam time', () => {
    expect(fromVietnamLocal('2026-12-01T09:30')).toBe('2026-12-01T09:30:00+07:00');
    expect(fromVietnamLocal('')).toBeNull();
  });
});
