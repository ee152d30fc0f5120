import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { ConvertBody, InboxItemView, InboxState, TagsBody } from '../../../shared/contracts/social.ts';
import { REPLY_WINDOW_HOURS, TAG_MAX } from '../../../shared/contracts/social.ts';
import { can, systemActor } from '../access/index.ts';
import type { Actor, Role } from '../access/index.ts';
import type { UnitRecord } from '../units/index.ts';
import { recordAudit } from '../audit/index.ts';
import * as accountsRepo from './accounts.repository.ts';
import * as repo from './inbox.repository.ts';
import type { InboxListRow, ReplyRow } from './inbox.repository.ts';
import { PLATFORM_NAMES, TOKEN_INVALID_MESSAGE, assertUsable, readableCredentials, unitFor } from './social.context.ts';
import type { SocialContext } from './social.context.ts';

/** What turning a message into a portal question needs from the publishing module (its own access checks apply). */
export interface QuestionRecorder {
  recordAnsweredQuestion(actor: Actor, input: { sectionId: string; name: string; question: string; answer: string }): Promise<{ id: string }>;
}

/** The sender as sealed in the row: the platform id (to reply) and the name the platform gave. */
export const SealedSender = z.object({ id: z.string(), name: z.string().nullable() });

/** The tag of a message handed to the misinformation desk as a report ("chuyển bàn xử lý tin sai sự thật"). */
export const DESK_TAG = 'tin sai sự thật';

/** The name a portal question carries: never the sender's. */
const QUESTION_ASKER: Record<'facebook' | 'zalo', string> = { facebook: 'Người dân (qua Facebook)', zalo: 'Người dân (qua Zalo)' };

