// The public side (no session, read only): each published CAP document as published, and the Atom index of the
// active ones (/cap/atom.xml).
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { UnitLookup } from '../units/index.ts';
import * as repo from './alerts.repository.ts';
import { MAX_FEED_ENTRIES, renderAtom, tagUriOf } from './atom.ts';
import { capDateTime } from './cap-xml.ts';

export interface PublicDocument {
  body: string;
  etag: string;
  lastModified: Date | null;
}

const etagOf = (s: string) => `"${createHash('sha256').update(s).digest('base64url').slice(0, 27)}"`;

export function createCapFeed(deps: { db: Db; clock: Clock; units: UnitLookup }) {
  const { db, clock, units } = deps;
  return {
    /** `<identifier>.xml` → the stored document, byte for byte; 404 for anything not published. */
    async capDocument(file: string): Promise<PublicDocument> {
      const identifier = file.endsWith('.xml') ? file.slice(0, -4) : null;
      const found = identifier ? await repo.findPublishedXml(db, identifier) : undefined;
      if (!found) throw new AppError('NOT_FOUND');
      return { body: found.xml, etag: etagOf(found.xml), lastModified: found.publishedAt };
    },

    /** Active messages, newest first; `base` is the public URL the links are made from. */
    async atomFeed(base: string): Promise<PublicDocument> {
      const now = clock.now();
      const rows = await repo.activeFeed(db, now, MAX_FEED_ENTRIES);
      const names = new Map((await units.byIds([...new Set(rows.map((r) => r.unitId))])).map((u) => [u.id, u.name]));
      const body = renderAtom({
        self: `${base}/cap/atom.xml`,
        title: 'Cảnh báo khẩn cấp (CAP 1.2)',
        author: 'Loa',
        now: capDateTime(now),
        entries: rows.map((r) => ({
          id: tagUriOf({ sender: r.sender!, identifier: r.identifier!, sent: capDateTime(r.sent!) }),
          identifier: r.identifier!,
          headline: r.infoVi.headline,
          sent: capDateTime(r.sent!),
          senderName: names.get(r.unitId) ?? r.sender!,
          summary: r.infoVi.description,
          href: `${base}/cap/${r.identifier!}.xml`,
        })),
      });
      return { body, etag: etagOf(body), lastModified: rows[0]?.sent ?? null };
    },
  };
}
export type CapFeed = ReturnType<typeof createCapFeed>;
