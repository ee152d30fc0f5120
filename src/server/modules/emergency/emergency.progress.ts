import type { PublicUrl } from '../../platform/public-url.ts';
import type { AlertView } from '../../../shared/contracts/alerts.ts';
import type { BroadcastView } from '../../../shared/contracts/broadcasts.ts';
import type { Coverage } from '../../../shared/contracts/bulletins.ts';
import { BANNER_ANCHOR, EMERGENCY_CHANNELS } from '../../../shared/contracts/emergency.ts';
import type { ChannelStatus, EmergencyChannel, EmergencyView } from '../../../shared/contracts/emergency.ts';
import type { PublicationView } from '../../../shared/contracts/social.ts';
import type { Actor } from '../access/index.ts';
import type { EmergencyRow } from './emergency.repository.ts';

/** What the progress view reads from the channels' modules (each with its own access check). */
export interface ChannelReaders {
  getBroadcast(actor: Actor, id: string): Promise<BroadcastView>;
  coverage(actor: Actor, bulletinId: string): Promise<Coverage>;
  getAlert(actor: Actor, id: string): Promise<AlertView>;
  listPublications(actor: Actor, unitId: string, q: { sourceKind?: 'text' }): Promise<PublicationView[]>;
}

const blank = (channel: EmergencyChannel, state: ChannelStatus['state'], reason: string | null = null): ChannelStatus => ({
  channel,
  state,
  reason,
  counts: {},
  total: null,
  recordId: null,
  url: null,
  items: [],
});

/** SMS: delivered, failed (failed, expired, rejected), ambiguous, pending of the recipients. */
function smsStatus(b: BroadcastView): ChannelStatus {
  const s = b.progress.byState;
  const failed = s.failed + s.expired + s.rejected;
  const pending = s.queued + s.submitting + s.submitted;
  const total = b.progress.total;
  const telco = b.route === 'telco_request';
  const state = telco ? (b.status === 'done' ? 'done' : 'in_progress') : pending > 0 ? 'in_progress' : failed > 0 || s.ambiguous > 0 ? 'failed' : 'done';
  return {
    ...blank('sms', state, telco ? 'Không có tài khoản SMS: đã soạn công văn đề nghị nhà mạng gửi tin' : null),
    // The telco request has no deliveries of Loa's: its result is the telcos' reply, recorded on the broadcast.
    counts: telco ? {} : { delivered: s.delivered, failed, ambiguous: s.ambiguous, pending },
    total: telco ? null : total,
    recordId: b.id,
  };
}

/** Loudspeakers and LED boards: started (played or shown) of the targeted devices. */
function loudspeakerStatus(c: Coverage): ChannelStatus {
  const t = c.totals;
  return {
    ...blank('loudspeaker', t.started >= t.targeted ? 'done' : 'in_progress'),
    counts: { started: t.started, finished: t.finished, interrupted: t.interrupted },
    total: t.targeted,
    recordId: c.bulletinId,
    items: c.communes.map((x) => ({ label: x.unitName, state: `${x.started}/${x.targeted}`, url: null, error: null })),
  };
}

function socialStatus(publications: PublicationView[]): ChannelStatus {
  const n = (st: string) => publications.filter((p) => p.state === st).length;
  const pending = n('queued') + n('sending');
  const bad = n('failed') + n('ambiguous');
  return {
    ...blank('social', pending > 0 ? 'in_progress' : bad > 0 ? 'failed' : 'done'),
    counts: { published: n('published'), failed: n('failed'), ambiguous: n('ambiguous'), pending },
    total: publications.length,
    items: publications.map((p) => ({ label: `${p.platform === 'facebook' ? 'Facebook' : 'Zalo OA'}: ${p.accountName}`, state: p.state, url: p.permalink, error: p.errorMessage })),
  };
}

function capStatus(a: AlertView): ChannelStatus {
  return { ...blank('cap', a.state === 'published' ? 'done' : 'in_progress'), counts: {}, total: null, recordId: a.id, url: a.xmlUrl };
}

/** One channel's status; a read the actor may not make (or a record gone) is a failed channel with the reason. */
async function safely(channel: EmergencyChannel, read: () => Promise<ChannelStatus>): Promise<ChannelStatus> {
  try {
    return await read();
  } catch {
    return blank(channel, 'failed', 'Không đọc được tình trạng của kênh này');
  }
}

/** The per-channel progress of an emergency message, from the channels' own records. */
export async function progressOf(
  actor: Actor,
  e: EmergencyRow,
  o: { readers: ChannelReaders; publicUrl: PublicUrl; now: Date; unitName: string; areas: EmergencyView['areas'] },
): Promise<EmergencyView> {
  const { readers } = o;
  const chosen = new Set(e.channels);
  const channels = await Promise.all(
    EMERGENCY_CHANNELS.map(async (ch): Promise<ChannelStatus> => {
      if (!chosen.has(ch)) return blank(ch, 'not_selected');
      const why = e.notConfigured[ch];
      if (why) return blank(ch, 'not_configured', why);
      switch (ch) {
        case 'sms':
          return e.broadcastId ? safely(ch, async () => smsStatus(await readers.getBroadcast(actor, e.broadcastId!))) : blank(ch, 'failed');
        case 'loudspeaker':
          return e.bulletinId ? safely(ch, async () => loudspeakerStatus(await readers.coverage(actor, e.bulletinId!))) : blank(ch, 'failed');
        case 'cap':
          return e.alertId ? safely(ch, async () => capStatus(await readers.getAlert(actor, e.alertId!))) : blank(ch, 'failed');
        case 'social':
          return safely(ch, async () => {
            const ids = new Set(e.socialPublicationIds);
            return socialStatus((await readers.listPublications(actor, e.unitId, { sourceKind: 'text' })).filter((p) => ids.has(p.id)));
          });
        case 'banner': {
          const shown = e.bannerEndedAt === null && e.expires > o.now;
          return {
            ...blank(ch, 'done', shown ? null : 'Đã gỡ khỏi trang chủ'),
            counts: { shown: shown ? 1 : 0 },
            total: 1,
            url: `${o.publicUrl()}/#${BANNER_ANCHOR}`,
            items: [{ label: e.bannerHeadline ?? '', state: shown ? 'shown' : 'ended', url: e.bannerLink, error: null }],
          };
        }
      }
    }),
  );
  return {
    id: e.id,
    unitId: e.unitId,
    unitName: o.unitName,
    title: e.title,
    text: e.text,
    areas: o.areas,
    capStatus: e.capStatus,
    createdAt: e.createdAt.toISOString(),
    expires: e.expires.toISOString(),
    final: channels.every((c) => c.state !== 'in_progress'),
    channels,
  };
}
