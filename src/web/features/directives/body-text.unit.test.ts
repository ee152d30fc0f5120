import { describe, expect, it } from 'vitest';
import { blocksToText, parseRuns, runsToText, textToBlocks } from './body-text.ts';

describe('body text', () => {
  it('parses bold, italic and both', () => {
    expect(parseRuns('Đẩy mạnh **bảo mật tuyệt đối** và *theo dõi* ***gấp***.')).toEqual([
      { text: 'Đẩy mạnh ' },
      { text: 'bảo mật tuyệt đối', bold: true },
      { text: ' và ' },
      { text: 'theo dõi', italic: true },
      { text: ' ' },
      { text: 'gấp', bold: true, italic: true },
      { text: '.' },
    ]);
    expect(parseRuns('2 * 3 = 6')).toEqual([{ text: '2 * 3 = 6' }]);
    expect(parseRuns('')).toEqual([{ text: '' }]);
  });

  it('groups bullet lines into one list and drops empty lines', () => {
    const blocks = textToBlocks('Mở đầu.\n\n- Một;\n+ Hai.\nKết.');
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Mở đầu.' }] },
      { kind: 'bullets', items: [[{ text: 'Một;' }], [{ text: 'Hai.' }]] },
      { kind: 'paragraph', runs: [{ text: 'Kết.' }] },
    ]);
  });

  it('round-trips through text', () => {
    const text = 'Đoạn **đậm** và *nghiêng*.\n- Mục một\n- Mục ***hai***';
    expect(blocksToText(textToBlocks(text))).toBe(text);
    expect(runsToText([{ text: 'a ' }, { text: 'b ', bold: true }, { text: 'c' }])).toBe('a **b** c');
  });
});
