import { describe, expect, it } from 'vitest';
import { FeedParseError, decodeEntities, htmlToText, parseFeed } from './feed-parser.ts';
import { foldKeyword, matchingKeywords } from './keyword-match.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Báo Lai Châu</title>
    <item>
      <title>Sự thật về clip &quot;hàng dài người&quot; tại cửa khẩu</title>
      <link>https://baolaichau.vn/xa-hoi/su-that-clip-123.html</link>
      <guid isPermaLink="false">blc-123</guid>
      <description>&lt;p&gt;Thông tin &lt;b&gt;sai sự thật&lt;/b&gt; &amp;amp; gây hoang mang&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
      <pubDate>Tue, 01 Dec 2026 08:30:00 +0700</pubDate>
    </item>
    <item>
      <title><![CDATA[Tin <em>CDATA</em> & dấu]]></title>
      <link>javascript:alert(1)</link>
      <description><![CDATA[<p>Nội dung &amp; <a href="x">liên kết</a></p>]]></description>
      <pubDate>not a date</pubDate>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Cổng TTĐT tỉnh</title>
  <entry>
    <title type="html">Cảnh báo &lt;i&gt;tin giả&lt;/i&gt;</title>
    <link rel="self" href="https://laichau.gov.vn/self/1"/>
    <link rel="alternate" href="https://laichau.gov.vn/tin/1"/>
    <id>tag:laichau.gov.vn,2026:1</id>
    <updated>2026-12-01T01:00:00Z</updated>
    <summary type="html">&lt;div&gt;Người dân không chia sẻ&lt;/div&gt;</summary>
  </entry>
  <entry>
    <title>Không có id</title>
    <link href="https://laichau.gov.vn/tin/2"/>
    <published>2026-11-30T10:00:00+07:00</published>
    <content type="html">&lt;p&gt;Nội dung&lt;/p&gt;</content>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.vn/"><title>RDF site</title></channel>
  <item rdf:about="https://example.vn/a">
    <title>Mục RDF</title>
    <link>https://example.vn/a</link>
    <description>Mô tả</description>
    <dc:date>2026-12-01T00:00:00Z</dc:date>
  </item>
</rdf:RDF>`;

/** The feed parser: RSS 2.0, Atom 1.0, RSS 1.0/RDF; HTML stripped; entities never expanded; Vietnamese errors. */
describe('feed parser', () => {
  it('reads RSS 2.0: guid, link, title and description as plain text, pubDate; unsafe links and bad dates dropped', () => {
    const f = parseFeed(RSS);
    expect(f).toMatchObject({ format: 'rss', title: 'Báo Lai Châu' });
    expect(f.items).toHaveLength(2);
    expect(f.items[0]).toEqual({
      guid: 'blc-123',
      url: 'https://baolaichau.vn/xa-hoi/su-that-clip-123.html',
      title: 'Sự thật về clip "hàng dài người" tại cửa khẩu',
      summary: 'Thông tin sai sự thật & gây hoang mang',
      publishedAt: new Date('2026-12-01T01:30:00Z'),
    });
    expect(f.items[1]).toMatchObject({ title: 'Tin CDATA & dấu', url: null, summary: 'Nội dung & liên kết', publishedAt: null });
    expect(f.items[1]!.guid).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reads Atom 1.0: id, the alternate link, html title and summary, updated/published', () => {
    const f = parseFeed(ATOM);
    expect(f).toMatchObject({ format: 'atom', title: 'Cổng TTĐT tỉnh' });
    expect(f.items[0]).toEqual({
      guid: 'tag:laichau.gov.vn,2026:1',
      url: 'https://laichau.gov.vn/tin/1',
      title: 'Cảnh báo tin giả',
      summary: 'Người dân không chia sẻ',
      publishedAt: new Date('2026-12-01T01:00:00Z'),
    });
    expect(f.items[1]).toMatchObject({ guid: 'https://laichau.gov.vn/tin/2', summary: 'Nội dung', publishedAt: new Date('2026-11-30T03:00:00Z') });
  });

  it('reads RSS 1.0 (RDF): rdf:about as the guid, dc:date', () => {
    const f = parseFeed(RDF);
    expect(f).toMatchObject({ format: 'rdf', title: 'RDF site' });
    expect(f.items).toEqual([{ guid: 'https://example.vn/a', url: 'https://example.vn/a', title: 'Mục RDF', summary: 'Mô tả', publishedAt: new Date('2026-12-01T00:00:00Z') }]);
  });

  it('never expands a DOCTYPE entity (billion laughs): the reference stays as written, quickly', () => {
    const levels = ['<!ENTITY l0 "lol">'];
    for (let i = 1; i < 10; i++) levels.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${levels.join('')}]><rss><channel><title>x</title><item><title>&l9; bom</title><guid>1</guid></item></channel></rss>`;
    const started = performance.now();
    const f = parseFeed(bomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(f.items[0]!.title).toBe('&l9; bom');
  });

  it('refuses what is not a well-formed feed, in Vietnamese', () => {
    expect(() => parseFeed('<rss><channel><item><title>x</titl></item></channel></rss>')).toThrow(/Nguồn tin không phải XML hợp lệ \(dòng 1, cột \d+\)/);
    expect(() => parseFeed('<html><body>Not a feed</body></html>')).toThrow(FeedParseError);
    expect(() => parseFeed('<html><body>Not a feed</body></html>')).toThrow('Tài liệu không phải nguồn tin RSS hoặc Atom.');
    expect(() => parseFeed('   ')).toThrow('Nguồn tin trả về nội dung rỗng.');
    expect(() => parseFeed('<rss version="2.0"></rss>')).toThrow('thiếu phần <channel>');
  });

  it('decodes entities once and strips markup', () => {
    expect(decodeEntities('&amp;lt; &#7889; &#x1EA1; &nbsp;&unknown; &#0;')).toBe('&lt; ố ạ  &unknown; ');
    expect(htmlToText('<p>Một<br/>hai</p><style>p{}</style><!-- c -->ba')).toBe('Một hai ba');
  });
});

describe('watch keywords', () => {
  const kw = (...ks: string[]) => ks.map((k) => ({ keyword: k, folded: foldKeyword(k) }));
  it('fold: lower case, no diacritics, old and new tone placement alike', () => {
    expect(foldKeyword('  Thanh  Hóa ')).toBe('thanh hoa');
    expect(foldKeyword('Thanh Hoá')).toBe(foldKeyword('thanh hóa'));
    expect(foldKeyword('Đồn Biên Phòng')).toBe('don bien phong');
  });
  it('match diacritic-insensitive, whole-word-ish', () => {
    const ks = kw('lũ quét', 'cửa khẩu', 'lu', 'hóa chất');
    expect(matchingKeywords('CẢNH BÁO LŨ QUÉT, sạt lở tại Mường Tè', ks).map((k) => k.keyword)).toEqual(['lũ quét', 'lu']);
    expect(matchingKeywords('Hàng dài người xếp hàng tại cua khau Ma Lù Thàng', ks).map((k) => k.keyword)).toEqual(['cửa khẩu', 'lu']);
    expect(matchingKeywords('Lương thực và hoá chất', ks).map((k) => k.keyword)).toEqual(['hóa chất']);
    expect(matchingKeywords('lu-quet', ks).map((k) => k.keyword)).toEqual(['lũ quét', 'lu']);
    expect(matchingKeywords('luquet', ks)).toEqual([]);
  });
});
