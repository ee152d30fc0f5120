import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import { BANNER_ANCHOR, DEFAULT_ACTIVE_HOURS } from '../../../shared/contracts/emergency.ts';
import type { Choices, EmergencyChannel, EmergencyView, LaunchInput, Reach } from '../../../shared/contracts/emergency.ts';
import { authorize, can, hasGlobalScope, isWithin } from '../access/index.ts';
import type { Actor } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Services } from '../module.ts';
import type { UnitLookup, UnitRecord } from '../units/index.ts';
import './emergency.errors.ts';
import { progressOf } from './emergency.progress.ts';
import type { ChannelReaders } from './emergency.progress.ts';
import * as repo from './emergency.repository.ts';
import type { EmergencyRow } from './emergency.repository.ts';

/** The channels' services the launch composes into its one transaction (each with a `{ tx }` option). */
export interface EmergencyChannels {
  broadcasts: Pick<Services['broadcasts'], 'createBroadcast' | 'emergencyApproveBroadcast' | 'getBroadcast' | 'routes'>;
  bulletins: Pick<Services['bulletins'], 'createBulletin' | 'emergencyPublishBulletin'>;
  bulletinReads: Pick<Services['bulletinReads'], 'coverage'>;
  alerts: Pick<Services['alerts'], 'createAlert' | 'publishAlert' | 'getAlert' | 'areaChoices'>;
  socialAccounts: Pick<Services['socialAccounts'], 'listAccounts'>;
  socialPublishing: Pick<Services['socialPublishing'], 'publish' | 'listPublications'>;
  subscribers: Pick<Services['subscribers'], 'recipientsFor'>;
  devices: Pick<Services['devices'], 'listDevices'>;
}

export interface EmergencyDeps {
  db: Db;
  clock: Clock;
  units: UnitLookup;
  publicUrl: PublicUrl;
  channels: EmergencyChannels;
}

const NO_PAGES = 'Đơn vị chưa kết nối trang Facebook hoặc Zalo OA nào (Trang mạng xã hội → Kết nối trang).';
const NO_SMS_ACCOUNT = 'Chưa có tài khoản SMS: tin nhắn sẽ thành công văn đề nghị nhà mạng gửi.';
/** The LED text's page: about 12 characters a second, at least 10 s. */
const ledPage = (text: string) => ({ text, scroll: 'left' as const, seconds: Math.min(3600, Math.max(10, Math.ceil(text.length / 12))) });

