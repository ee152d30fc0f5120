import { describe, expect, it } from 'vitest';
import { balancedLines, breakLines, lineText, parseInline, toWords } from './text.ts';

const style = (bold: boolean, italic: boolean) => ({ bold, italic });

describe('parseInline', () => {
  it('reads **bold**, *italic* and ***both***, nested marks included', () => {
    expect(parseInline('a **b** *c* ***d***')).toEqual([
      { text: 'a ', ...style(false, false) },
      { text: 'b', ...style(true, false) },
      { text: ' ', ...style(false, false) },
      { text: 'c', ...style(false, true) },
      { text: ' ', ...style(false, false) },
      { text: 'd', ...style(true, true) },
    ]);
    expect(parseInline('**x *y* z**')).toEqual([
      { text: 'x ', ...style(true, false) },
      { text: 'y', ...style(true, true) },
      { text: ' z', ...style(true, false) },
    ]);
  });

  it('keeps unpaired stars and a lone "* " as text', () => {
    expect(parseInline('5 * 3 = 15')).toEqual([{ text: '5 * 3 = 15', ...style(false, false) }]);
    expect(parseInline('**mở')).toEqual([{ text: '**mở', ...style(false, false) }]);
  });
});

describe('line breaking', () => {
  const runs = [{ text: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', ...style(true, false) }];

  it('fills lines greedily and never exceeds the width', () => {
    const lines = breakLines(toWords(runs, 13), 13, 190, 190);
    expect(lines.map(lineText)).toEqual(['SỞ THÔNG TIN VÀ TRUYỀN', 'THÔNG']);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(190);
  });

  it('balances centred lines', () => {
    expect(balancedLines(runs, 13, 190).map(lineText)).toEqual(['SỞ THÔNG TIN VÀ', 'TRUYỀN THÔNG']);
  });

  it('cuts a word longer than the line', () => {
    const long = [{ text: 'https://dichvucong.thanhhoa.gov.vn/tai-lieu/huong-dan', ...style(false, false) }];
    const lines = breakLines(toWords(long, 11), 11, 100, 100);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map(lineText).join('')).toBe(long[0]!.text);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(100);
  });

  it('keeps no-break spaces inside a word', () => {
    const words = toWords([{ text: 'Số:\u00a0\u00a0\u00a0/UBND ngày', ...style(false, false) }], 13);
    expect(words).toHaveLength(2);
  });
});
