import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { parseDispatch } from '../imports/index.ts';
import { TEMPLATES, formFromParsed, validateValues } from './report-form.ts';
import { IndicatorSchema } from './tasks.schemas.ts';

const template = TEMPLATES['tuyen-truyen'].indicators;

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.issues;
    throw err;
  }
  throw new Error('no error');
}

describe('report forms', () => {
  it('builds the built-in template from seed 002 as parsed', () => {
    const parsed = parseDispatch(readFileSync(new URL('../../../../assets/seeds/002.txt', import.meta.url), 'utf8'));
    expect(parsed.reportForm?.schedule).toEqual({ kind: 'weekly', weekday: 4, time: '16:00', from: '2021-02-01', until: '2021-02-28' });
    const form = formFromParsed('Kết quả công tác tuyên truyền', parsed.reportForm?.indicators ?? []);
    expect(form.indicators.map((i) => [i.key, i.type, i.aggregation])).toEqual(template.map((i) => [i.key, i.type, i.aggregation]));
    expect(template.map((i) => i.label)).toEqual(['Số lượng tin, bài', 'Độ dài tin, bài', 'Số lượng phát sóng', 'Ước số lượng người nghe']);
  });

  it('accepts valid figures (numbers or numeric text from a form) and makes the roll-up rows', () => {
    const { values, rows } = validateValues(template, { so_tin_bai: 12, do_dai_tin_bai: '45,5', so_luot_phat_song: '30', uoc_so_nguoi_nghe: 2500 });
    expect(values).toEqual({ so_tin_bai: 12, do_dai_tin_bai: 45.5, so_luot_phat_song: 30, uoc_so_nguoi_nghe: 2500 });
    expect(rows).toHaveLength(4);
  });

  it('lists every problem with the indicator name in Vietnamese', () => {
    const issues = issuesOf(() => validateValues(template, { so_tin_bai: 1.5, do_dai_tin_bai: -3, so_luot_phat_song: 'mười', khac: 1 }));
    expect(issues).toEqual([
      { path: 'values.khac', message: '"khac" không có trong biểu mẫu báo cáo' },
      { path: 'values.so_tin_bai', message: 'Số lượng tin, bài: phải là số nguyên' },
      { path: 'values.do_dai_tin_bai', message: 'Độ dài tin, bài: không được âm' },
      { path: 'values.so_luot_phat_song', message: 'Số lượng phát sóng: phải là một số' },
      { path: 'values.uoc_so_nguoi_nghe', message: 'Ước số lượng người nghe: chưa nhập (bắt buộc)' },
    ]);
  });

  it('checks percent, yes/no, url, choice and per-channel figures', () => {
    const inds = [
      IndicatorSchema.parse({ key: 'ty_le', label: 'Tỷ lệ hộ được tuyên truyền', type: 'percent' }),
      IndicatorSchema.parse({ key: 'co_loa', label: 'Có hệ thống loa', type: 'yes_no' }),
      IndicatorSchema.parse({ key: 'link', label: 'Đường dẫn tin bài', type: 'url' }),
      IndicatorSchema.parse({ key: 'muc', label: 'Mức độ', type: 'choice', options: ['Tốt', 'Khá'] }),
      IndicatorSchema.parse({ key: 'tin', label: 'Số tin', type: 'count', byChannel: true }),
    ];
    expect(inds[0]?.aggregation).toBe('avg');
    expect(inds[2]?.aggregation).toBe('latest');
    const ok = validateValues(inds, { ty_le: 80, co_loa: 'có', link: 'https://tamduong.laichau.gov.vn/tin/1', muc: 'Tốt', tin: { commune_radio: 3, zalo: '2' } });
    expect(ok.values.tin).toEqual({ total: 5, channels: { commune_radio: 3, zalo: 2 } });
    expect(ok.values.co_loa).toBe(true);
    expect(ok.rows.filter((r) => r.indicator === 'tin').map((r) => [r.channel, r.num])).toEqual([
      ['', 5],
      ['commune_radio', 3],
      ['zalo', 2],
    ]);
    const issues = issuesOf(() => validateValues(inds, { ty_le: 120, co_loa: 'có lẽ', link: 'ftp://x', muc: 'Kém', tin: { tivi: 1 } }));
    expect(issues.map((i) => i.message)).toEqual([
      'Tỷ lệ hộ được tuyên truyền: phải từ 0 đến 100',
      'Có hệ thống loa: phải chọn Có hoặc Không',
      'Đường dẫn tin bài: đường dẫn phải bắt đầu bằng http:// hoặc https://',
      'Mức độ: phải là một trong: Tốt; Khá',
      'Số tin: kênh "tivi" không hợp lệ (commune_radio, loudspeaker, district_radio_tv, fanpage, zalo, led_board, leaflets, mobile_team)',
    ]);
  });
});