/** The unit's social inbox: list, assign, tag, reply within the platform's window, close, turn into a portal question. */
export function createInboxService(ctx: SocialContext & { questions: QuestionRecorder }) {
  const { db, clock, box, providers } = ctx;

  /** The sealed sender, or null when it cannot be opened (sealed with another key). */
  function senderOf(r: InboxListRow): z.infer<typeof SealedSender> | null {
    try {
      return SealedSender.parse(JSON.parse(box.open(r.senderEnc)));
    } catch {
      return null;
    }
  }

  function present(actor: Actor, unitPath: string, r: InboxListRow, last: Date, replies: ReplyRow[], now: Date): InboxItemView {
    const mayKnow = can(actor, 'social.sender', { unitPath });
    const sender = mayKnow ? senderOf(r) : null;
    const hours = REPLY_WINDOW_HOURS[r.platform][r.kind];
    const until = new Date(last.getTime() + hours * 3600_000);
    const inbox = can(actor, 'social.inbox', { unitPath });
    return {
      id: r.id,
      unitId: r.unitId,
      accountId: r.accountId,
      accountName: r.accountName,
      platform: r.platform,
      kind: r.kind,
      text: r.text,
      postId: r.postId,
      receivedAt: r.receivedAt.toISOString(),
      state: r.state,
      assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
      tags: r.tags,
      questionId: r.questionId,
      sender: sender
        ? { label: sender.name ?? `Người gửi #${r.senderHash.slice(0, 6)}`, name: sender.name, platformId: sender.id }
        : { label: `Người gửi ẩn danh #${r.senderHash.slice(0, 6)}`, name: null, platformId: null },
      replyWindow: { hours, until: until.toISOString(), open: now < until },
      replies: replies.filter((x) => x.itemId === r.id).map((x) => ({ id: x.id, text: x.text, createdAt: x.createdAt.toISOString(), byName: x.byName })),
      capabilities: { reply: inbox && now < until && r.state !== 'closed', convert: inbox && r.questionId === null },
    };
  }

  async function presentAll(actor: Actor, unitPath: string, rows: InboxListRow[], tx: Db = db): Promise<InboxItemView[]> {
    // One after the other: `tx` may be a transaction's single connection (node-postgres refuses concurrent queries there).
    const last = await repo.lastReceived(tx, rows);
    const replies = await repo.listReplies(
      tx,
      rows.map((r) => r.id),
    );
    const now = clock.now();
    return rows.map((r) => present(actor, unitPath, r, last.get(`${r.accountId}:${r.senderHash}`) ?? r.receivedAt, replies, now));
  }

  /** The item and its unit, the actor holding social.inbox there (404 outside what they read). */
  async function load(actor: Actor, id: string, tx: Db = db, forUpdate = false) {
    const item = await repo.findInboxItem(tx, id, { forUpdate });
    if (!item) throw new AppError('NOT_FOUND');
    const { unit, a } = await unitFor(ctx, actor, item.unitId, 'social.inbox', tx);
    return { item, unit, a };
  }

  async function one(actor: Actor, unitPath: string, id: string, tx: Db): Promise<InboxItemView> {
    const row = (await repo.findInboxItem(tx, id))!;
    return (await presentAll(actor, unitPath, [row], tx))[0]!;
  }

  /** The audit entry of an inbox change: the message is named by id, never by its sender. */
  const audited = (tx: Db, a: Actor, unitId: string, id: string, e: { action: string; before: object; after: object }) =>
    recordAudit(tx, a, { ...e, entity: 'social_inbox_item', entityId: id, unitId });

  /** Who may take an item: an enabled account of the unit whose roles hold social.inbox there. */
  async function members(unitId: string, unitPath: string, tx: Db = db): Promise<{ id: string; name: string }[]> {
    const rows = await repo.unitMembers(tx, unitId);
    return rows
      .filter((u) => can({ userId: u.id, username: '', displayName: u.displayName, unitId, unitPath, roles: u.roles as Role[], ip: null }, 'social.inbox', { unitPath }))
      .map((u) => ({ id: u.id, name: u.displayName }));
  }

  /** Replies through the platform inside its window and records it; the caller has authorised `a` for the item. */
  async function sendReply(a: Actor, unit: UnitRecord, item: InboxListRow, text: string): Promise<InboxItemView> {
    const id = item.id;
    const account = await accountsRepo.findAccount(db, item.accountId);
    if (!account) throw new AppError('NOT_FOUND');
    assertUsable(account);
    const last = (await repo.lastReceived(db, [item])).get(`${item.accountId}:${item.senderHash}`) ?? item.receivedAt;
    const hours = REPLY_WINDOW_HOURS[item.platform][item.kind];
    if (clock.now().getTime() > last.getTime() + hours * 3600_000) throw new AppError('SOCIAL_WINDOW_CLOSED', { platform: PLATFORM_NAMES[item.platform], hours });
    const sender = senderOf(item);
    const credentials = readableCredentials(box, account);
    if (!credentials || !sender) throw new AppError('SOCIAL_TOKEN_INVALID', { name: account.displayName });
    const result = await providers[item.platform].reply(credentials, {
      recipientId: sender.id,
      ...(item.kind === 'comment' ? { commentId: item.eventId } : {}),
      text,
      reference: randomUUID(),
    });
    if (!result.ok) {
      if (result.error.kind === 'token_invalid') {
        await db.transaction(async (tx) => {
          await accountsRepo.setAccountStatus(tx, account.id, 'token_invalid', TOKEN_INVALID_MESSAGE);
          await recordAudit(tx, a, { action: 'social.token_invalid', entity: 'social_account', entityId: account.id, unitId: unit.id, after: { status: 'token_invalid' } });
        });
        throw new AppError('SOCIAL_TOKEN_INVALID', { name: account.displayName });
      }
      if (result.error.kind === 'not_allowed') throw new AppError('SOCIAL_WINDOW_CLOSED', { platform: PLATFORM_NAMES[item.platform], hours });
      throw new AppError('SOCIAL_REPLY_REFUSED', { platform: PLATFORM_NAMES[item.platform], message: result.error.message });
    }
    return db.transaction(async (tx) => {
      const now = clock.now();
      await repo.insertReply(tx, { itemId: id, text, platformId: result.id, createdBy: a.userId, at: now });
      const state: InboxState = item.state === 'closed' ? 'closed' : 'answered';
      await repo.updateInboxItem(tx, id, { state }, now);
      await audited(tx, a, unit.id, id, { action: 'social.inbox_reply', before: { state: item.state }, after: { state, reply: text } });
      return one(a, unit.path, id, tx);
    });
  }

  return {
    async listInbox(
      actor: Actor,
      unitId: string,
      q: { state?: InboxState | undefined; tag?: string | undefined; accountId?: string | undefined; limit: number },
    ): Promise<{ items: InboxItemView[]; tags: string[] }> {
      const { unit, a } = await unitFor(ctx, actor, unitId, 'social.inbox');
      const rows = await repo.listInbox(db, { unitId: unit.id, state: q.state, tag: q.tag?.toLowerCase(), accountId: q.accountId, limit: q.limit });
      return { items: await presentAll(a, unit.path, rows), tags: await repo.unitTags(db, unit.id) };
    },

    /**
     * What waits for the actor in its own unit's inbox ("Việc cần làm"): messages nobody has taken yet and those
     * assigned to the actor. Nothing (no error) for a role without the inbox.
     */
    async waitingFor(actor: Actor, limit: number): Promise<{ total: number; items: InboxItemView[] }> {
      if (!can(actor, 'social.inbox', { unitPath: actor.unitPath })) return { total: 0, items: [] };
      const rows = [
        ...(await repo.listInbox(db, { unitId: actor.unitId, state: 'new', limit: 200 })),
        ...(await repo.listInbox(db, { unitId: actor.unitId, state: 'assigned', limit: 200 })).filter((r) => r.assigneeId === actor.userId),
      ];
      return { total: rows.length, items: await presentAll(actor, actor.unitPath, rows.slice(0, limit)) };
    },

    async getInboxItem(actor: Actor, id: string): Promise<InboxItemView> {
      const { unit, a } = await load(actor, id);
      return one(a, unit.path, id, db);
    },

    async inboxMembers(actor: Actor, unitId: string): Promise<{ id: string; name: string }[]> {
      const { unit } = await unitFor(ctx, actor, unitId, 'social.inbox');
      return members(unit.id, unit.path);
    },

    /** Assigns to a member of the unit (new → assigned), or takes the assignment back (assigned → new). */
    async assignInboxItem(actor: Actor, id: string, assigneeId: string | null): Promise<InboxItemView> {
      return db.transaction(async (tx) => {
        const { item, unit, a } = await load(actor, id, tx, true);
        if (assigneeId && !(await members(unit.id, unit.path, tx)).some((m) => m.id === assigneeId)) throw new AppError('SOCIAL_BAD_ASSIGNEE');
        const state: InboxState = item.state === 'new' && assigneeId ? 'assigned' : item.state === 'assigned' && !assigneeId ? 'new' : item.state;
        await repo.updateInboxItem(tx, id, { assigneeId, state }, clock.now());
        await audited(tx, a, unit.id, id, { action: 'social.inbox_assign', before: { assigneeId: item.assigneeId, state: item.state }, after: { assigneeId, state } });
        return one(a, unit.path, id, tx);
      });
    },

    async tagInboxItem(actor: Actor, id: string, input: TagsBody): Promise<InboxItemView> {
      return db.transaction(async (tx) => {
        const { item, unit, a } = await load(actor, id, tx, true);
        const tags = [...new Set(input.tags)];
        await repo.updateInboxItem(tx, id, { tags }, clock.now());
        await audited(tx, a, unit.id, id, { action: 'social.inbox_tag', before: { tags: item.tags }, after: { tags } });
        return one(a, unit.path, id, tx);
      });
    },

    /** Closes an item, or opens it again (assigned when someone holds it, else new). */
    async setInboxState(actor: Actor, id: string, to: 'closed' | 'open'): Promise<InboxItemView> {
      return db.transaction(async (tx) => {
        const { item, unit, a } = await load(actor, id, tx, true);
        const state: InboxState = to === 'closed' ? 'closed' : item.assigneeId ? 'assigned' : 'new';
        await repo.updateInboxItem(tx, id, { state }, clock.now());
        await audited(tx, a, unit.id, id, { action: 'social.inbox_state', before: { state: item.state }, after: { state } });
        return one(a, unit.path, id, tx);
      });
    },

    /**
     * Replies through the platform, inside its window (Facebook 24 h after the person's last message, Zalo 48 h):
     * outside it the platform would refuse, so Loa refuses first, in Vietnamese. An expired token marks the page.
     */
    async replyToInboxItem(actor: Actor, id: string, text: string): Promise<InboxItemView> {
      const { item, unit, a } = await load(actor, id);
      return sendReply(a, unit, item, text);
    },

    /**
     * The misinformation desk's answer to the citizen behind a report it filed from this inbox, once the desk's leader
     * approved the conclusion (issue #15 point 4d): sent by the job `source` as the system, within the same window.
     */
    async replyFromDesk(source: `job:${string}`, id: string, text: string): Promise<void> {
      const item = await repo.findInboxItem(db, id);
      const unit = item ? await ctx.units.byId(item.unitId) : undefined;
      if (!item || !unit) throw new AppError('NOT_FOUND');
      await sendReply(systemActor(source), unit, item, text);
    },

    /**
     * What the misinformation desk needs to file a message as a report (issue #14's hand-off into #15): the text, a
     * link where the platform has one, and the sender (platform id and name, for the desk to seal as the informant —
     * never shown). The actor holds social.inbox in the item's unit; in `tx` the row is locked.
     */
    async itemForDesk(
      actor: Actor,
      id: string,
      opts: { tx?: Db } = {},
    ): Promise<{
      id: string;
      unitId: string;
      platform: 'facebook' | 'zalo';
      kind: 'message' | 'comment';
      text: string;
      permalink: string | null;
      receivedAt: Date;
      sender: z.infer<typeof SealedSender> | null;
    }> {
      const { item } = await load(actor, id, opts.tx ?? db, Boolean(opts.tx));
      // A Facebook comment's post has a public address; a private message (and Zalo) has none.
      const permalink = item.platform === 'facebook' && item.kind === 'comment' && item.postId ? `https://www.facebook.com/${encodeURIComponent(item.postId)}` : null;
      return { id: item.id, unitId: item.unitId, platform: item.platform, kind: item.kind, text: item.text, permalink, receivedAt: item.receivedAt, sender: senderOf(item) };
    },

    /** Marks a message handed to the desk: the tag DESK_TAG (audited; the tags stay within TAG_MAX). In the caller's `tx`. */
    async markHandedToDesk(actor: Actor, id: string, opts: { tx: Db }): Promise<void> {
      const { item, unit, a } = await load(actor, id, opts.tx, true);
      if (item.tags.includes(DESK_TAG)) return;
      const tags = [...item.tags.slice(0, TAG_MAX - 1), DESK_TAG];
      await repo.updateInboxItem(opts.tx, id, { tags }, clock.now());
      await audited(opts.tx, a, unit.id, id, { action: 'social.inbox_tag', before: { tags: item.tags }, after: { tags } });
    },

    /**
     * "Chuyển thành câu hỏi": a published FAQ on the portal, through the publishing module (the actor must answer
     * questions in the section). The question is what the operator wrote from the message; the asker is
     * "Người dân (qua Facebook)", never the sender.
     */
    async convertToQuestion(actor: Actor, id: string, input: ConvertBody): Promise<InboxItemView> {
      const { item, a } = await load(actor, id);
      if (item.questionId) throw new AppError('SOCIAL_ALREADY_CONVERTED');
      const q = await ctx.questions.recordAnsweredQuestion(a, { sectionId: input.sectionId, name: QUESTION_ASKER[item.platform], question: input.question, answer: input.answer });
      return db.transaction(async (tx) => {
        const { item: locked, unit } = await load(actor, id, tx, true);
        await repo.updateInboxItem(tx, id, { questionId: q.id }, clock.now());
        await audited(tx, a, unit.id, id, { action: 'social.inbox_convert', before: { questionId: locked.questionId }, after: { questionId: q.id, sectionId: input.sectionId } });
        return one(a, unit.path, id, tx);
      });
    },
  };
}
export type InboxService = ReturnType<typeof createInboxService>;
