// The body of a directive edited as plain text. Pure module (unit-tested).
//
// One line = one paragraph; consecutive lines starting with "- ", "+ " or "• " form a bulleted
// list. Inline marks as the server's dispatch contract writes them: **bold**, *italic*, ***both***.
import type { Block, Run } from './directives-api.ts';

const BULLET = /^\s*[-+•]\s+/;

/** "a **b** *c*" → runs [a ][b bold][ ][c italic]. Unclosed marks are kept as text. */
export function parseRuns(text: string): Run[] {
  const runs: Run[] = [];
  const re = /(\*{1,3})(?=\S)(.+?)(?<=\S)\1(?!\*)/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) runs.push({ text: text.slice(last, m.index) });
    const stars = m[1]!.length;
    const run: Run = { text: m[2]! };
    if (stars !== 2) run.italic = true;
    if (stars >= 2) run.bold = true;
    runs.push(run);
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs.length ? runs : [{ text: '' }];
}

export function runsToText(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      if (!r.text.trim()) return r.text;
      const mark = r.bold && r.italic ? '***' : r.bold ? '**' : r.italic ? '*' : '';
      if (!mark) return r.text;
      // Keep surrounding spaces outside the marks so they parse back.
      const lead = /^\s*/.exec(r.text)![0];
      const trail = /\s*$/.exec(r.text)![0];
      return `${lead}${mark}${r.text.trim()}${mark}${trail}`;
    })
    .join('');
}

/** Text area content → blocks (empty lines are dropped). */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (BULLET.test(line)) {
      const item = parseRuns(line.replace(BULLET, ''));
      const prev = blocks[blocks.length - 1];
      if (prev?.kind === 'bullets') prev.items.push(item);
      else blocks.push({ kind: 'bullets', items: [item] });
    } else {
      blocks.push({ kind: 'paragraph', runs: parseRuns(line) });
    }
  }
  return blocks;
}

export function blocksToText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') lines.push(runsToText(b.runs));
    else for (const item of b.items) lines.push(`- ${runsToText(item)}`);
  }
  return lines.join('\n');
}
