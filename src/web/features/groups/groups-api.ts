// Client of the recipient-groups API (/api/groups). Shapes are the shared contract
// (src/shared/contracts/groups.ts); every response is checked against it.
import { z } from 'zod';
import { queryString, request, requestParsed } from '../../api.ts';
import { GroupListOut, GroupOut } from '../../../shared/contracts/groups.ts';
import type { Group, GroupRuleValue as GroupRule } from '../../../shared/contracts/groups.ts';
import { UnitListOut, type Unit } from '../../../shared/contracts/units.ts';

export type { Group, GroupRuleValue as GroupRule } from '../../../shared/contracts/groups.ts';

const enc = encodeURIComponent;
const GroupEnvelope = z.object({ group: GroupOut });

export async function listGroups(ownerUnitId: string): Promise<Group[]> {
  return (await requestParsed(GroupListOut, 'GET', `/api/groups${queryString({ ownerUnitId })}`)).items;
}

export async function getGroup(id: string): Promise<Group> {
  return (await requestParsed(GroupEnvelope, 'GET', `/api/groups/${enc(id)}`)).group;
}

export async function getGroupMembers(id: string, at: string): Promise<Unit[]> {
  return (await requestParsed(UnitListOut, 'GET', `/api/groups/${enc(id)}/members${queryString({ at })}`)).items;
}

export interface NewGroup {
  ownerUnitId: string;
  name: string;
  description?: string;
  rule: GroupRule;
}

export async function createGroup(input: NewGroup): Promise<Group> {
  return (await requestParsed(GroupEnvelope, 'POST', '/api/groups', input)).group;
}

export interface GroupPatch {
  name?: string;
  description?: string | null;
  rule?: GroupRule;
}

export async function updateGroup(id: string, patch: GroupPatch): Promise<Group> {
  return (await requestParsed(GroupEnvelope, 'PATCH', `/api/groups/${enc(id)}`, patch)).group;
}

export function deleteGroup(id: string): Promise<void> {
  return request<void>('DELETE', `/api/groups/${enc(id)}`);
}
