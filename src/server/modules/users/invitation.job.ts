import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { defineJob, exponentialBackoff } from '../../jobs/queue.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Mailer } from '../../providers/mailer/port.ts';
import { newToken } from './tokens.ts';
import { findUserById, insertInvitation } from './users.repository.ts';

/** Creates and stores a one-time invitation token (its hash); the link carries the token. */
async function issueInvitation(db: Db, userId: string, now: Date, ttlHours = 72): Promise<string> {
  const { token, hash } = newToken();
  await insertInvitation(db, { tokenHash: hash, userId, expiresAt: new Date(now.getTime() + ttlHours * 3_600_000) });
  return token;
}

const payload = z.object({ userId: z.uuid() });

/** The job's identity (name, payload, retry policy); its handler is bound at boot with its deps. */
export const sendInvitationJob = defineJob({
  name: 'users.send-invitation',
  payload,
  maxAttempts: 5,
  backoffMs: exponentialBackoff,
  handle: () => Promise.reject(new Error('users.send-invitation: handler not bound')),
});

export function bindInvitationJob(deps: { db: Db; mailer: Mailer; clock: Clock; publicUrl: () => string }) {
  return defineJob({
    ...sendInvitationJob,
    async handle({ userId }) {
      const user = await findUserById(deps.db, userId);
      if (!user?.email || user.passwordHash) return; // nothing to do: no address, or already active
      const token = await issueInvitation(deps.db, user.id, deps.clock.now());
      const link = `${deps.publicUrl()}/admin/#/invite/${token}`;
      await deps.mailer.send({
        to: user.email,
        subject: 'Lời mời sử dụng hệ thống Loa / Invitation to Loa',
        text:
          `Xin chào ${user.displayName},\n\n` +
          `Bạn được mời sử dụng hệ thống thông tin Loa với tên đăng nhập "${user.username}" (${user.unitName}).\n` +
          `Đặt mật khẩu tại: ${link}\nLiên kết có hiệu lực trong 72 giờ.\n\n` +
          `Hello ${user.displayName}, you are invited to Loa as "${user.username}". Set your password at the link above (valid 72 hours).\n`,
      });
    },
  });
}
