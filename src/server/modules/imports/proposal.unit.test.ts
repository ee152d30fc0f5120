import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDispatch } from './parse/parse.ts';
import { TASK_TITLE_MAX, shortTitle } from './proposal.ts';

const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../assets/seeds');
const seed = (n: string) => parseDispatch(readFileSync(path.join(seedsDir, `${n}.txt`), 'utf8'));

describe('task titles: the first clause, at most 120 characters', () => {
  it('titles the sections of seed 002 by what is asked, without the addressees', () => {
    const titles = seed('002').tasks.map((t) => shortTitle(t.title, t.assignees));
    expect(titles).toEqual([
      'Yêu cầu cán bộ, công chức, viên chức, nhân viên và người lao động cài đặt ứng dụng Bluezone',
      'Xây dựng các tin, bài, phóng sự phát trên hệ thống phát thanh, truyền hình, Trạm truyền thanh cơ sở',
      'Báo cáo nhanh, tóm tắt kết quả tuyên truyền',
    ]);
  });

  it('keeps every seed task title within the limit, never ending on punctuation', () => {
    for (const n of ['000', '001', '002', '003', '004']) {
      const d = seed(n);
      for (const t of d.tasks) {
        const section = d.sections.find((s) => s.number === t.section);
        const title = shortTitle(t.title, t.assignees, section?.heading ? section.items[0] : undefined);
        // A heading that only names its addressees is titled by its first item.
        if (section?.heading && t.assignees.includes(section.heading)) expect(title).not.toBe(section.heading);
        expect(title.length, title).toBeLessThanOrEqual(TASK_TITLE_MAX);
        expect(title).toMatch(/^\p{Lu}/u);
        expect(title).not.toMatch(/[,;:]$/u);
      }
    }
  });

  it('cuts a long clause without commas at a word, marked with an ellipsis', () => {
    const title = shortTitle(`Tổ chức ${'tuyên truyền rộng rãi '.repeat(12)}trên địa bàn`, []);
    expect(title.length).toBeLessThanOrEqual(TASK_TITLE_MAX);
    expect(title).toMatch(/^Tổ chức tuyên truyền rộng rãi .*rãi…$|^Tổ chức tuyên truyền .*…$/u);
  });
});
