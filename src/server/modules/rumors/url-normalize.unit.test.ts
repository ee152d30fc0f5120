import { describe, expect, it } from 'vitest';
import { isShortLink, normalizeUrl } from './url-normalize.ts';

const same = (a: string, b: string) => expect(normalizeUrl(a), `${a} ≡ ${b}`).toBe(normalizeUrl(b));
const differ = (a: string, b: string) => expect(normalizeUrl(a), `${a} ≢ ${b}`).not.toBe(normalizeUrl(b));

describe('normalizeUrl', () => {
  it('treats the mobile and desktop hosts of one post as one link, scheme and case of the host aside', () => {
    const canon = 'https://facebook.com/groups/laichau24h/posts/812345678901234';
    expect(normalizeUrl('https://www.facebook.com/groups/laichau24h/posts/812345678901234/')).toBe(canon);
    for (const v of [
      'http://m.facebook.com/groups/laichau24h/posts/812345678901234',
      'https://mbasic.facebook.com/groups/laichau24h/posts/812345678901234?__tn__=%2CO*F',
      'https://WEB.Facebook.COM/groups/laichau24h/posts/812345678901234/#comments',
      'https://touch.facebook.com./groups/laichau24h/posts/812345678901234',
      'https://fb.com/groups/laichau24h/posts/812345678901234',
      'facebook.com/groups/laichau24h/posts/812345678901234?mibextid=Nif5oz&fbclid=IwAR0abc',
      'https://m.facebook.com:443/groups/laichau24h/posts/812345678901234?__cft__[0]=AZXk&__xts__[0]=68.ARB',
    ])
      expect(normalizeUrl(v), v).toBe(canon);
  });

  it('drops tracking parameters of every platform and sorts the rest', () => {
    same('https://vnexpress.net/tin-don-1.html?utm_source=facebook&utm_medium=social&utm_campaign=x', 'https://vnexpress.net/tin-don-1.html');
    same('https://dantri.com.vn/a.htm?gclid=1&zarsrc=30&igshid=abc&ref=home', 'https://dantri.com.vn/a.htm');
    same('https://example.vn/p?b=2&a=1', 'https://example.vn/p?a=1&b=2');
    same('https://www.facebook.com/permalink.php?story_fbid=123&id=456&fbclid=X', 'https://facebook.com/permalink.php?id=456&story_fbid=123');
    // Parameters that identify the post stay, and differ.
    differ('https://facebook.com/permalink.php?story_fbid=123&id=456', 'https://facebook.com/permalink.php?story_fbid=124&id=456');
    differ('https://baomoi.com/tin?id=1', 'https://baomoi.com/tin?id=2');
  });

  it('makes one YouTube video of youtu.be, shorts, embed and watch links (timestamps and playlists aside)', () => {
    const canon = 'https://youtube.com/watch?v=dQw4w9WgXcQ';
    for (const v of [
      'https://youtu.be/dQw4w9WgXcQ?si=Ab12Cd34',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PL1&index=3&pp=ygU',
      'https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ',
      'https://youtube.com/shorts/dQw4w9WgXcQ?feature=share',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/live/dQw4w9WgXcQ?app=desktop',
    ])
      expect(normalizeUrl(v), v).toBe(canon);
    differ('https://youtu.be/dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcq');
  });

  it('makes one Facebook video of /videos/, /reel/ and watch links', () => {
    same('https://www.facebook.com/laichau.tv/videos/1234567890123/', 'https://m.facebook.com/watch/?v=1234567890123&mibextid=abc');
    same('https://www.facebook.com/reel/1234567890123', 'https://facebook.com/watch?v=1234567890123');
  });

  it('TikTok and X: the id is global, the account name is not part of it', () => {
    same('https://www.tiktok.com/@tin.nong.24h/video/7301234567890123456?is_from_webapp=1&sender_device=pc&_r=1&_t=8h', 'https://m.tiktok.com/@someone/video/7301234567890123456');
    same('https://twitter.com/user/status/1234567890?s=20&t=abc', 'https://x.com/other/status/1234567890');
  });

  it('unwraps the Facebook link shim and Google redirects to their target', () => {
    same('https://l.facebook.com/l.php?u=https%3A%2F%2Fvnexpress.net%2Ftin-1.html%3Ffbclid%3DIwAR1&h=AT0', 'https://vnexpress.net/tin-1.html');
    same('https://www.google.com/url?q=https://dantri.com.vn/a.htm&sa=D', 'https://dantri.com.vn/a.htm');
    same('https://www.google.com/amp/s/vnexpress.net/tin-1.html', 'https://vnexpress.net/tin-1.html');
  });

  it('decodes percent-encoding one way and NFC-normalises Vietnamese paths', () => {
    const decomposed = 'https://baolaichau.vn/tin/phong-tỏa'.normalize('NFD');
    same(decomposed, 'https://baolaichau.vn/tin/phong-t%E1%BB%8Fa');
    same('https://baolaichau.vn/tin/phong-tỏa', 'https://baolaichau.vn/tin/phong-t%e1%bb%8fa/');
    same('https://baolaichau.vn/a%20b', 'https://baolaichau.vn/a b');
    same('https://example.vn/?q=l%E1%BB%ADa', 'https://example.vn/?q=lửa');
  });

  it('keeps different hosts, paths and path case apart', () => {
    differ('https://facebook.com/abc', 'https://facebook.net/abc');
    differ('https://web.archive.org/web/1/https://a.vn', 'https://archive.org/web/1/https://a.vn');
    differ('https://zalo.me/g/abc', 'https://zalo.me/g/ABC');
    differ('https://vnexpress.net/a', 'https://vnexpress.net/a/b');
    expect(normalizeUrl('https://m.me/laichau')).toBe('https://m.me/laichau');
  });

  it('leaves texts that are no http link recognisable', () => {
    expect(normalizeUrl('  Nhóm Zalo của xóm  ')).toBe('nhóm zalo của xóm');
    expect(normalizeUrl('ftp://files.vn/x')).toBe('ftp://files.vn/x');
    expect(normalizeUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
  });
});

describe('isShortLink', () => {
  it('knows the shorteners and the platforms’ share links', () => {
    for (const s of [
      'https://bit.ly/3xYzAbc',
      'http://tinyurl.com/abc123',
      'https://t.co/AbCdE',
      'https://vm.tiktok.com/ZSabc123/',
      'https://vt.tiktok.com/ZS1/',
      'https://www.tiktok.com/t/ZTRabc/',
      'https://fb.watch/oAbC12/',
      'https://fb.me/e/abc',
      'https://www.facebook.com/share/p/1AbCdEf/',
      'https://s.net.vn/AbCd',
      'https://shorturl.at/abcDE',
      'https://rb.gy/abc1',
      'goo.gl/maps/abc',
    ])
      expect(isShortLink(s), s).toBe(true);
    for (const s of ['https://bit.ly/', 'https://facebook.com/groups/x/posts/1', 'https://youtu.be/abc', 'https://vnexpress.net/a', 'không phải link'])
      expect(isShortLink(s), s).toBe(false);
  });
});
