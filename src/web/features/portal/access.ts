// What the signed-in user may do in a section. Mirrors the server's rule
// (publishing.service.ts: a permission held on the owner or the delegate unit
// counts in the section; src/server/modules/access/policy.ts GRANTS) so the UI
// only shows controls the server will accept. The server stays the authority.
import { useEffect, useState } from 'react';
import { getUnit, type Me, type Role } from '../../api.ts';
import type { PostStatus, Section } from './portal-api.ts';

export interface SectionAccess {
  /** Still resolving the units' ancestry. */
  loading: boolean;
  manage: boolean;
  write: boolean;
  publish: boolean;
  situation: boolean;
  answer: boolean;
}

const NONE: SectionAccess = { loading: false, manage: false, write: false, publish: false, situation: false, answer: false };

// Roles granting each permission (policy.ts GRANTS).
const WRITE: Role[] = ['system_admin', 'drafter', 'approver'];
const PUBLISH: Role[] = ['system_admin', 'approver'];
const MANAGE: Role[] = ['system_admin', 'unit_admin'];

const ancestry = new Map<string, Promise<string[]>>();

/** The unit itself and its ancestors' ids. */
function unitLine(id: string): Promise<string[]> {
  let p = ancestry.get(id);
  if (!p) {
    p = getUnit(id).then(
      (d) => [...d.path.map((x) => x.id), d.unit.id],
      () => [id],
    );
    ancestry.set(id, p);
  }
  return p;
}

const has = (me: Me, roles: Role[]) => me.roles.some((r) => roles.includes(r));

export function computeAccess(me: Me, ownerInScope: boolean, delegateInScope: boolean): SectionAccess {
  const global = me.roles.includes('system_admin');
  const either = global || ownerInScope || delegateInScope;
  return {
    loading: false,
    manage: has(me, MANAGE) && (global || ownerInScope),
    write: has(me, WRITE) && either,
    publish: has(me, PUBLISH) && either,
    situation: has(me, WRITE) && either,
    answer: has(me, WRITE) && either,
  };
}

export function useSectionAccess(me: Me, section: Section | null | undefined): SectionAccess {
  const [access, setAccess] = useState<SectionAccess>({ ...NONE, loading: true });
  const owner = section?.ownerUnitId ?? null;
  const delegate = section?.delegateUnitId ?? null;
  useEffect(() => {
    if (!owner) {
      setAccess(NONE);
      return;
    }
    let alive = true;
    setAccess((a) => ({ ...a, loading: true }));
    void Promise.all([unitLine(owner), delegate ? unitLine(delegate) : Promise.resolve<string[]>([])]).then(([o, d]) => {
      if (alive) setAccess(computeAccess(me, o.includes(me.unitId), d.includes(me.unitId)));
    });
    return () => {
      alive = false;
    };
  }, [me, owner, delegate]);
  return access;
}

export type PostAction = 'submit' | 'publish' | 'schedule' | 'return' | 'unpublish';

/** Workflow buttons for a post in a status (publishing.service.ts allowed transitions). */
export function postActions(status: PostStatus, access: Pick<SectionAccess, 'write' | 'publish'>): PostAction[] {
  const out: PostAction[] = [];
  if (access.write && (status === 'draft' || status === 'unpublished')) out.push('submit');
  if (access.publish) {
    if (status !== 'published') out.push('publish', 'schedule');
    if (status === 'review') out.push('return');
    if (status === 'published' || status === 'scheduled') out.push('unpublish');
  }
  return out;
}

/** Content may be edited: drafts by writers; live posts only by publishers (with a correction note). */
export function canEditPost(status: PostStatus, access: Pick<SectionAccess, 'write' | 'publish'>): boolean {
  return status === 'published' || status === 'scheduled' ? access.publish : access.write;
}
