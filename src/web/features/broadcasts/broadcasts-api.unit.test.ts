import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, configureApi } from '../../api.ts';
import { broadcastStep, getBroadcast, listSubscriberLists } from './broadcasts-api.ts';

const ID = '0b8f3c9e-1f2a-4c5d-8e7f-123456789abc';
const UNIT = '1b8f3c9e-1f2a-4c5d-8e7f-123456789abc';
const byState = { queued: 0, submitting: 0, submitted: 0, delivered: 0, failed: 0, expired: 0, rejected: 0, ambiguous: 0 };
const VIEW = {
  id: ID,
  unitId: UNIT,
  unitName: 'Thị trấn Tam Đường',
  title: 'Cắt điện',
  priority: 'khan_cap',
  status: 'sending',
  smsText: 'Cắt điện',
  unaccented: true,
  senderName: null,
  textToSend: 'Cat dien',
  segments: { encoding: 'gsm7', parts: 1, characters: 8 },
  audience: { unitIds: [UNIT], listIds: [] },
  recipients: 2,
  scheduleAt: null,
  directiveId: null,
  createdAt: '2021-02-03T03:00:00.000Z',
  createdBy: 'Soạn thảo',
  approvedAt: '2021-02-03T03:01:00.000Z',
  approvedBy: 'Duyệt',
  emergency: true,
  cancelledAt: null,
  windowStart: null,
  windowEnd: null,
  supersedesId: null,
  supersededById: null,
  progress: { total: 2, byState: { ...byState, queued: 2 }, byTelco: { viettel: { ...byState, queued: 2 } } },
  route: 'smpp',
  smsAccount: true,
  telcoRequest: null,
  telcoResults: [],
  telcoTotal: 0,
  capabilities: { edit: false, submit: false, approve: false, emergencyApprove: false, cancel: true, supersede: false, recordTelcoResult: false, finish: false },
};

function serve(status: number, body: unknown, calls: { url: string; method: string }[] = []) {
  configureApi({
    fetchImpl: (async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET' });
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch,
  });
  return calls;
}

afterEach(() => configureApi({ fetchImpl: null }));

describe('broadcasts API client', () => {
  it('reads one broadcast from the { broadcast } envelope, checked against the contract', async () => {
    serve(200, { broadcast: VIEW });
    expect((await getBroadcast(ID)).progress.byTelco.viettel?.queued).toBe(2);
    serve(200, { broadcast: { ...VIEW, status: 'flying' } });
    await expect(getBroadcast(ID)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('posts each workflow step to its path', async () => {
    const calls: { url: string; method: string }[] = [];
    for (const step of ['submit', 'approve', 'emergencyApprove', 'cancel'] as const) {
      serve(200, { broadcast: VIEW }, calls);
      await broadcastStep(ID, step);
    }
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['submit', 'approve', 'emergency-approve', 'cancel'].map((p) => `POST /api/broadcasts/${ID}/${p}`));
  });

  it('offers no subscriber lists when the server has no such API or refuses them, and passes other errors on', async () => {
    serve(404, { error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } });
    expect(await listSubscriberLists(UNIT)).toBeNull();
    serve(403, { error: { code: 'FORBIDDEN', message: 'Không có quyền' } });
    expect(await listSubscriberLists(UNIT)).toBeNull();
    serve(500, { error: { code: 'INTERNAL', message: 'Lỗi' } });
    await expect(listSubscriberLists(UNIT)).rejects.toBeInstanceOf(ApiError);
    const calls = serve(200, { items: [], capabilities: { write: false, readPhones: false } });
    expect(await listSubscriberLists(UNIT)).toEqual([]);
    expect(calls[0]?.url).toBe(`/api/units/${UNIT}/subscriber-lists?subtree=1`);
  });
});
