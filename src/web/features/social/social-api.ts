// Client of the social API (the social module, issue #14): the unit's pages, cross-posts and the inbox.
// Every response is checked against the shared contract.
import { z } from 'zod';
import { queryString, request, requestParsed } from '../../api.ts';
import {
  AccountListOut,
  InboxItemOut,
  InboxListOut,
  InboxMembersOut,
  PublicationListOut,
  PublicationView,
  PublicationsOut,
  SocialAccountView,
} from '../../../shared/contracts/social.ts';
import type { ConnectAccountBody, InboxState, PublishSource, SourceKind } from '../../../shared/contracts/social.ts';

export { INBOX_STATES, PLATFORM_LABELS, PUBLICATION_STATES, REPLY_WINDOW_HOURS } from '../../../shared/contracts/social.ts';
export type {
  AccountList,
  InboxItemView,
  InboxState,
  PublicationState,
  PublicationView,
  SocialAccountView,
  SocialPlatformName,
  SourceKind,
} from '../../../shared/contracts/social.ts';

const enc = encodeURIComponent;

export const listAccounts = (unitId: string) => requestParsed(AccountListOut, 'GET', `/api/units/${enc(unitId)}/social/accounts`);

export async function connectAccount(unitId: string, body: z.input<typeof ConnectAccountBody>): Promise<SocialAccountView> {
  return (await requestParsed(z.object({ account: SocialAccountView }), 'POST', `/api/units/${enc(unitId)}/social/accounts`, body)).account;
}

export const disconnectAccount = (id: string) => request<void>('DELETE', `/api/social/accounts/${enc(id)}`);

export async function listPublications(unitId: string, q: { sourceKind?: SourceKind; sourceId?: string } = {}): Promise<PublicationView[]> {
  return (await requestParsed(PublicationListOut, 'GET', `/api/units/${enc(unitId)}/social/publications${queryString(q)}`)).items;
}

export async function publishToPages(unitId: string, source: z.input<typeof PublishSource>, accountIds: string[]): Promise<PublicationView[]> {
  return (await requestParsed(PublicationsOut, 'POST', `/api/units/${enc(unitId)}/social/publications`, { source, accountIds })).publications;
}

const PublicationOut = z.object({ publication: PublicationView });
export async function retryPublication(id: string): Promise<PublicationView> {
  return (await requestParsed(PublicationOut, 'POST', `/api/social/publications/${enc(id)}/retry`)).publication;
}
export async function markPublished(id: string, permalink: string): Promise<PublicationView> {
  return (await requestParsed(PublicationOut, 'POST', `/api/social/publications/${enc(id)}/mark-published`, { permalink })).publication;
}

export const listInbox = (unitId: string, q: { state?: InboxState | ''; tag?: string; accountId?: string }) =>
  requestParsed(InboxListOut, 'GET', `/api/units/${enc(unitId)}/social/inbox${queryString(q)}`);
export async function inboxMembers(unitId: string) {
  return (await requestParsed(InboxMembersOut, 'GET', `/api/units/${enc(unitId)}/social/inbox/members`)).items;
}
const item = async (method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) => (await requestParsed(InboxItemOut, method, path, body)).item;
export const getInboxItem = (id: string) => item('GET', `/api/social/inbox/${enc(id)}`);
export const assignInboxItem = (id: string, assigneeId: string | null) => item('PUT', `/api/social/inbox/${enc(id)}/assignee`, { assigneeId });
export const tagInboxItem = (id: string, tags: string[]) => item('PUT', `/api/social/inbox/${enc(id)}/tags`, { tags });
export const setInboxState = (id: string, state: 'closed' | 'open') => item('POST', `/api/social/inbox/${enc(id)}/state`, { state });
export const replyToInboxItem = (id: string, text: string) => item('POST', `/api/social/inbox/${enc(id)}/reply`, { text });
export const convertToQuestion = (id: string, body: { sectionId: string; question: string; answer: string }) => item('POST', `/api/social/inbox/${enc(id)}/question`, body);