/** One emergency message, every channel (issue #14.6): compose once, launch in one transaction, follow per channel. */
export function createEmergencyService(deps: EmergencyDeps) {
  const { db, clock, units, publicUrl, channels: ch } = deps;
  const bannerListeners: (() => void)[] = [];
  const readers: ChannelReaders = {
    getBroadcast: (a, id) => ch.broadcasts.getBroadcast(a, id),
    coverage: (a, id) => ch.bulletinReads.coverage(a, id),
    getAlert: (a, id) => ch.alerts.getAlert(a, id),
    listPublications: (a, unitId, q) => ch.socialPublishing.listPublications(a, unitId, q),
  };

  async function areaOf(unit: UnitRecord, tx: Db = db): Promise<string> {
    return (await units.areaPathOf(unit.id, { tx })) ?? unit.path;
  }

  /** The issuing unit, the actor checked for `permission` there (outside its read scope: 404). */
  async function unitFor(actor: Actor, unitId: string, permission: 'broadcast.approve' | 'broadcast.draft') {
    const unit = await units.byId(unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    return { unit, a: authorize(actor, permission, { unitPath: unit.path }, 'broadcast.read') };
  }

  /** Every area is a unit within the area the issuer acts for (each channel checks what it can address itself). */
  async function checkAreas(unit: UnitRecord, ids: readonly string[]): Promise<{ id: string; name: string; code: string | null }[]> {
    const area = await areaOf(unit);
    const found = await units.byIds(ids);
    if (found.length !== ids.length || found.some((u) => !isWithin(u.path, area))) throw new AppError('EMERGENCY_BAD_AREA');
    const byId = new Map(found.map((u) => [u.id, u]));
    return ids.map((id) => ({ id, name: byId.get(id)!.name, code: byId.get(id)!.code ?? null }));
  }

  async function connectedPages(a: Actor, unit: UnitRecord) {
    if (!can(a, 'social.read', { unitPath: unit.path })) return [];
    return (await ch.socialAccounts.listAccounts(a, unit.id)).items.filter((p) => p.status === 'connected');
  }

  async function view(actor: Actor, e: EmergencyRow): Promise<EmergencyView> {
    const unit = await units.byId(e.unitId);
    const areas = await units.byIds(e.areaUnitIds);
    const byId = new Map(areas.map((u) => [u.id, u]));
    return progressOf(actor, e, {
      readers,
      publicUrl,
      now: clock.now(),
      unitName: unit?.name ?? '',
      areas: e.areaUnitIds.flatMap((id) => (byId.get(id) ? [{ id, name: byId.get(id)!.name, code: byId.get(id)!.code ?? null }] : [])),
    });
  }

  async function load(actor: Actor, id: string, permission: 'broadcast.read' | 'broadcast.approve') {
    const e = await repo.findEmergency(db, id);
    if (!e) throw new AppError('NOT_FOUND');
    const unit = await units.byId(e.unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    return { e, unit, a: authorize(actor, permission, { unitPath: unit.path }, 'broadcast.read') };
  }

  return {
    /** The composer: the actor's unit, the communes of its area, whether it may launch. */
    async choices(actor: Actor): Promise<Choices> {
      const { unit } = await unitFor(actor, actor.unitId, 'broadcast.draft');
      const communes = await ch.alerts.areaChoices(actor, unit.id);
      return { unitId: unit.id, unitName: unit.name, communes, capabilities: { launch: can(actor, 'broadcast.approve', { unitPath: unit.path }) } };
    },

    /** What each channel would reach: subscribers, loudspeakers and LED boards of the communes, the unit's pages. */
    async reach(actor: Actor, unitId: string, areaUnitIds: string[]): Promise<Reach> {
      const { unit, a } = await unitFor(actor, unitId, 'broadcast.draft');
      const ids = [...new Set(areaUnitIds)];
      await checkAreas(unit, ids);
      const subscribers = ids.length ? (await ch.subscribers.recipientsFor({ unitIds: ids, listIds: [] }, { priority: 'khan_cap' })).length : 0;
      let loudspeakers = 0;
      let ledBoards = 0;
      for (const id of ids) {
        for (const d of (await ch.devices.listDevices(a, id, { subtree: false })).items) {
          if (d.status !== 'active') continue;
          if (d.kind === 'led_board') ledBoards++;
          else loudspeakers++;
        }
      }
      const pages = await connectedPages(a, unit);
      const unavailable: Reach['unavailable'] = {};
      if (!ch.broadcasts.routes().smsAccount) unavailable.sms = NO_SMS_ACCOUNT;
      if (pages.length === 0) unavailable.social = NO_PAGES;
      return { subscribers, loudspeakers, ledBoards, pages: pages.map((p) => ({ id: p.id, platform: p.platform, name: p.displayName })), unavailable };
    },

    /**
     * The launch, in ONE transaction: the khẩn cấp broadcast approved by the emergency path (deliveries and send
     * jobs), the khẩn cấp bulletin published (targets, the dispatch job), the social publications queued (their send
     * jobs), the CAP alert published (after the XSD and the rules), the portal banner and this message, audited. A failure anywhere leaves
     * nothing. After commit the bulletin's commands go out at once and the portal forgets its cached home page.
     */
    async launch(actor: Actor, body: LaunchInput, idempotencyKey?: string): Promise<EmergencyView> {
      const { unit, a } = await unitFor(actor, body.unitId, 'broadcast.approve');
      const { idempotencyKey: _inBody, ...request } = body;
      const hash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
      if (idempotencyKey) {
        const seen = await repo.findByKey(db, unit.id, idempotencyKey);
        if (seen && seen.requestHash !== hash) throw new AppError('EMERGENCY_IDEMPOTENCY_MISMATCH');
        if (seen) return view(a, seen);
      }
      const chosen = new Set<EmergencyChannel>(body.channels);
      if (chosen.has('banner')) authorize(a, 'post.publish', { unitPath: unit.path });
      const areas = body.areaUnitIds;
      await checkAreas(unit, areas);
      const notConfigured: Partial<Record<EmergencyChannel, string>> = {};
      const pages = chosen.has('social') ? await connectedPages(a, unit) : [];
      if (chosen.has('social') && pages.length === 0) notConfigured.social = NO_PAGES;
      const now = clock.now();
      const expires = body.expires ? new Date(body.expires) : new Date(now.getTime() + DEFAULT_ACTIVE_HOURS * 3600_000);
      const r = body.renditions;
      const portalLink = `${publicUrl()}/#${BANNER_ANCHOR}`;
      const afterCommit: (() => void)[] = [];
      const id = randomUUID();

      const row = await db.transaction(async (tx) => {
        let broadcastId: string | null = null;
        let bulletinId: string | null = null;
        let alertId: string | null = null;
        let capUrl: string | null = null;
        let publicationIds: string[] = [];
        if (chosen.has('sms')) {
          const b = await ch.broadcasts.createBroadcast(
            a,
            { unitId: unit.id, title: body.title, priority: 'khan_cap', smsText: r.sms.text, unaccented: r.sms.unaccented, audience: { unitIds: areas, listIds: [] } },
            { tx },
          );
          broadcastId = (await ch.broadcasts.emergencyApproveBroadcast(a, b.id, { tx })).id;
        }
        if (chosen.has('loudspeaker')) {
          const bl = await ch.bulletins.createBulletin(
            a,
            {
              unitId: unit.id,
              title: body.title,
              priority: 'khan_cap',
              source: 'tts',
              text: r.radio.text,
              ledPages: [ledPage(r.led.text)],
              repeat: 2,
              targetUnitIds: areas,
              validUntil: expires.toISOString(),
            },
            { tx },
          );
          bulletinId = (await ch.bulletins.emergencyPublishBulletin(a, bl.id, undefined, { tx, afterCommit: (w) => afterCommit.push(w) })).id;
        }
        if (chosen.has('social') && pages.length) {
          const out = await ch.socialPublishing.publish(
            a,
            unit.id,
            { source: { kind: 'text', title: body.title, text: r.social.text, link: portalLink }, accountIds: pages.map((p) => p.id) },
            undefined,
            { tx },
          );
          publicationIds = out.publications.map((p) => p.id);
        }
        if (chosen.has('cap')) {
          const draft = await ch.alerts.createAlert(
            a,
            {
              unitId: unit.id,
              status: body.capStatus,
              scope: 'Public',
              categories: ['Safety'],
              event: body.title,
              urgency: 'Immediate',
              severity: 'Severe',
              certainty: 'Observed',
              vi: { ...r.cap.vi, contact: unit.name, event: null },
              en: r.cap.en ? { ...r.cap.en, contact: '', event: null } : null,
              effective: null,
              onset: null,
              expires: expires.toISOString(),
              areaUnitIds: areas,
              note: null,
            },
            { tx },
          );
          const published = await ch.alerts.publishAlert(a, draft.id, undefined, { tx });
          alertId = published.id;
          capUrl = published.xmlUrl;
        }
        const banner = chosen.has('banner');
        const inserted = await repo.insertEmergency(tx, {
          id,
          unitId: unit.id,
          title: body.title,
          text: body.text,
          areaUnitIds: areas,
          channels: [...chosen],
          renditions: r,
          capStatus: body.capStatus,
          expires,
          broadcastId,
          bulletinId,
          alertId,
          socialPublicationIds: publicationIds,
          notConfigured,
          bannerHeadline: banner ? r.banner.headline : null,
          bannerLink: banner ? (r.banner.link ?? capUrl) : null,
          idempotencyKey: idempotencyKey ?? null,
          requestHash: hash,
          createdBy: a.userId,
          createdAt: now,
        });
        await recordAudit(tx, a, {
          action: 'emergency.launch',
          entity: 'emergency_message',
          entityId: id,
          unitId: unit.id,
          after: {
            title: body.title,
            channels: [...chosen],
            areas: areas.length,
            capStatus: body.capStatus,
            broadcastId,
            bulletinId,
            alertId,
            socialPublications: publicationIds.length,
            banner,
            notConfigured,
            expires: expires.toISOString(),
          },
        });
        return inserted;
      });
      for (const w of afterCommit) w();
      if (row.bannerHeadline) for (const l of bannerListeners) l();
      return view(a, row);
    },

    async getEmergency(actor: Actor, id: string): Promise<EmergencyView> {
      const { e } = await load(actor, id, 'broadcast.read');
      return view(actor, e);
    },

    /** The latest messages of the units the actor reads (its unit's area for an office acting for one). */
    async listEmergencies(actor: Actor) {
      const own = await units.byId(actor.unitId);
      const rows = hasGlobalScope(actor)
        ? await repo.listForUnits(db, null, 50)
        : own && can(actor, 'broadcast.read', { unitPath: own.path })
          ? await repo.listForUnits(db, [own.id], 50)
          : [];
      const names = new Map((await units.byIds([...new Set(rows.map((r) => r.unitId))])).map((u) => [u.id, u.name]));
      return rows.map((r) => ({ id: r.id, title: r.title, unitName: names.get(r.unitId) ?? '', createdAt: r.createdAt.toISOString(), channels: r.channels }));
    },

    /** Takes the notice off the portal home before it expires (audited). */
    async endBanner(actor: Actor, id: string): Promise<EmergencyView> {
      const { e, unit, a } = await load(actor, id, 'broadcast.approve');
      authorize(a, 'post.publish', { unitPath: unit.path });
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await repo.endBanner(tx, e.id, now))) throw new AppError('EMERGENCY_BANNER_ENDED');
        await recordAudit(tx, a, {
          action: 'emergency.banner_end',
          entity: 'emergency_message',
          entityId: e.id,
          unitId: e.unitId,
          before: { banner: e.bannerHeadline },
          after: { endedAt: now.toISOString() },
        });
      });
      for (const l of bannerListeners) l();
      return view(a, (await repo.findEmergency(db, e.id))!);
    },

    /** The notices the portal home shows now (public). */
    async activeBanners(): Promise<{ headline: string; link: string | null; text: string; at: string }[]> {
      return (await repo.activeBanners(db, clock.now())).map((r) => ({ headline: r.bannerHeadline!, link: r.bannerLink, text: r.text, at: r.createdAt.toISOString() }));
    },

    /** Called when a banner appears or ends (the portal clears its page cache). */
    onBannerChange(listener: () => void): void {
      bannerListeners.push(listener);
    },
  };
}
export type EmergencyService = ReturnType<typeof createEmergencyService>;
