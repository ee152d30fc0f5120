// What the desk's action services share: their dependencies and small text helpers.
import type { Db } from '../../db/client.ts';
import type { Services } from '../module.ts';
import type { CasesDeps } from './cases.service.ts';

/** The identity sealed for a report's informant (the vault), or null when none or erased. Opened only where attached. */
export type OpenIdentity = (tx: Db, informantId: string) => Promise<{ name: string | null; phone: string | null; email: string | null; socialId: string | null } | null>;

export interface ActionsDeps extends CasesDeps {
  directives: Pick<Services['directives'], 'createDirective'>;
  tasks: Pick<Services['tasks'], 'createTask'>;
  publishing: Pick<Services['publishing'], 'listSections' | 'createSection' | 'createPost' | 'publishPost'>;
  broadcasts: Pick<Services['broadcasts'], 'createBroadcast'>;
  bulletins: Pick<Services['bulletins'], 'createBulletin'>;
  socialAccounts: Pick<Services['socialAccounts'], 'listAccounts'>;
  socialPublishing: Pick<Services['socialPublishing'], 'publish'>;
  openIdentity: OpenIdentity;
}

/** A text cut to `max` characters, with an ellipsis when cut. */
export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
