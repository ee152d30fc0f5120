import { describe, expect, it } from 'vitest';
import { CLUSTER_RULE, contentWords, decideCase, textMatchScore, textScores, trigrams } from './clustering.ts';
import type { CandidateReport, ClusterProbe } from './clustering.ts';
import { foldText, normalizedUrlsOf } from './reports.core.ts';

const probe = (text: string, o: Partial<ClusterProbe> = {}): ClusterProbe => ({ unitId: 'u', normalizedUrls: [], textFolded: foldText(text), fileSha256: null, ...o });
const cand = (caseId: string, text: string, o: Partial<CandidateReport> = {}): CandidateReport => ({
  caseId,
  sharedUrl: null,
  sameFile: false,
  textFolded: foldText(text),
  caseReports: 1,
  caseUntouched: true,
  ...o,
});
const words = (s: string) => contentWords(foldText(s));

const LOCKDOWN = 'Khẩn: từ 0 giờ ngày mai phong tỏa toàn bộ thành phố Lai Châu, không ai được ra vào, các chợ và siêu thị đóng cửa.';
const LOCKDOWN_PARAPHRASE = 'Thành phố Lai Châu sẽ phong tỏa toàn bộ từ 0 giờ sáng mai, cấm ra vào thành phố, đóng cửa chợ và siêu thị.';
const OTHER_LOCKDOWN = 'Xã Bản Lang huyện Phong Thổ bị phong tỏa vì có ca dương tính, chốt chặn ở đầu cầu, dân không được đi làm nương.';

describe('trigrams and scores', () => {
  it('computes pg_trgm’s trigrams (two spaces before a word, one after) and its similarity', () => {
    expect([...trigrams(['cat'])].sort()).toEqual(['  c', ' ca', 'at ', 'cat'].sort());
    expect(textScores(['cat'], ['cat']).similarity).toBe(1);
    // As SELECT similarity('cat', 'cart') answers: 2 common trigrams ("  c", " ca") of 7.
    expect(textScores(['cat'], ['cart']).similarity).toBeCloseTo(2 / 7, 5);
  });

  it('removes boilerplate, links and function words, keeps places and events', () => {
    expect(words('Mọi người ơi tin này có đúng không? Nhờ Sở xác minh giúp. https://fb.com/x')).toEqual([]);
    expect(words('Cháy rừng lớn ở Sìn Hồ, lửa lan đến khu dân cư')).toEqual(['chay', 'rung', 'lon', 'sin', 'ho', 'lua', 'lan', 'khu', 'dan', 'cu']);
  });
});

describe('textMatchScore', () => {
  it('joins a paraphrase, a copy without diacritics and a repost with a comment', () => {
    expect(textMatchScore(words(LOCKDOWN_PARAPHRASE), words(LOCKDOWN))).toBeGreaterThanOrEqual(CLUSTER_RULE.textThreshold);
    expect(textMatchScore(words('Tu 0 gio ngay mai phong toa toan bo thanh pho Lai Chau, khong ai duoc ra vao, cac cho va sieu thi dong cua.'), words(LOCKDOWN))).toBeGreaterThan(
      0.9,
    );
    expect(textMatchScore(words(`Chia sẻ cho người thân biết, dân bản em đang hoang mang: ${LOCKDOWN}`), words(LOCKDOWN))).toBeGreaterThan(0.8);
  });

  it('keeps apart two claims that share words (another place, another event)', () => {
    expect(textMatchScore(words(OTHER_LOCKDOWN), words(LOCKDOWN))).toBe(0);
    expect(
      textMatchScore(
        words('Vỡ đập thủy điện Lai Châu, nước lũ đang tràn xuống hạ du, người dân Mường Tè sơ tán gấp.'),
        words('Thủy điện Bản Chát mở cả 4 cửa xả lũ khẩn cấp trong đêm, Than Uyên ngập nặng.'),
      ),
    ).toBe(0);
  });

  it('never joins by a text that says nothing about the claim', () => {
    expect(textMatchScore(words('Tin này có thật không ạ? Nhờ Sở xác minh giúp.'), words('Tin này có thật không ạ? Nhờ Sở xác minh giúp.'))).toBe(0);
  });
});

describe('decideCase', () => {
  it('a shared link beats any text, and the most reported case wins a tie', () => {
    const m = decideCase(probe('Tin này có thật không?', { normalizedUrls: ['https://facebook.com/x/posts/1'] }), [
      cand('text-case', LOCKDOWN),
      cand('small', 'x', { sharedUrl: 'https://facebook.com/x/posts/1', caseReports: 1 }),
      cand('big', 'y', { sharedUrl: 'https://facebook.com/x/posts/1', caseReports: 9 }),
    ]);
    expect(m).toMatchObject({ caseId: 'big', kind: 'url', score: 1, url: 'https://facebook.com/x/posts/1' });
  });

  it('an identical file joins; a similar text joins; nothing similar opens a new case', () => {
    expect(decideCase(probe('Ảnh chụp màn hình', { fileSha256: 'ab' }), [cand('c1', 'Ảnh', { sameFile: true })])).toMatchObject({ caseId: 'c1', kind: 'file' });
    expect(decideCase(probe(LOCKDOWN_PARAPHRASE), [cand('other', OTHER_LOCKDOWN), cand('lock', LOCKDOWN)])).toMatchObject({ caseId: 'lock', kind: 'text' });
    expect(decideCase(probe(OTHER_LOCKDOWN), [cand('lock', LOCKDOWN)])).toBeNull();
  });

  it('bridges the untouched cases the report shows to be the same claim, never a case someone works on', () => {
    const p = probe(LOCKDOWN, { normalizedUrls: ['https://facebook.com/g/posts/1'] });
    const m = decideCase(p, [
      cand('by-link', 'Tin này có thật không?', { sharedUrl: 'https://facebook.com/g/posts/1' }),
      cand('by-text', LOCKDOWN_PARAPHRASE),
      cand('by-text-worked-on', LOCKDOWN, { caseUntouched: false }),
      cand('unrelated', OTHER_LOCKDOWN),
    ]);
    expect(m?.caseId).toBe('by-link');
    expect(m?.bridged).toEqual(['by-text']);
  });
});

describe('normalizedUrlsOf', () => {
  it('keeps the short link and adds its resolved target, both normalised', () => {
    expect(normalizedUrlsOf(['https://bit.ly/3Ph', 'https://m.facebook.com/a/posts/1?fbclid=x'], { 'https://bit.ly/3Ph': 'https://www.facebook.com/a/posts/1/' })).toEqual([
      'https://bit.ly/3Ph',
      'https://facebook.com/a/posts/1',
    ]);
  });
});
