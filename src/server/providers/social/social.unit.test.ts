// The adapters' pure parts: signatures, the Facebook handshake, webhook parsing (echoes and non-text events left out),
// error classification, and the in-memory fake.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appSecretProof, classifyGraphError, facebookSignature, facebookWebhookHandshake, graphRetryAfterMs, parseFacebookWebhook } from './facebook.ts';
import { createFakeSocialProvider, socialError } from './fake.ts';
import { classifyZaloError, parseZaloWebhook, zaloSignature } from './zalo.ts';

const buf = (o: unknown) => Buffer.from(JSON.stringify(o));

describe('signatures', () => {
  it('appsecret_proof and X-Hub-Signature-256 are HMAC-SHA256 with the App Secret', () => {
    expect(appSecretProof('token', 'secret')).toBe(createHmac('sha256', 'secret').update('token').digest('hex'));
    expect(facebookSignature('secret', '{"a":1}')).toBe(`sha256=${createHmac('sha256', 'secret').update('{"a":1}').digest('hex')}`);
  });

  it('the Zalo MAC is sha256(appId + body + timestamp + OA secret key)', () => {
    const body = '{"timestamp":"1700000000000"}';
    expect(zaloSignature('app', body, '1700000000000', 'key')).toBe(`mac=${createHash('sha256').update(`app${body}1700000000000key`).digest('hex')}`);
  });
});

describe('Facebook webhook handshake', () => {
  it('echoes the challenge for subscribe with the right verify token only', () => {
    const q = { 'hub.mode': 'subscribe', 'hub.verify_token': 'loa-verify', 'hub.challenge': '1158201444' };
    expect(facebookWebhookHandshake(q, 'loa-verify')).toEqual({ ok: true, challenge: '1158201444' });
    expect(facebookWebhookHandshake(q, 'other')).toEqual({ ok: false });
    expect(facebookWebhookHandshake({ ...q, 'hub.mode': 'unsubscribe' }, 'loa-verify')).toEqual({ ok: false });
    expect(facebookWebhookHandshake({ ...q, 'hub.challenge': '<script>' }, 'loa-verify')).toEqual({ ok: false });
    expect(facebookWebhookHandshake(q, '')).toEqual({ ok: false });
  });
});

describe('Facebook webhook parsing', () => {
  const entry = (extra: object) => buf({ object: 'page', entry: [{ id: 'P1', time: 1, ...extra }] });

  it('keeps text messages and new comments; leaves out echoes, attachments, edits and the page itself', () => {
    const events = parseFacebookWebhook(
      entry({
        messaging: [
          { sender: { id: 'U1' }, recipient: { id: 'P1' }, timestamp: 1_700_000_000_000, message: { mid: 'm.1', text: 'Xin chào' } },
          { sender: { id: 'P1' }, recipient: { id: 'U1' }, timestamp: 1, message: { mid: 'm.2', text: 'echo', is_echo: true } },
          { sender: { id: 'U1' }, recipient: { id: 'P1' }, timestamp: 1, message: { mid: 'm.3', attachments: [{ type: 'image' }] } },
          { sender: { id: 'U1' }, recipient: { id: 'P1' }, timestamp: 1, delivery: { mids: ['m.1'] } },
        ],
        changes: [
          {
            field: 'feed',
            value: { item: 'comment', verb: 'add', comment_id: 'C1', post_id: 'P1_9', from: { id: 'U2', name: 'Lê Thị C' }, message: 'Bao giờ?', created_time: 1_700_000_000 },
          },
          { field: 'feed', value: { item: 'comment', verb: 'edited', comment_id: 'C2', post_id: 'P1_9', from: { id: 'U2' }, message: 'sửa', created_time: 1 } },
          { field: 'feed', value: { item: 'comment', verb: 'add', comment_id: 'C3', post_id: 'P1_9', from: { id: 'P1' }, message: 'trang trả lời', created_time: 1 } },
          { field: 'feed', value: { item: 'reaction', verb: 'add', post_id: 'P1_9', from: { id: 'U2' } } },
        ],
      }),
    );
    expect(events).toEqual([
      { platform: 'facebook', pageId: 'P1', kind: 'message', eventId: 'm.1', senderId: 'U1', senderName: null, text: 'Xin chào', postId: null, at: new Date(1_700_000_000_000) },
      {
        platform: 'facebook',
        pageId: 'P1',
        kind: 'comment',
        eventId: 'C1',
        senderId: 'U2',
        senderName: 'Lê Thị C',
        text: 'Bao giờ?',
        postId: 'P1_9',
        at: new Date(1_700_000_000_000),
      },
    ]);
  });

  it('returns nothing for other objects and for garbage', () => {
    expect(parseFacebookWebhook(buf({ object: 'instagram', entry: [] }))).toEqual([]);
    expect(parseFacebookWebhook(Buffer.from('not json'))).toEqual([]);
    expect(parseFacebookWebhook(buf({ object: 'page', entry: [null, 3, { id: 'P', messaging: 'x' }] }))).toEqual([]);
  });
});

