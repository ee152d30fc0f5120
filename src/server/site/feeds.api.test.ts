import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, describeApi } from '../../../test/support/harness.ts';
import type { TestContext } from '../../../test/support/harness.ts';
import { buildPortal, publishPost } from '../../../test/builders/publishing.ts';
import { rss } from './feeds.ts';

/** An XML element as a feed reader sees it after parsing. */
interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string, named: Record<string, string>): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    const v = named[ref];
    if (v === undefined) throw new Error(`unknown entity ${whole}`);
    return v;
  });
}

/**
 * A tiny, strict XML parser (elements, attributes, text, CDATA, the five entities and character
 * references): enough to read a feed the way a reader does, and it throws on a mismatched tag.
 */
function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack: XmlNode[] = [root];
  const token = /<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|</g;
  for (const m of xml.matchAll(token)) {
    const top = stack.at(-1);
    if (!top) throw new Error('unbalanced document');
    const [whole, cdata, close, open, , selfClose, text] = m;
    if (whole.startsWith('<?')) continue;
    if (cdata !== undefined) top.text += cdata;
    else if (close !== undefined) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`);
      stack.pop();
    } else if (open !== undefined) {
      const node: XmlNode = { name: open, children: [], text: '' };
      top.children.push(node);
      if (!selfClose) stack.push(node);
    } else if (text !== undefined) top.text += decodeEntities(text, XML_ENTITIES);
    else throw new Error(`stray "<" at ${m.index}`);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  return root;
}

const find = (n: XmlNode, name: string): XmlNode[] => n.children.flatMap((c) => [...(c.name === name ? [c] : []), ...find(c, name)]);

/** What a reader that renders the description as HTML shows: tags become markup (dropped from the text), entities decode. */
function renderedText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''), { ...XML_ENTITIES, nbsp: '\u00a0' });
}

const HOSTILE = 'Cảnh báo <b>x</b> & <script>alert("xss")</script> ]]> hết';

describe('RSS descriptions', () => {
  it('reach an HTML-rendering reader as literal text, markup and CDATA terminators included', () => {
    const xml = rss({
      title: 'Cổng <thông tin>',
      link: 'http://loa.test/',
      self: 'http://loa.test/rss.xml',
      description: 'Kênh <i>tin</i>',
      items: [{ title: 'A & B', link: 'http://loa.test/bai-viet/a', guid: 'a', date: new Date('2021-02-03T03:00:00Z'), description: HOSTILE }],
    });
    const doc = parseXml(xml);
    const [item] = find(doc, 'item');
    if (!item) throw new Error('no item');
    const [description] = find(item, 'description');
    // After the XML parse the reader holds HTML with no element in it …
    expect(description?.text).not.toMatch(/<[a-z/!]/i);
    // … and after rendering that HTML the reader shows exactly the summary.
    expect(renderedText(description?.text ?? '')).toBe(HOSTILE);
    expect(renderedText(find(doc, 'channel')[0]?.children.find((c) => c.name === 'description')?.text ?? '')).toBe('Kênh <i>tin</i>');
    expect(find(item, 'title')[0]?.text).toBe('A & B');
  });
});

describeApi('portal feeds', (kind) => {
  let t: TestContext;
  let p: Awaited<ReturnType<typeof buildPortal>>;
  beforeAll(async () => {
    t = await createTestContext(kind, { now: new Date('2021-02-03T03:00:00Z') });
    p = await buildPortal(t.c);
  });
  afterAll(() => t.close());

  it('serve a post summary with markup as text on /rss.xml and the section feed', async () => {
    await publishPost(t.app, p.editor.session.headers, { sectionId: p.news.id, title: 'Tin có thẻ', summary: 'Xem <b>x</b> <script>alert(1)</script>', body: '<p>Nội dung.</p>' });
    for (const url of ['/rss.xml', '/chuyen-muc/tin-tuc/rss.xml']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      const items = find(parseXml(res.body), 'item').filter((i) => find(i, 'title')[0]?.text === 'Tin có thẻ');
      expect(items).toHaveLength(1);
      const shown = renderedText(find(items[0] as XmlNode, 'description')[0]?.text ?? '');
      expect(shown).toBe('Xem <b>x</b> <script>alert(1)</script>');
    }
  });
});
