import { describe, expect, it } from 'vitest';
import { issueCheck, type RecipientsPreview } from './recipients-preview.ts';

const preview = (reaches: number[]): RecipientsPreview => {
  const entries = reaches.map((n, i) => ({ kind: 'group' as const, id: String(i), name: `Nhóm ${i}`, reaches: n, editionLabel: null }));
  return { date: '2026-12-01', entries, total: reaches.reduce((a, b) => a + b, 0), unreached: entries.filter((e) => e.reaches === 0).map((e) => e.name) };
};

describe('issue dialog check', () => {
  it('issues freely when every entry reaches someone', () => expect(issueCheck(preview([3, 1]))).toBe('ok'));
  it('asks for confirmation when some entry reaches nobody', () => expect(issueCheck(preview([3, 0]))).toBe('confirm'));
  it('blocks when no entry reaches anyone', () => expect(issueCheck(preview([0, 0]))).toBe('blocked'));
});