describe('Zalo webhook parsing', () => {
  const base = { app_id: 'A', event_name: 'user_send_text', timestamp: '1700000000000', sender: { id: 'U' }, recipient: { id: 'OA' }, message: { msg_id: 'M', text: 'Hỏi' } };
  it('keeps user_send_text, leaves out other events', () => {
    expect(parseZaloWebhook(buf(base))).toEqual([
      { platform: 'zalo', pageId: 'OA', kind: 'message', eventId: 'M', senderId: 'U', senderName: null, text: 'Hỏi', postId: null, at: new Date(1_700_000_000_000) },
    ]);
    expect(parseZaloWebhook(buf({ ...base, event_name: 'oa_send_text' }))).toEqual([]);
    expect(parseZaloWebhook(buf({ ...base, event_name: 'follow' }))).toEqual([]);
    expect(parseZaloWebhook(buf({ ...base, message: { msg_id: 'M', text: '  ' } }))).toEqual([]);
    expect(parseZaloWebhook(Buffer.from('{'))).toEqual([]);
  });
});

describe('error classification', () => {
  const g = (code: number, sub?: number, status = 400, headers = {}) => classifyGraphError(status, headers, { error: { code, error_subcode: sub, message: 'm', fbtrace_id: 'T' } });
  it('maps Graph codes', () => {
    expect(g(190, 463).kind).toBe('token_invalid');
    for (const c of [4, 17, 32, 613, 80001]) expect(g(c).kind).toBe('rate_limited');
    expect(g(10, 2018278).kind).toBe('not_allowed');
    expect(g(551).kind).toBe('not_allowed');
    expect(g(200).kind).toBe('not_allowed');
    expect(g(100).kind).toBe('invalid');
    expect(g(2, undefined, 500).kind).toBe('temporary');
    expect(classifyGraphError(503, {}, null).kind).toBe('temporary');
    expect(g(190, 463).message).toContain('fbtrace_id T');
  });

  it('reads the retry delay from X-Business-Use-Case-Usage or X-App-Usage', () => {
    expect(graphRetryAfterMs({ 'x-business-use-case-usage': JSON.stringify({ P: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 12 }] }) })).toBe(12 * 60_000);
    expect(graphRetryAfterMs({ 'x-app-usage': JSON.stringify({ call_count: 100, estimated_time_to_regain_access: 3 }) })).toBe(3 * 60_000);
    expect(graphRetryAfterMs({ 'x-app-usage': 'garbage' })).toBeNull();
    expect(g(4, undefined, 400).retryAfterMs).toBeGreaterThan(0);
  });

  it('maps Zalo codes', () => {
    expect(classifyZaloError(200, { error: -216 }).kind).toBe('token_invalid');
    expect(classifyZaloError(200, { error: -124 }).kind).toBe('token_invalid');
    expect(classifyZaloError(200, { error: -32 }).kind).toBe('rate_limited');
    expect(classifyZaloError(200, { error: -213 }).kind).toBe('not_allowed');
    expect(classifyZaloError(200, { error: -201 }).kind).toBe('invalid');
    expect(classifyZaloError(502, null).kind).toBe('temporary');
  });
});

describe('in-memory fake provider', () => {
  it('records, follows its script, and signs webhooks the real adapter accepts', async () => {
    const fake = createFakeSocialProvider('zalo');
    const account = { platform: 'zalo' as const, pageId: 'OA', accessToken: 't', appSecret: 's', appId: 'A' };
    fake.failNext(socialError('rate_limited'));
    const first = await fake.publish(account, { title: 'T', text: 'x', reference: 'r' });
    expect(first).toMatchObject({ ok: false, error: { kind: 'rate_limited', retryAfterMs: 60_000 } });
    expect((await fake.publish(account, { title: 'T', text: 'x', reference: 'r' })).ok).toBe(true);
    expect(fake.published).toHaveLength(2);
    const raw = JSON.stringify({ event_name: 'user_send_text', timestamp: '5', sender: { id: 'U' }, recipient: { id: 'OA' }, message: { msg_id: 'M', text: 'Hi' } });
    expect(fake.verifyWebhook(account, { headers: fake.signWebhook(account, raw), rawBody: Buffer.from(raw) })).toBe(true);
    expect(fake.verifyWebhook({ ...account, appSecret: 'x' }, { headers: fake.signWebhook(account, raw), rawBody: Buffer.from(raw) })).toBe(false);
    expect(fake.parseWebhook(Buffer.from(raw))).toHaveLength(1);
  });
});
